namespace Attestation.Domain.Directory;

/// <summary>
/// «Предмет / направление» in the genitive the documents use after «учитель»: «физической культуры», «информатики и ИКТ».
/// </summary>
public sealed class Subject : IDirectoryEntry
{
    public const int NameMaxLength = 200;

    public Subject(string name)
    {
        Name = Text.Required(name, "Наименование предмета", NameMaxLength);
        IsActive = true;
    }

    private Subject()
    {
        Name = string.Empty;
    }

    /// <summary>Database-generated; 0 until saved.</summary>
    public int Id { get; private set; }

    public string Name { get; private set; }

    public bool IsActive { get; private set; }

    public void Rename(string name) => Name = Text.Required(name, "Наименование предмета", NameMaxLength);

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}
