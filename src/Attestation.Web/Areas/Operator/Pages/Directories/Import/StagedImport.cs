using Attestation.Web.Data;
using Attestation.Web.Documents.Spreadsheets;
using Attestation.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Directories.Import;

/// <summary>
/// The uploaded file between the preview and «Сохранить». It is kept in StoredFiles (through <see cref="IFileStore"/>),
/// and the form carries only its id: the save re-reads and re-checks exactly the bytes that were previewed, on any
/// portal instance, without the operator choosing the file again and without server memory. Only a file that passed
/// the check is kept; it is deleted by the save that imports it (same transaction) or by «Отменить».
/// </summary>
public static class StagedImport
{
    public static Guid Stage(IFileStore files, byte[] content, string? fileName, Guid operatorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(files);
        var name = UploadValidator.SanitiseFileName(fileName, null);
        if (!name.EndsWith(Spreadsheet.Extension, StringComparison.OrdinalIgnoreCase))
            name += Spreadsheet.Extension;
        return files.Stage(new ValidatedUpload(name, Spreadsheet.ContentType, content), operatorId, now);
    }

    /// <summary>The staged file, tracked so that the save can delete it; only the operator's own upload of a workbook.</summary>
    public static Task<StoredFile?> FindAsync(AttestationDbContext db, Guid? fileId, Guid operatorId, CancellationToken ct) =>
        fileId is null
            ? Task.FromResult<StoredFile?>(null)
            : db.StoredFiles.SingleOrDefaultAsync(
                f => f.Id == fileId && f.CreatedBy == operatorId && f.ContentType == Spreadsheet.ContentType, ct);

    /// <summary>Deletes the staged file (a cancelled upload, or one the save found wrong on its re-check).</summary>
    public static async Task DiscardAsync(AttestationDbContext db, StoredFile? staged, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (staged is null)
            return;
        db.StoredFiles.Remove(staged);
        await db.SaveChangesAsync(ct);
    }

    public const string Lost = "Загруженный файл не найден: он уже сохранён или отменён. Загрузите файл снова.";
}
