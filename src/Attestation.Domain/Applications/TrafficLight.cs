namespace Attestation.Domain.Applications;

public enum TrafficLight
{
    /// <summary>Within the term with at least a week to spare, or done in time.</summary>
    Green = 0,

    /// <summary>The last seven days of the term.</summary>
    Amber = 1,

    /// <summary>Past the term and not done, or done late.</summary>
    Red = 2,
}
