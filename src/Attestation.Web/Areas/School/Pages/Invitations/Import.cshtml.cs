using System.ComponentModel.DataAnnotations;
using Attestation.Domain;
using Attestation.Web.Areas.Operator.Pages.Directories.Import;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Documents.Spreadsheets;
using Attestation.Web.Infrastructure;
using Attestation.Web.Notifications;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.School.Pages.Invitations;

/// <summary>
/// «Загрузка списка педагогов из Excel»: the template, the upload with a preview that names every bad row, and
/// «Отправить приглашения», which invites every teacher of the list (each gets his letter) only when no row has a
/// problem: a list half sent would leave the coordinator guessing who got a letter, so it is all or nothing, as in the
/// directory imports he may know.
/// </summary>
public sealed class ImportModel(
    AttestationDbContext db,
    ILookupNormalizer normalizer,
    InvitationSender sender,
    IFileStore files,
    UploadValidator uploads,
    RegionTime region) : PageModel
{
    [BindProperty]
    [Display(Name = "Файл Excel (.xlsx)")]
    public IFormFile? Upload { get; set; }

    /// <summary>The previewed file, kept for «Отправить приглашения»; it is also the key of the invitations it makes.</summary>
    [BindProperty]
    public Guid? FileId { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string? Organisation { get; private set; }

    public TeacherImport.Result? Preview { get; private set; }

    public IReadOnlyList<int> ExampleRows { get; private set; } = [];

    public string? FileName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Organisation = (await OwnOrganisation.OfAsync(db, User, ct))?.Name;

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct) =>
        this.Attachment(await new TeacherImport(db, normalizer).TemplateAsync(ct), Spreadsheet.ContentType,
            ImportWorkbook.TemplateFileName("Шаблон списка педагогов"));

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        var organisation = await OwnOrganisation.OfAsync(db, User, ct);
        if (organisation is null)
            return NotFound();
        Organisation = organisation.Name;
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
        var organisation = await OwnOrganisation.OfAsync(db, User, ct);
        if (organisation is null)
            return NotFound();
        Organisation = organisation.Name;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var staged = await StagedImport.FindAsync(db, FileId, User.UserId(), ct);
        if (staged is null)
        {
            // A second post of the same «Отправить»: the first one sent the invitations and removed the file.
            ModelState.AddModelError(string.Empty, StagedImport.Lost + " Отправленные приглашения — в списке приглашённых.");
            FileId = null;
            return Page();
        }

        FileName = staged.FileName;
        // Colleagues may have registered or been invited since the preview: everything is checked again.
        if (!await CheckAsync(staged.Content, ct) || !Preview!.IsValid)
        {
            await StagedImport.DiscardAsync(db, staged, ct);
            await transaction.CommitAsync(ct);
            FileId = null;
            return Page();
        }

        var by = new Actor(User.UserId(), Roles.SchoolCoordinator);
        var letter = new InvitationLetter();
        foreach (var line in Preview.Lines)
        {
            letter.Email = line.Email;
            await sender.QueueAsync(letter, Roles.Teacher, organisation.MunicipalityId, organisation.Id, by, Url,
                TeacherImport.InvitationId(staged.Id, line.Row), line.Teacher, ct);
        }
        db.StoredFiles.Remove(staged);
        var saved = await db.TrySaveAsync(_ => Task.CompletedTask, ct,
            conflict: "Этот список уже отправлен из другой вкладки. Проверьте список приглашённых.",
            duplicate: "Эти приглашения уже отправлены (список сохранён в другой вкладке). Проверьте список приглашённых.");
        if (saved.Refusal is { } refusal)
        {
            this.Refuse(refusal);
            return RedirectToPage("./Index");
        }
        await transaction.CommitAsync(ct);

        StatusMessage = $"Приглашения отправлены: {Preview.Lines.Count}. Каждый педагог получит письмо со ссылкой для регистрации.";
        return RedirectToPage("./Index");
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        await StagedImport.DiscardAsync(db, await StagedImport.FindAsync(db, FileId, User.UserId(), ct), ct);
        StatusMessage = "Загрузка отменена: ничего не сохранено, приглашения не отправлены.";
        return RedirectToPage();
    }

    /// <summary>False with a message when the file is not a filled template; otherwise <see cref="Preview"/> is set.</summary>
    private async Task<bool> CheckAsync(byte[] content, CancellationToken ct)
    {
        using var book = ImportWorkbook.Open(content);
        var (rows, examples, error) = ImportWorkbook.ReadRows(book, TeacherImport.Columns);
        if (error is null && rows.Count == 0)
            error = "В файле нет ни одного педагога: заполните строки под заголовком.";
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Upload), error);
            return false;
        }

        ExampleRows = examples;
        Preview = await new TeacherImport(db, normalizer).CheckAsync(rows, region.Now, ct);
        return true;
    }
}
