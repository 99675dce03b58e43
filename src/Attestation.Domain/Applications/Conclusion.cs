namespace Attestation.Domain.Applications;

/// <summary>
/// «Итоговое заключение»: uploaded by an expert (or the operator) with the experts' recommendation, then replaced by the
/// copy signed by the teacher and both experts. Owned by the application.
/// </summary>
public sealed class Conclusion
{
    public const int CommentMaxLength = 4000;

    internal Conclusion(Guid fileId, Conformity recommendation, string? comment, Guid uploadedBy, DateTimeOffset uploadedAt)
    {
        FileId = fileId;
        Recommendation = recommendation;
        Comment = comment;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
    }

    private Conclusion()
    {
    }

    /// <summary>The uploaded file in the portal's storage.</summary>
    public Guid FileId { get; private set; }

    public Conformity Recommendation { get; private set; }

    public string? Comment { get; private set; }

    public Guid UploadedBy { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>The scan signed by the teacher and both experts.</summary>
    public Guid? SignedFileId { get; private set; }

    public DateTimeOffset? SignedAt { get; private set; }

    public Guid? SignedBy { get; private set; }

    public bool IsSigned => SignedFileId is not null;

    internal void Replace(Guid fileId, Conformity recommendation, string? comment, Guid uploadedBy, DateTimeOffset uploadedAt)
    {
        FileId = fileId;
        Recommendation = recommendation;
        Comment = comment;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
    }

    internal void Sign(Guid signedFileId, Guid signedBy, DateTimeOffset signedAt)
    {
        SignedFileId = signedFileId;
        SignedBy = signedBy;
        SignedAt = signedAt;
    }
}
