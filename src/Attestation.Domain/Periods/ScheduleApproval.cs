namespace Attestation.Domain.Periods;

/// <summary>
/// The operator's approval of a municipality's schedule for a period (as part of the consolidated schedule): from then
/// on the schedule is «утверждённый», public without private data, and the experts see their individual schedules.
/// </summary>
public sealed class ScheduleApproval
{
    public ScheduleApproval(Guid periodId, int municipalityId, Guid approvedBy, DateTimeOffset now)
    {
        if (periodId == Guid.Empty)
        {
            throw new ArgumentException("An approval belongs to a period.", nameof(periodId));
        }

        if (approvedBy == Guid.Empty)
        {
            throw new ArgumentException("An approval needs the operator's id.", nameof(approvedBy));
        }

        Id = Guid.CreateVersion7();
        PeriodId = periodId;
        MunicipalityId = municipalityId > 0
            ? municipalityId
            : throw new ArgumentOutOfRangeException(nameof(municipalityId), municipalityId, "A municipality id is positive.");
        ApprovedBy = approvedBy;
        ApprovedAt = Instant.Utc(now);
    }

    private ScheduleApproval()
    {
    }

    public Guid Id { get; private set; }

    public Guid PeriodId { get; private set; }

    public int MunicipalityId { get; private set; }

    public Guid ApprovedBy { get; private set; }

    public DateTimeOffset ApprovedAt { get; private set; }
}
