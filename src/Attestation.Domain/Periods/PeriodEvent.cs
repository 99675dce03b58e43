namespace Attestation.Domain.Periods;

/// <summary>What happened to a period: closed by the operator or automatically after the 12th, reopened, its schedules approved, and why.</summary>
public sealed class PeriodEvent
{
    internal PeriodEvent(Guid periodId, DateTimeOffset at, Guid? actorId, PeriodEventKind kind, string description, string? reason)
    {
        Id = Guid.CreateVersion7();
        PeriodId = periodId;
        At = at;
        ActorId = actorId;
        Kind = kind;
        Description = description;
        Reason = reason;
    }

    private PeriodEvent()
    {
        Description = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PeriodId { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>Null when the portal itself acted (the automatic closing).</summary>
    public Guid? ActorId { get; private set; }

    public PeriodEventKind Kind { get; private set; }

    public string Description { get; private set; }

    public string? Reason { get; private set; }
}

public enum PeriodEventKind
{
    Closed = 0,
    ClosedAutomatically = 1,
    Reopened = 2,
    ScheduleApproved = 3,
}
