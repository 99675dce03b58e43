namespace Attestation.Domain.Applications;

/// <summary>The 30-day clock from submission to registration or rejection, as shown next to an application.</summary>
/// <param name="SubmittedOn">The region's calendar date of the (latest) submission: day 0.</param>
/// <param name="Deadline">The last day to register or reject: <paramref name="SubmittedOn"/> + 30.</param>
/// <param name="ConsideredOn">When it was registered, rejected or withdrawn; null while waiting.</param>
/// <param name="DaysLeft">Days from today (or from <paramref name="ConsideredOn"/>) to the deadline; negative when late.</param>
public sealed record ConsiderationClock(
    DateOnly SubmittedOn,
    DateOnly Deadline,
    DateOnly? ConsideredOn,
    int DaysLeft,
    TrafficLight Light)
{
    public bool IsRunning => ConsideredOn is null;

    public bool IsOverdue => DaysLeft < 0;
}
