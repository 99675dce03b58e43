using System.ComponentModel.DataAnnotations;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Documents.Spreadsheets;
using Attestation.Web.Infrastructure;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Directories.Import;

/// <summary>
/// «Загрузка образовательных организаций из Excel»: the template, the upload with a preview that lists every row's
/// problems, and «Сохранить», which imports all rows in one transaction only when no row has a problem.
/// </summary>
public sealed class OrganisationsModel(AttestationDbContext db, IFileStore files, UploadValidator uploads, RegionTime region)
    : PageModel
{
    [BindProperty]
    [Display(Name = "Файл Excel (.xlsx)")]
    public IFormFile? Upload { get; set; }

    /// <summary>The previewed file, kept for «Сохранить».</summary>
    [BindProperty]
    public Guid? FileId { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public OrganisationImport.Result? Preview { get; private set; }

    public IReadOnlyList<int> ExampleRows { get; private set; } = [];

    public string? FileName { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct) =>
        this.Attachment(await new OrganisationImport(db).TemplateAsync(ct), Spreadsheet.ContentType,
            ImportWorkbook.TemplateFileName("Шаблон загрузки организаций"));

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        var (content, error) = await ImportWorkbook.ReadUploadAsync(uploads, Upload, ct);
        if (content is null)
        {
            ModelState.AddModelError(nameof(Upload), error!);
            return Page();
        }

        if (await CheckAsync(content, ct) && Preview!.IsValid)
        {
            FileId = StagedImport.Stage(files, content, Upload!.FileName, User.UserId(), region.Now);
            await db.SaveChangesAsync(ct);
        }
        FileName = Upload!.FileName;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var staged = await StagedImport.FindAsync(db, FileId, User.UserId(), ct);
        if (staged is null)
        {
            ModelState.AddModelError(string.Empty, StagedImport.Lost);
            FileId = null;
            return Page();
        }

        FileName = staged.FileName;
        // The directory may have changed since the preview: everything is checked again.
        if (!await CheckAsync(staged.Content, ct) || !Preview!.IsValid)
        {
            await StagedImport.DiscardAsync(db, staged, ct);
            await transaction.CommitAsync(ct);
            FileId = null;
            return Page();
        }

        var organisations = OrganisationImport.Create(Preview);
        db.Organisations.AddRange(organisations);
        db.StoredFiles.Remove(staged);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException error) when (DbErrors.IsUniqueViolation(error))
        {
            ModelState.AddModelError(string.Empty,
                "Пока вы просматривали файл, часть этих организаций добавил другой пользователь. Ничего не сохранено: загрузите файл снова.");
            FileId = null;
            Preview = null;
            return Page();
        }

        StatusMessage = $"Загружено организаций: {organisations.Count}.";
        return RedirectToPage("../Organisations/Index");
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        await StagedImport.DiscardAsync(db, await StagedImport.FindAsync(db, FileId, User.UserId(), ct), ct);
        StatusMessage = "Загрузка отменена: ничего не сохранено.";
        return RedirectToPage();
    }

    /// <summary>False with a message when the file is not a filled template; otherwise <see cref="Preview"/> is set.</summary>
    private async Task<bool> CheckAsync(byte[] content, CancellationToken ct)
    {
        using var book = ImportWorkbook.Open(content);
        var (rows, examples, error) = ImportWorkbook.ReadRows(book, OrganisationImport.Columns);
        if (error is null && rows.Count == 0)
            error = "В файле нет ни одной организации: заполните строки под заголовком.";
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Upload), error);
            return false;
        }

        ExampleRows = examples;
        Preview = await new OrganisationImport(db).CheckAsync(rows, ct);
        return true;
    }
}
