namespace Attestation.Domain.Applications;

/// <summary>What can be done with an application, each by the one method of <see cref="Application"/> of the same name.</summary>
public enum ApplicationAction
{
    /// <summary><see cref="Application.UpdateDraft"/> and the documents: the teacher's draft or rejected application.</summary>
    Edit,

    /// <summary>The teacher deletes a draft.</summary>
    Delete,

    Submit,
    Register,
    Reject,
    AssignPeriod,
    Schedule,
    ReplaceExpert,
    AttachConclusion,
    SignConclusion,
    Verify,
    Decide,
    RecordOrder,
    /// <summary>The teacher files «заявление на отзыв».</summary>
    FileWithdrawal,

    /// <summary>The municipal coordinator files it on the teacher's behalf: only once the application is registered.</summary>
    FileWithdrawalForTeacher,
    CancelWithdrawal,
    RegisterWithdrawal,
}
