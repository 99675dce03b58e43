namespace Attestation.Domain.Applications;

/// <summary>One line of the application's history, shown to the teacher as a timeline: who, when, what, why.</summary>
public sealed class ApplicationEvent
{
    internal ApplicationEvent(
        Guid applicationId,
        int number,
        DateTimeOffset at,
        Actor actor,
        ApplicationEventKind kind,
        ApplicationStatus fromStatus,
        ApplicationStatus toStatus,
        string description,
        string? reason,
        Guid? fileId = null)
    {
        Id = Guid.CreateVersion7();
        ApplicationId = applicationId;
        Number = number;
        At = at;
        ActorId = actor.Id;
        ActorRole = actor.Role;
        Kind = kind;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        Description = description;
        Reason = reason;
        FileId = fileId;
    }

    private ApplicationEvent()
    {
        Description = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    /// <summary>1, 2, 3… within the application: several events can share an instant, so order by this.</summary>
    public int Number { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>Nullable so that imported or system events can be stored; the aggregate always records its actor.</summary>
    public Guid? ActorId { get; private set; }

    public string? ActorRole { get; private set; }

    public ApplicationEventKind Kind { get; private set; }

    public ApplicationStatus FromStatus { get; private set; }

    public ApplicationStatus ToStatus { get; private set; }

    /// <summary>What happened, in Russian.</summary>
    public string Description { get; private set; }

    /// <summary>Why, when somebody gave a reason (rejection, replacement, withdrawal).</summary>
    public string? Reason { get; private set; }

    /// <summary>A stored file the event leaves behind: the conclusion a replacement replaced, kept with the history.</summary>
    public Guid? FileId { get; private set; }
}
