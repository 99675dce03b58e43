namespace Attestation.Domain.Applications;

/// <summary>The clock of the attestation itself: at most 60 calendar days from the start of the period to the decision.</summary>
/// <param name="StartsOn">The first day of the period: day 1 of the attestation.</param>
/// <param name="LastDay">The 60th day, the last one on which the commission may decide.</param>
/// <param name="PeriodEndsOn">The period's last day, which may fall after <paramref name="LastDay"/>.</param>
/// <param name="DecidedOn">The commission's meeting date once decided.</param>
public sealed record AttestationClock(
    DateOnly StartsOn,
    DateOnly LastDay,
    DateOnly PeriodEndsOn,
    DateOnly? DecidedOn,
    int DaysLeft,
    TrafficLight Light)
{
    public bool PeriodExceedsLimit => PeriodEndsOn > LastDay;
}
