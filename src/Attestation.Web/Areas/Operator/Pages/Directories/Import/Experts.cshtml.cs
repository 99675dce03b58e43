using System.ComponentModel.DataAnnotations;
using Attestation.Domain;
using Attestation.Domain.Experts;
using Attestation.Domain.Periods;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Documents.Spreadsheets;
using Attestation.Web.Infrastructure;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Directories.Import;

/// <summary>
/// «Загрузка списка специалистов по аттестации» of a school year with the number and date of the approving order: the
/// same template → preview → «Сохранить» flow as the organisations.
/// </summary>
public sealed class ExpertsModel(AttestationDbContext db, IFileStore files, UploadValidator uploads, RegionTime region,
    ILookupNormalizer normalizer)
    : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    [Display(Name = "Файл Excel (.xlsx)")]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public Guid? FileId { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public ExpertListImport.Result? Preview { get; private set; }

    public IReadOnlyList<int> ExampleRows { get; private set; } = [];

    public string? FileName { get; private set; }

    /// <summary>The school years offered: the current one and the next.</summary>
    public IReadOnlyList<SchoolYear> Years { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Выберите учебный год.")]
        [Display(Name = "Учебный год")]
        public int? Year { get; set; }

        [Required(ErrorMessage = "Укажите номер распоряжения, которым утверждён список.")]
        [StringLength(ApprovedExpertList.OrderNumberMaxLength, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Номер распоряжения")]
        public string? OrderNumber { get; set; }

        [Required(ErrorMessage = "Укажите дату распоряжения.")]
        [Display(Name = "Дата распоряжения")]
        public DateOnly? OrderDate { get; set; }
    }

    /// <summary>The list of the chosen year when it exists: the import adds to it.</summary>
    public ApprovedExpertList? Existing { get; private set; }

    public int ExistingCount { get; private set; }

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        LoadYears();
        Input.Year = Years.Any(y => y.StartYear == year) ? year : Years[0].StartYear;
        await LoadExistingAsync(ct);
        Input.OrderNumber = Existing?.OrderNumber;
        Input.OrderDate = Existing?.OrderDate;
    }

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct) =>
        this.Attachment(await new ExpertListImport(db, normalizer).TemplateAsync(ct), Spreadsheet.ContentType,
            ImportWorkbook.TemplateFileName("Шаблон загрузки списка специалистов"));

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        LoadYears();
        CheckYear();
        await LoadExistingAsync(ct);
        var (content, error) = await ImportWorkbook.ReadUploadAsync(uploads, Upload, ct);
        if (content is null)
            ModelState.AddModelError(nameof(Upload), error!);
        if (!ModelState.IsValid)
            return Page();

        if (await CheckAsync(content!, ct) && Preview!.IsValid)
        {
            FileId = StagedImport.Stage(files, content!, Upload!.FileName, User.UserId(), region.Now);
            await db.SaveChangesAsync(ct);
        }
        FileName = Upload!.FileName;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        LoadYears();
        CheckYear();
        await LoadExistingAsync(ct);
        if (!ModelState.IsValid)
            return Page();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var staged = await StagedImport.FindAsync(db, FileId, User.UserId(), ct);
        if (staged is null)
        {
            ModelState.AddModelError(string.Empty, StagedImport.Lost);
            FileId = null;
            return Page();
        }

        FileName = staged.FileName;
        if (!await CheckAsync(staged.Content, ct) || !Preview!.IsValid)
        {
            await StagedImport.DiscardAsync(db, staged, ct);
            await transaction.CommitAsync(ct);
            FileId = null;
            return Page();
        }

        var year = new SchoolYear(Input.Year!.Value);
        var saved = await db.TrySaveAsync(async token =>
        {
            await new ExpertListImport(db, normalizer).AddAsync(year, Input.OrderNumber!, Input.OrderDate!.Value, Preview, token);
            db.StoredFiles.Remove(staged);
        }, ct, duplicate: "Пока вы просматривали файл, список этого учебного года изменил другой пользователь. Ничего не сохранено: загрузите файл снова.");
        if (saved.ReportTo(ModelState))
        {
            if (saved.Duplicated)
            {
                FileId = null;
                Preview = null;
            }
            return Page();
        }

        await transaction.CommitAsync(ct);

        StatusMessage = $"В список специалистов на {year} учебный год добавлено записей: {Preview.Lines.Count}.";
        return RedirectToPage("../Experts/Index", new { year = year.StartYear });
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        await StagedImport.DiscardAsync(db, await StagedImport.FindAsync(db, FileId, User.UserId(), ct), ct);
        StatusMessage = "Загрузка отменена: ничего не сохранено.";
        return RedirectToPage(new { year = Input.Year });
    }

    private async Task LoadExistingAsync(CancellationToken ct)
    {
        var year = Input.Year;
        Existing = await db.ApprovedExpertLists.AsNoTracking().SingleOrDefaultAsync(l => l.SchoolYearStart == year, ct);
        ExistingCount = Existing is null ? 0 : await db.ApprovedExperts.CountAsync(e => e.ListId == Existing.Id, ct);
    }

    private void LoadYears()
    {
        var current = SchoolYear.Containing(region.Today);
        Years = [current, current.Following()];
    }

    private void CheckYear()
    {
        if (Input.Year is { } y && Years.All(year => year.StartYear != y))
            ModelState.AddModelError("Input.Year", "Выберите учебный год из списка.");
    }

    private async Task<bool> CheckAsync(byte[] content, CancellationToken ct)
    {
        using var book = ImportWorkbook.Open(content);
        var (rows, examples, error) = ImportWorkbook.ReadRows(book, ExpertListImport.Columns);
        if (error is null && rows.Count == 0)
            error = "В файле нет ни одного специалиста: заполните строки под заголовком.";
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Upload), error);
            return false;
        }

        ExampleRows = examples;
        Preview = await new ExpertListImport(db, normalizer).CheckAsync(new SchoolYear(Input.Year!.Value), rows, ct);
        return true;
    }
}
