namespace Attestation.Domain.Directory;

/// <summary>«Должность»: учитель, воспитатель, преподаватель, методист…</summary>
public sealed class Position : IDirectoryEntry
{
    public const int NameMaxLength = 200;

    public Position(string name, bool isVocational = false, bool isMethodist = false)
    {
        Name = Text.Required(name, "Наименование должности", NameMaxLength);
        IsVocational = isVocational;
        IsMethodist = isMethodist;
        IsActive = true;
    }

    private Position()
    {
        Name = string.Empty;
    }

    /// <summary>Database-generated; 0 until saved.</summary>
    public int Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>«Преподаватель» belongs to vocational education; at a school it is usually a mistaken choice.</summary>
    public bool IsVocational { get; private set; }

    /// <summary>«Методист», «старший методист»: they cannot claim «педагог-методист».</summary>
    public bool IsMethodist { get; private set; }

    public bool IsActive { get; private set; }

    public void Rename(string name) => Name = Text.Required(name, "Наименование должности", NameMaxLength);

    public void Classify(bool isVocational, bool isMethodist)
    {
        IsVocational = isVocational;
        IsMethodist = isMethodist;
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}
