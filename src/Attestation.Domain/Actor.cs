namespace Attestation.Domain;

/// <summary>
/// Who performs an action: the user's id and the role he acts in (the role names are the web's constants,
/// recorded as text in the history).
/// </summary>
public sealed record Actor
{
    public Actor(Guid id, string role)
    {
        if (id == Guid.Empty)
        {
            throw new ArgumentException("An actor needs a user id.", nameof(id));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        Id = id;
        Role = role.Trim();
    }

    public Guid Id { get; }

    public string Role { get; }
}
