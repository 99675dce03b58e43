namespace Attestation.Domain.Applications;

/// <summary>The commission's decision: «установить» or «отказать» in the claimed category.</summary>
public enum DecisionOutcome
{
    Established = 0,
    Refused = 1,
}
