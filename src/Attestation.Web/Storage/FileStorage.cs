namespace Attestation.Web.Storage;

/// <summary>A file that passed the upload checks: its real type was read from its first bytes.</summary>
public sealed record ValidatedUpload(string FileName, string ContentType, byte[] Content);

/// <summary>A stored file read back for download.</summary>
public sealed record StoredFileContent(Guid Id, string FileName, string ContentType, byte[] Content);

/// <summary>The outcome of checking an upload: either the file or a Russian message for the field.</summary>
public sealed record UploadCheck(ValidatedUpload? Upload, string? Error)
{
    public bool IsValid => Upload is not null;
}

/// <summary>
/// Where uploaded and generated files live. The default keeps them in PostgreSQL: <see cref="Stage"/> adds the file
/// to the current unit of work, so it is written by the same SaveChanges (and transaction) as the row that refers to
/// it, and a failed request leaves no orphan. Another store (object storage) can implement this later.
/// </summary>
public interface IFileStore
{
    /// <summary>Stages the file for the next SaveChanges of the request's DbContext and returns its id.</summary>
    Guid Stage(ValidatedUpload upload, Guid uploadedBy, DateTimeOffset now);

    /// <summary>Reads a file; null when there is none with that id. Callers check the user's right to it first.</summary>
    Task<StoredFileContent?> OpenAsync(Guid fileId, CancellationToken ct);
}
