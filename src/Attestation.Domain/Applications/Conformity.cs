namespace Attestation.Domain.Applications;

/// <summary>«соответствует / не соответствует» the claimed category: the experts' recommendation and the coordinator's mark.</summary>
public enum Conformity
{
    Corresponds = 0,
    DoesNotCorrespond = 1,
}
