namespace Attestation.Domain.Applications;

/// <summary>A file attached to the application (the bytes live in the portal's storage under <see cref="FileId"/>).</summary>
public sealed class ApplicationDocument
{
    public const int FileNameMaxLength = 255;

    internal ApplicationDocument(
        Guid applicationId,
        ApplicationDocumentKind kind,
        Guid fileId,
        string fileName,
        Guid uploadedBy,
        DateTimeOffset uploadedAt)
    {
        Id = Guid.CreateVersion7();
        ApplicationId = applicationId;
        Kind = kind;
        FileId = fileId;
        FileName = fileName;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
    }

    private ApplicationDocument()
    {
        FileName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public ApplicationDocumentKind Kind { get; private set; }

    public Guid FileId { get; private set; }

    public string FileName { get; private set; }

    public Guid UploadedBy { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }
}
