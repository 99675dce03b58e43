using Attestation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Storage;

/// <summary>Files as rows of the request's own <see cref="AttestationDbContext"/>: saved or rolled back with the rest.</summary>
public sealed class PostgresFileStore(AttestationDbContext db) : IFileStore
{
    public Guid Stage(ValidatedUpload upload, Guid uploadedBy, DateTimeOffset now)
    {
        var file = StoredFile.From(upload, uploadedBy, now);
        db.StoredFiles.Add(file);
        return file.Id;
    }

    public Task<StoredFileContent?> OpenAsync(Guid fileId, CancellationToken ct) =>
        db.StoredFiles
            .AsNoTracking()
            .Where(f => f.Id == fileId)
            .Select(f => new StoredFileContent(f.Id, f.FileName, f.ContentType, f.Content))
            .SingleOrDefaultAsync(ct);
}
