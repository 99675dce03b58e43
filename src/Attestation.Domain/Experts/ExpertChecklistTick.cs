namespace Attestation.Domain.Experts;

/// <summary>
/// A step of the expert's procedure (seed «Процедурные мероприятия») that an expert has ticked for one attestee; the
/// ticks are kept so the expert and the coordinator see what is done.
/// </summary>
public sealed class ExpertChecklistTick
{
    public const int StepMaxLength = 60;

    public ExpertChecklistTick(Guid applicationId, Guid expertId, string step, DateTimeOffset now)
    {
        if (applicationId == Guid.Empty || expertId == Guid.Empty)
        {
            throw new ArgumentException("A tick belongs to an application and an expert.");
        }

        Id = Guid.CreateVersion7();
        ApplicationId = applicationId;
        ExpertId = expertId;
        Step = Text.Required(step, "Шаг", StepMaxLength);
        TickedAt = Instant.Utc(now);
    }

    private ExpertChecklistTick()
    {
        Step = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public Guid ExpertId { get; private set; }

    /// <summary>The step's code, e.g. "agree-visit-dates".</summary>
    public string Step { get; private set; }

    public DateTimeOffset TickedAt { get; private set; }
}
