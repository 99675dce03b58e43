using Attestation.Domain;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Documents;
using Attestation.Web.Documents.Spreadsheets;
using Attestation.Web.Documents.Templates;
using Attestation.Web.Infrastructure;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Municipality.Pages.Journals;

/// <summary>
/// «Скачать» of the seed's two journals: «Журнал регистрации заявлений педагогических работников на аттестацию» and
/// «Журнал регистрации отозванных заявлений педагогических работников на аттестацию», of the coordinator's own
/// municipality, as PDF or Excel, optionally for one year. The registration and withdrawal pages link here.
/// </summary>
public sealed class IndexModel(
    AttestationDbContext db,
    RegionTime region,
    IDocumentRenderer documents,
    RegistrationJournalWorkbook registrationWorkbook,
    WithdrawalJournalWorkbook withdrawalWorkbook) : PageModel
{
    public const string Pdf = "pdf";
    public const string Excel = "xlsx";

    /// <summary>A calendar year; empty for all years.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public int Submitted { get; private set; }

    public int Withdrawals { get; private set; }

    /// <summary>
    /// One statement of three index reads: the first submission (the years offered run from its year to this one), the
    /// applications submitted and the withdrawals filed in the year chosen (or in all years).
    /// </summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Year is < FirstYear or > LastYear)
            Year = null;
        var municipalityId = MunicipalityId;
        var (from, to) = Year is { } year
            ? (YearStart(year), YearStart(year + 1))
            : (YearStart(FirstYear), YearStart(LastYear + 1));
        var counts = await db.Municipalities.AsNoTracking()
            .Where(m => m.Id == municipalityId)
            .Select(m => new
            {
                First = db.Applications
                    .Where(a => a.MunicipalityId == municipalityId && a.SubmittedAt != null)
                    .Min(a => a.SubmittedAt),
                Submitted = db.Applications
                    .Count(a => a.MunicipalityId == municipalityId && a.SubmittedAt >= from && a.SubmittedAt < to),
                Withdrawals = db.Applications
                    .Count(a => a.MunicipalityId == municipalityId && a.Withdrawal!.FiledAt >= from && a.Withdrawal.FiledAt < to),
            })
            .SingleAsync(ct);
        var thisYear = region.Today.Year;
        var firstYear = counts.First is { } first ? Math.Min(region.ToLocal(first).Year, thisYear) : thisYear;
        Years = Enumerable.Range(firstYear, thisYear - firstYear + 1).Reverse().ToList();
        (Submitted, Withdrawals) = (counts.Submitted, counts.Withdrawals);
    }

    /// <summary>The years a journal may be asked for.</summary>
    private const int FirstYear = 2000, LastYear = 2100;

    private DateTimeOffset YearStart(int year) => RegionClock.StartOfDay(new DateOnly(year, 1, 1), region.Zone);

    /// <summary>Why a download did not happen: too long for a PDF.</summary>
    public string? ErrorMessage { get; private set; }

    public async Task<IActionResult> OnGetRegistrationAsync(string? format, CancellationToken ct)
    {
        if (format is not (Pdf or Excel) || Year is < FirstYear or > LastYear)
            return NotFound();
        var journal = await RegistrationJournalModel.OpenAsync(db, JournalFilter.Year(MunicipalityId, Year), region.Zone, ct);
        var fileName = journal.FileName(RegistrationJournalModel.Title);
        if (format == Excel)
            return await this.AttachmentAsync((stream, token) => registrationWorkbook.WriteAsync(journal, stream, token),
                Spreadsheet.ContentType, fileName + Spreadsheet.Extension, ct);
        if (DocumentLimits.TooLongForPdf(journal.Total))
            return await RefuseAsync("журнале регистрации", journal.Total, ct);
        var pdf = await documents.RenderPdfAsync<RegistrationJournal>(
            new Dictionary<string, object?> { [nameof(RegistrationJournal.Model)] = await RegistrationJournalModel.LoadAsync(journal, ct) },
            PdfPageOptions.Table(journal.Total), ct);
        return this.Attachment(pdf, "application/pdf", fileName + ".pdf");
    }

    public async Task<IActionResult> OnGetWithdrawalsAsync(string? format, CancellationToken ct)
    {
        if (format is not (Pdf or Excel) || Year is < FirstYear or > LastYear)
            return NotFound();
        var journal = await WithdrawalJournalModel.OpenAsync(db, JournalFilter.Year(MunicipalityId, Year), region.Zone, ct);
        var fileName = journal.FileName(WithdrawalJournalModel.Title);
        if (format == Excel)
            return await this.AttachmentAsync((stream, token) => withdrawalWorkbook.WriteAsync(journal, stream, token),
                Spreadsheet.ContentType, fileName + Spreadsheet.Extension, ct);
        if (DocumentLimits.TooLongForPdf(journal.Total))
            return await RefuseAsync("журнале отозванных заявлений", journal.Total, ct);
        var pdf = await documents.RenderPdfAsync<WithdrawalJournal>(
            new Dictionary<string, object?> { [nameof(WithdrawalJournal.Model)] = await WithdrawalJournalModel.LoadAsync(journal, ct) },
            PdfPageOptions.Table(journal.Total), ct);
        return this.Attachment(pdf, "application/pdf", fileName + ".pdf");
    }

    /// <summary>The page again with the reason a PDF is not made: too many lines.</summary>
    private async Task<IActionResult> RefuseAsync(string document, int lines, CancellationToken ct)
    {
        ErrorMessage = DocumentLimits.TooLongForPdfMessage(document, lines,
            Year is null ? "Выберите год или скачайте Excel." : "Скачайте Excel.");
        await OnGetAsync(ct);
        return Page();
    }

    private int MunicipalityId => User.OwnMunicipalityId();
}
