using Attestation.Domain;
using Attestation.Domain.Periods;
using Attestation.Web.Areas.Operator.Pages.Periods;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Documents;
using Attestation.Web.Documents.Spreadsheets;
using Attestation.Web.Documents.Templates;
using Attestation.Web.Infrastructure;
using Attestation.Web.Jobs;
using Attestation.Web.Notifications;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Schedule;

/// <summary>
/// «Сводный график»: the schedules of all municipalities of the region for one period, grouped by municipality, with
/// what is scheduled and what is not; «Утвердить» (one municipality or all) once the period is closed for scheduling,
/// after which each municipal schedule shows as approved and the experts see their individual schedules; the PDF and
/// Excel files; and the way to the replacement of an expert, which after the closing only the operator makes.
/// </summary>
public sealed class IndexModel(
    AttestationDbContext db,
    RegionTime region,
    IDocumentRenderer documents,
    StaffEmails staff) : PageModel
{
    public const string Pdf = "pdf";
    public const string Excel = "xlsx";

    [BindProperty(SupportsGet = true)]
    public Guid? PeriodId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The municipality whose schedule is shown row by row; the others are a line each in the summary.</summary>
    [BindProperty(SupportsGet = true)]
    public int? MunicipalityId { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerView.Parameter)]
    public int? PageNumber { get; set; }

    public PagerView? Pager { get; private set; }

    /// <summary>The page of the municipalities' table (<see cref="Paging.MunicipalitiesPageSize"/> a page: a country has hundreds), its own parameter.</summary>
    [BindProperty(SupportsGet = true, Name = MunicipalitiesParameter)]
    public int? MunicipalitiesPageNumber { get; set; }

    public const string MunicipalitiesParameter = "mp";

    public IReadOnlyList<ConsolidatedSchedulePart> MunicipalitiesPage { get; private set; } = [];

    public PagerView? MunicipalitiesPager { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public SchoolYear SchoolYear { get; private set; }

    /// <summary>The periods of the school year shown, as the coordinators' lists name them.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Periods { get; private set; } = [];

    public AttestationPeriod? Period { get; private set; }

    public ConsolidatedScheduleModel? Schedule { get; private set; }

    /// <summary>Still open for scheduling: the coordinators are building the schedule and it cannot be approved yet.</summary>
    public bool IsOpen { get; private set; }

    public DateOnly? ScheduleDeadline => Period is null ? null : PeriodCalendar.ScheduleDeadline(Period);

    /// <summary>Municipalities with a schedule that is not approved yet.</summary>
    public int AwaitingApproval => Schedule?.AwaitingApproval ?? 0;

    public bool CanApprove => !IsOpen && AwaitingApproval > 0;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>The consolidated schedule file: <paramref name="format"/> «pdf» or «xlsx».</summary>
    public async Task<IActionResult> OnGetDownloadAsync(Guid periodId, string? format, CancellationToken ct)
    {
        if (format is not (Pdf or Excel))
            return NotFound();
        var period = await db.Periods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == periodId, ct);
        if (period is null)
            return NotFound();

        // The municipalities and their counts first: the Excel file reads each one's rows as it writes them, in the
        // memory of a row, and a PDF too long to print is refused before any row is read.
        var outline = await ConsolidatedScheduleModel.OutlineAsync(db, period, region.Zone, ct);
        if (format == Excel)
        {
            return await this.AttachmentAsync((stream, token) => ScheduleWorkbook.WriteConsolidatedAsync(stream, outline,
                    part => db.Lines(period.Id, part.MunicipalityId).AsAsyncEnumerable().Select((line, index) => line.ToRow(index + 1)),
                    token),
                Spreadsheet.ContentType, outline.FileName + Spreadsheet.Extension, ct);
        }

        if (DocumentLimits.TooLongForPdf(outline.Total))
        {
            this.Refuse(DocumentLimits.TooLongForPdfMessage("сводном графике", outline.Total, "Скачайте Excel."));
            return RedirectToPage(new { periodId });
        }

        var schedule = await ConsolidatedScheduleModel.LoadAsync(db, period, region.Zone, ct);
        var pdf = await documents.RenderPdfAsync<ConsolidatedSchedule>(
            new Dictionary<string, object?> { [nameof(ConsolidatedSchedule.Model)] = schedule },
            PdfPageOptions.Table(schedule.Total), ct);
        return this.Attachment(pdf, "application/pdf", schedule.FileName + ".pdf");
    }

    /// <summary>
    /// «Утвердить» (<paramref name="municipalityId"/> given) or «Утвердить все»: an approval for each municipality whose
    /// schedule has someone with both experts and is not approved yet, so that approving twice adds nothing. Under the
    /// period lock, with the period read after taking it: a reopening cannot slip in between the check and the save.
    /// </summary>
    public async Task<IActionResult> OnPostApproveAsync(Guid periodId, int? municipalityId, CancellationToken ct)
    {
        PeriodId = periodId;
        string message;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await PeriodLock.AcquireAsync(db, ct);
            var period = await db.Periods.SingleOrDefaultAsync(p => p.Id == periodId, ct);
            if (period is null)
                return NotFound();
            if (municipalityId is { } only && !await db.Municipalities.AnyAsync(m => m.Id == only, ct))
                return NotFound();

            var scheduled = await db.Applications.AsNoTracking()
                .Where(a => a.PeriodId == periodId && a.ExpertAId != null && a.ExpertBId != null)
                .Where(a => municipalityId == null || a.MunicipalityId == municipalityId)
                .Select(a => a.MunicipalityId)
                .Distinct()
                .ToListAsync(ct);
            var approved = await db.ScheduleApprovals.AsNoTracking()
                .Where(s => s.PeriodId == periodId)
                .Select(s => s.MunicipalityId)
                .ToListAsync(ct);
            var toApprove = await db.Municipalities.AsNoTracking()
                .Where(m => scheduled.Contains(m.Id) && !approved.Contains(m.Id))
                .Select(m => new { m.Id, m.Name })
                .ToListAsync(ct);

            if (scheduled.Count == 0)
            {
                ModelState.AddModelError(string.Empty, municipalityId is null
                    ? $"В периоде «{period.Name}» нет аттестуемых с назначенными специалистами: утверждать нечего."
                    : "В графике этого муниципального образования нет аттестуемых с назначенными специалистами: утверждать нечего.");
            }
            else
            {
                var refusal = SafeSave.RefusalOf(() =>
                {
                    foreach (var municipality in toApprove.OrderBy(m => m.Name, Alphabet.Russian))
                        db.ScheduleApprovals.Add(period.ApproveSchedule(municipality.Id, municipality.Name, User.UserId(), region.Now, region.Zone));
                });
                if (refusal is not null)
                    ModelState.AddModelError(string.Empty, refusal);
            }

            if (!ModelState.IsValid)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                await LoadAsync(ct);
                return Page();
            }

            // The experts named in the approved schedules are told with the approval itself.
            await staff.QueueScheduleApprovedAsync(period, toApprove.Select(m => m.Id).ToList(), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            message = toApprove.Count switch
            {
                0 when municipalityId is not null => $"График этого муниципального образования за период «{period.Name}» уже утверждён.",
                0 => $"Графики периода «{period.Name}» уже утверждены.",
                1 => $"Утверждён график за период «{period.Name}»: {toApprove[0].Name}.",
                _ => $"Утверждены графики за период «{period.Name}» ({toApprove.Count}): {string.Join(", ", toApprove.Select(m => m.Name).Order(Alphabet.Russian))}.",
            };
        }

        StatusMessage = message;
        return RedirectToPage(new { periodId, municipalityId });
    }

    /// <summary>
    /// Three statements whatever the size of the region: the periods with whether each has a schedule to approve, the
    /// municipalities' summaries, and a page of the chosen municipality's rows.
    /// </summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var today = region.Today;
        // A period not over yet ends in this month or later: its last month's index is at least this one's.
        var thisMonth = (today.Year * 12) + today.Month - 1;
        var lastMonth = AttestationPeriod.LengthInMonths - 1;
        var all = await db.Periods.AsNoTracking()
            .OrderBy(p => p.StartYear).ThenBy(p => p.StartMonth)
            .Select(p => new
            {
                Period = p,
                // A municipality not approved yet with someone scheduled with both experts: asked of the counts kept
                // for the period's municipalities (PeriodScheduleCount), not of its applications, every one of which
                // would be read once most municipalities are approved (a country: 70 ms; a probe of each municipality's
                // applications, 1.3 ms).
                Awaiting = (p.StartYear * 12) + p.StartMonth - 1 + lastMonth >= thisMonth
                    && db.PeriodScheduleCounts.Any(c => c.PeriodId == p.Id && c.Complete > 0
                        && !db.ScheduleApprovals.Any(s => s.PeriodId == p.Id && s.MunicipalityId == c.MunicipalityId)),
            })
            .ToListAsync(ct);
        var periods = all.Select(p => p.Period).ToList();
        var awaiting = all.Where(p => p.Awaiting).Select(p => p.Period.Id).ToHashSet();
        var chosenYear = PeriodId is null && Year is >= SchoolYear.MinStartYear and <= SchoolYear.MaxStartYear
            ? new SchoolYear(Year.Value)
            : (SchoolYear?)null;
        if (PeriodId is null)
            PeriodId = DefaultPeriod(chosenYear is { } y ? periods.Where(p => p.SchoolYear == y).ToList() : periods, awaiting)?.Id;

        Period = periods.Find(p => p.Id == PeriodId);
        if (PeriodId is not null && Period is null)
            return false;

        SchoolYear = Period?.SchoolYear ?? chosenYear ?? SchoolYear.Containing(today);
        Periods = periods
            .Where(p => p.SchoolYear == SchoolYear)
            .Select(p => (p.Id, PeriodState.ListName(p, region.Now, region.Zone)))
            .ToList();
        if (Period is null)
            return true;

        IsOpen = Period.IsOpenForScheduling(region.Now, region.Zone);
        var summaries = await db.SummariesAsync(Period.Id, municipalityId: null, preferredCoordinator: null, ct);
        IReadOnlyList<ScheduleLine> lines = [];
        var firstNumber = 1;
        if (MunicipalityId is { } chosen)
        {
            var summary = summaries.Find(s => s.MunicipalityId == chosen);
            if (summary is null)
                return false;
            var page = await db.LineRows(Period.Id, chosen)
                .ToPagedAsync(PageNumber, summary.Scheduled, db.WithExperts, ct);
            Pager = PagerView.Of(page, Request);
            (lines, firstNumber) = (page.Items, page.FirstNumber);
        }

        // The municipality chosen is on the page shown, unless another page was asked for. Only the page's parts (and
        // the chosen one's) are built: a country's 280 were, to show 25.
        var shownParts = ConsolidatedScheduleModel.Shown(summaries);
        var municipalitiesPage = MunicipalitiesPageNumber
            ?? (MunicipalityId is { } shown && shownParts.FindIndex(p => p.MunicipalityId == shown) is var at and >= 0
                ? (at / Paging.MunicipalitiesPageSize) + 1
                : 1);
        var municipalities = shownParts.ToPaged(municipalitiesPage, Paging.MunicipalitiesPageSize);
        var onPage = municipalities.Items.Select(m => m.MunicipalityId).ToHashSet();
        Schedule = ConsolidatedScheduleModel.From(Period, summaries, m => m == MunicipalityId ? lines : [], region.Zone, firstNumber,
            built: MunicipalityId is { } chosenOne ? [.. onPage, chosenOne] : onPage);
        MunicipalitiesPage = Schedule.Parts.Where(p => onPage.Contains(p.MunicipalityId)).ToList();
        MunicipalitiesPager = PagerView.Of(municipalities, Request, MunicipalitiesParameter) with { Id = "municipalities-pager" };
        return true;
    }

    /// <summary>
    /// The period whose schedules are being approved or built now: the earliest not yet ended that is closed with a
    /// municipal schedule still to approve, or else open for scheduling.
    /// </summary>
    private AttestationPeriod? DefaultPeriod(List<AttestationPeriod> all, HashSet<Guid> awaiting)
    {
        var today = region.Today;
        var current = all.Where(p => p.EndDate >= today).ToList();
        return current.Find(p => p.IsOpenForScheduling(region.Now, region.Zone) || awaiting.Contains(p.Id))
            ?? (current.Count > 0 ? current[0] : null)
            ?? all.LastOrDefault(p => p.StartDate <= today)
            ?? (all.Count > 0 ? all[0] : null);
    }
}
