namespace Attestation.Domain.Applications;

/// <summary>Where an application is in its life. Values are stored; do not renumber.</summary>
public enum ApplicationStatus
{
    Draft = 0,
    Submitted = 1,
    Registered = 2,
    Rejected = 3,
    Scheduled = 4,
    ConclusionUploaded = 5,
    ConclusionSigned = 6,
    Verified = 7,
    Decided = 8,
    Withdrawn = 9,
}
