using System.Security.Cryptography;

namespace Attestation.Web.Storage;

/// <summary>
/// The bytes of an uploaded or generated file, kept in PostgreSQL (docs/decisions/0002-state-outside-the-process.md).
/// Rows that refer to a file (an application's document, a conclusion) keep its <see cref="Id"/>.
/// </summary>
public sealed class StoredFile
{
    public const int FileNameMaxLength = 255;
    public const int ContentTypeMaxLength = 100;

    private StoredFile(string fileName, string contentType, byte[] content, Guid? createdBy, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7(createdAt);
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Length = content.LongLength;
        Sha256 = SHA256.HashData(content);
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    private StoredFile()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Content = [];
        Sha256 = [];
    }

    public Guid Id { get; private set; }

    /// <summary>As the user named it, sanitised (<see cref="UploadValidator.SanitiseFileName"/>).</summary>
    public string FileName { get; private set; }

    /// <summary>Detected from the content, never taken from the browser.</summary>
    public string ContentType { get; private set; }

    public long Length { get; private set; }

    /// <summary>32 bytes; lets a later check tell whether the stored bytes are still the uploaded ones.</summary>
    public byte[] Sha256 { get; private set; }

    public byte[] Content { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The user who uploaded it; null for files the portal generated on its own.</summary>
    public Guid? CreatedBy { get; private set; }

    public static StoredFile From(ValidatedUpload upload, Guid? createdBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (upload.Content.Length == 0)
            throw new ArgumentException("An empty file is not stored.", nameof(upload));
        if (string.IsNullOrWhiteSpace(upload.FileName) || upload.FileName.Length > FileNameMaxLength)
            throw new ArgumentException($"The file name must have 1 to {FileNameMaxLength} characters.", nameof(upload));
        // PostgreSQL keeps timestamptz in UTC and Npgsql refuses other offsets.
        return new StoredFile(upload.FileName, upload.ContentType, upload.Content, createdBy, now.ToUniversalTime());
    }
}
