namespace Attestation.Domain.Applications;

/// <summary>What happened to an application. Values are stored; do not renumber.</summary>
public enum ApplicationEventKind
{
    Created = 0,
    DraftUpdated = 1,
    DocumentAttached = 2,
    DocumentRemoved = 3,
    Submitted = 4,
    Resubmitted = 5,
    Registered = 6,
    Rejected = 7,
    PeriodAssigned = 8,
    Scheduled = 9,
    ExpertReplaced = 10,
    ConclusionAttached = 11,
    ConclusionReplaced = 12,
    ConclusionSigned = 13,
    Verified = 14,
    Decided = 15,
    OrderRecorded = 16,
    WithdrawalFiled = 17,
    WithdrawalCancelled = 18,
    Withdrawn = 19,
}
