namespace Attestation.Domain.Directory;

/// <summary>«Муниципальное образование»: г. Томск, ЗАТО Северск, Томский район… and the regional pseudo-municipality.</summary>
public sealed class Municipality : IDirectoryEntry
{
    public const int NameMaxLength = 300;
    public const int ShortNameMaxLength = 100;

    public Municipality(
        string name,
        string? shortName = null,
        bool isRegionalPseudo = false,
        bool handsConclusionsToSubjectGroup = false)
    {
        Name = Text.Required(name, "Наименование муниципального образования", NameMaxLength);
        ShortName = Text.Optional(shortName, "Краткое наименование", ShortNameMaxLength);
        IsRegionalPseudo = isRegionalPseudo;
        HandsConclusionsToSubjectGroup = handsConclusionsToSubjectGroup;
        IsActive = true;
    }

    private Municipality()
    {
        Name = string.Empty;
    }

    /// <summary>Database-generated; 0 until saved.</summary>
    public int Id { get; private set; }

    public string Name { get; private set; }

    public string? ShortName { get; private set; }

    /// <summary>«Областные образовательные учреждения»: regional institutions grouped as if they were a municipality.</summary>
    public bool IsRegionalPseudo { get; private set; }

    /// <summary>
    /// Tomsk and Seversk hand paper conclusions to a subject group leader by the 10th and he passes them on by the 12th;
    /// other municipalities skip that step.
    /// </summary>
    public bool HandsConclusionsToSubjectGroup { get; private set; }

    public bool IsActive { get; private set; }

    public string DisplayName => ShortName ?? Name;

    public void Rename(string name, string? shortName)
    {
        Name = Text.Required(name, "Наименование муниципального образования", NameMaxLength);
        ShortName = Text.Optional(shortName, "Краткое наименование", ShortNameMaxLength);
    }

    public void ChangeConclusionRouting(bool handsConclusionsToSubjectGroup) =>
        HandsConclusionsToSubjectGroup = handsConclusionsToSubjectGroup;

    /// <summary>Deactivated entries stay for history but are not offered in lists.</summary>
    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}
