using System.Globalization;
using Attestation.Web.Areas.Operator.Pages.Directories;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Documents;
using Attestation.Web.Documents.Spreadsheets;
using Attestation.Web.Documents.Templates;
using Attestation.Web.Infrastructure;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Journals;

/// <summary>
/// The operator's «Журнал регистрации заявлений педагогических работников на аттестацию» and «Журнал регистрации
/// отозванных заявлений педагогических работников на аттестацию»: of the whole region grouped by municipality, or of
/// one municipality (then the coordinator's own journal), for the dates chosen, as PDF or Excel.
/// </summary>
public sealed class IndexModel(
    AttestationDbContext db,
    RegionTime region,
    IDocumentRenderer documents,
    RegistrationJournalWorkbook registrationWorkbook,
    WithdrawalJournalWorkbook withdrawalWorkbook,
    CountedAheadStore countedAhead,
    DirectoryNameCache directories) : PageModel
{
    public const string Pdf = "pdf";
    public const string Excel = "xlsx";


    /// <summary>Dates outside these years are a typing slip, not a journal anyone keeps.</summary>
    private const int FirstYear = 2000;
    private const int LastYear = 2100;

    /// <summary>Empty for the whole region.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Municipality { get; set; }

    /// <summary>As typed («01.02.2026») or picked («2026-02-01»); kept as typed so that a wrong date is shown back.</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public List<SelectListItem> Municipalities { get; private set; } = [];

    public string? MunicipalityValue => Municipality is { } id ? OperatorLists.Text(id) : null;

    /// <summary>The choice once every field is right; null while something is wrong.</summary>
    public JournalFilter? Filter { get; private set; }

    /// <summary>«все муниципальные образования, 2026 год».</summary>
    public string? Description { get; private set; }

    public int Submitted { get; private set; }

    public int Withdrawals { get; private set; }

    /// <summary>When the two counts were counted ahead (the region's current year, <see cref="AheadCounting"/>); null when now.</summary>
    public DateTimeOffset? CountedAt { get; private set; }

    /// <summary>Why a download did not happen: too long for a PDF.</summary>
    public string? ErrorMessage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The first visit shows the current calendar year of the whole region.
        if (!Request.Query.ContainsKey("from") && !Request.Query.ContainsKey("to") && !Request.Query.ContainsKey("municipality"))
        {
            var year = region.Today.Year;
            From = Text(new DateOnly(year, 1, 1));
            To = Text(new DateOnly(year, 12, 31));
        }

        await ChooseAsync(ct, mayUseCounted: true);
    }

    public Task<IActionResult> OnGetRegistrationAsync(string? format, CancellationToken ct) =>
        DownloadAsync(format, () => Submitted,
            async filter =>
            {
                var journal = await RegistrationJournalModel.OpenAsync(db, filter, region.Zone, ct);
                var fileName = journal.FileName(RegistrationJournalModel.Title);
                if (format == Excel)
                    return await this.AttachmentAsync((stream, token) => registrationWorkbook.WriteAsync(journal, stream, token),
                        Spreadsheet.ContentType, fileName + Spreadsheet.Extension, ct);
                var pdf = await documents.RenderPdfAsync<RegistrationJournal>(
                    new Dictionary<string, object?> { [nameof(RegistrationJournal.Model)] = await RegistrationJournalModel.LoadAsync(journal, ct) },
                    PdfPageOptions.Table(journal.Total), ct);
                return this.Attachment(pdf, "application/pdf", fileName + ".pdf");
            },
            ct);

    public Task<IActionResult> OnGetWithdrawalsAsync(string? format, CancellationToken ct) =>
        DownloadAsync(format, () => Withdrawals,
            async filter =>
            {
                var journal = await WithdrawalJournalModel.OpenAsync(db, filter, region.Zone, ct);
                var fileName = journal.FileName(WithdrawalJournalModel.Title);
                if (format == Excel)
                    return await this.AttachmentAsync((stream, token) => withdrawalWorkbook.WriteAsync(journal, stream, token),
                        Spreadsheet.ContentType, fileName + Spreadsheet.Extension, ct);
                var pdf = await documents.RenderPdfAsync<WithdrawalJournal>(
                    new Dictionary<string, object?> { [nameof(WithdrawalJournal.Model)] = await WithdrawalJournalModel.LoadAsync(journal, ct) },
                    PdfPageOptions.Table(journal.Total), ct);
                return this.Attachment(pdf, "application/pdf", fileName + ".pdf");
            },
            ct);

    /// <summary>
    /// A journal file for the choice in the address. A wrong choice shows the page with its messages, never a file; a
    /// journal too long for a PDF says so there.
    /// </summary>
    /// <param name="lines">The journal's line count, as <see cref="ChooseAsync"/> counted it.</param>
    private async Task<IActionResult> DownloadAsync(string? format, Func<int> lines,
        Func<JournalFilter, Task<IActionResult>> write, CancellationToken ct)
    {
        if (format is not (Pdf or Excel))
            return NotFound();
        if (!await ChooseAsync(ct))
            return Page();
        if (format == Pdf && lines() is var count && DocumentLimits.TooLongForPdf(count))
        {
            ErrorMessage = DocumentLimits.TooLongForPdfMessage("журнале", count,
                "Выберите муниципальное образование или более короткий период либо скачайте Excel.");
            return Page();
        }

        return await write(Filter!);
    }

    /// <summary>
    /// Checks the fields and, when they are right, counts both journals' lines; false shows the messages. The page may
    /// show the region's current year as counted ahead; a download counts now (it decides whether a PDF is too long).
    /// </summary>
    private async Task<bool> ChooseAsync(CancellationToken ct, bool mayUseCounted = false)
    {
        Municipalities = await directories.MunicipalityChoicesAsync(db, ct);
        string? municipality = null;
        if (Municipality is { } id)
        {
            municipality = await db.FindMunicipalityNameAsync(id, ct);
            if (municipality is null)
                ModelState.AddModelError(nameof(Municipality), "Выберите муниципальное образование из списка.");
        }

        var from = Date(nameof(From), From, "Укажите, с какой даты.");
        var to = Date(nameof(To), To, "Укажите, по какую дату.");
        if (from is not null && to is not null && from > to)
            ModelState.AddModelError(nameof(To), "Дата окончания раньше даты начала.");
        if (!ModelState.IsValid)
            return false;

        Filter = new JournalFilter(Municipality, from, to);
        Description = (municipality is null ? "все муниципальные образования" : $"муниципальное образование \"{municipality}\"")
            + $", {Filter.PeriodText}";
        var year = region.Today.Year;
        if (mayUseCounted && Filter == JournalFilter.Year(null, year)
            && await countedAhead.ReadAsync<JournalCounts>(AheadKeys.Journals(year), ct) is { } counted)
            ((Submitted, Withdrawals), CountedAt) = (counted.Value, counted.CountedAt);
        else
            (Submitted, Withdrawals) = await AheadCounting.CountJournalsAsync(db, Filter, region.Zone, ct);
        return true;
    }

    private DateOnly? Date(string field, string? text, string missing)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError(field, missing);
            return null;
        }

        if (!DateInput.TryParse(text, out var date))
        {
            ModelState.AddModelError(field, DateInput.Invalid);
            return null;
        }

        if (date.Year is < FirstYear or > LastYear)
        {
            ModelState.AddModelError(field, $"Укажите дату с {FirstYear} по {LastYear} год.");
            return null;
        }

        return date;
    }

    /// <summary>A date as the fields show it after a visit with none: the picker's format.</summary>
    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString("N0", WebSetup.Russian);
}
