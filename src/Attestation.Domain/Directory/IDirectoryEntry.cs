namespace Attestation.Domain.Directory;

/// <summary>
/// An entry of a directory the operator keeps (municipality, organisation, position, subject): named, and switched off
/// rather than deleted once anything refers to it.
/// </summary>
public interface IDirectoryEntry
{
    int Id { get; }

    string Name { get; }

    bool IsActive { get; }

    void Activate();

    void Deactivate();
}
