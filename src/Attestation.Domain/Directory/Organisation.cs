namespace Attestation.Domain.Directory;

/// <summary>«Образовательная организация» (ОО), e.g. ОГБОУ «ТФТЛ»; belongs to one municipality.</summary>
public sealed class Organisation : IDirectoryEntry
{
    public const int NameMaxLength = 500;
    public const int ShortNameMaxLength = 200;

    public Organisation(int municipalityId, string name, string? shortName = null, bool isVocational = false)
    {
        MunicipalityId = RequireMunicipality(municipalityId);
        Name = Text.Required(name, "Наименование образовательной организации", NameMaxLength);
        ShortName = Text.Optional(shortName, "Краткое наименование", ShortNameMaxLength);
        IsVocational = isVocational;
        IsActive = true;
    }

    private Organisation()
    {
        Name = string.Empty;
    }

    /// <summary>Database-generated; 0 until saved.</summary>
    public int Id { get; private set; }

    public int MunicipalityId { get; private set; }

    public string Name { get; private set; }

    public string? ShortName { get; private set; }

    /// <summary>
    /// A college or technical school: the position «преподаватель» belongs there, and the registration check looks at it.
    /// </summary>
    public bool IsVocational { get; private set; }

    public bool IsActive { get; private set; }

    public string DisplayName => ShortName ?? Name;

    public void Rename(string name, string? shortName)
    {
        Name = Text.Required(name, "Наименование образовательной организации", NameMaxLength);
        ShortName = Text.Optional(shortName, "Краткое наименование", ShortNameMaxLength);
    }

    public void MoveToMunicipality(int municipalityId) => MunicipalityId = RequireMunicipality(municipalityId);

    public void MarkVocational(bool isVocational) => IsVocational = isVocational;

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    private static int RequireMunicipality(int municipalityId) =>
        municipalityId > 0
            ? municipalityId
            : throw new DomainException("Не указано муниципальное образование образовательной организации.");
}
