using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Documents;
using Attestation.Web.Documents.Spreadsheets;
using Attestation.Web.Documents.Templates;
using Attestation.Web.Infrastructure;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Expert.Pages;

/// <summary>
/// «Индивидуальный график проведения аттестации»: the expert's attestees by period, once the period's municipal
/// schedule is approved and the 16th of the month before it has come; with the colleague of the pair, the school
/// coordinator to call, and the conclusion due on the 15th of the second month.
/// </summary>
public sealed class IndexModel(
    AttestationDbContext db,
    RegionTime region,
    IDocumentRenderer documents,
    ExpertScheduleWorkbook workbook) : PageModel
{
    public const string Pdf = "pdf";
    public const string Excel = "xlsx";

    public IReadOnlyList<PeriodGroup> Periods { get; private set; } = [];

    /// <summary>
    /// Every period since the expert's first; by default the periods that ended less than <see cref="RecentMonths"/>
    /// months ago and the ones to come, since ten years of attestations are some two hundred rows.
    /// </summary>
    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    /// <summary>A part of the attestee's full name («ё» as «е», any case); the page shows the assignments found.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public const int RecentMonths = 6;

    /// <summary>Periods with assignments the expert cannot see yet, and when he will.</summary>
    public IReadOnlyList<HiddenPeriod> Hidden { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public int OverdueCount => Periods.Sum(p => p.Rows.Count(r => r.IsOverdue));

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed record PeriodGroup(AttestationPeriod Period, PeriodDeadlines Deadlines, IReadOnlyList<Row> Rows);

    public sealed record HiddenPeriod(string Name, DateOnly VisibleFrom, bool Approved);

    /// <param name="PositionAndWorkplace">«учитель математики, МАОУ лицей № 8», as the schedules print it.</param>
    /// <param name="HandsConclusionsToSubjectGroup">The attestee's municipality's setting (г. Томск, ЗАТО Северск).</param>
    public sealed record Row(
        Guid Id,
        string Teacher,
        string Position,
        string Organisation,
        string PositionAndWorkplace,
        bool HandsConclusionsToSubjectGroup,
        QualificationCategory? Claimed,
        AttestationForm? Form,
        ApplicationStatus Status,
        bool WithdrawalPending,
        PersonRow? OtherExpert,
        IReadOnlyList<CoordinatorContact> Coordinators,
        DateOnly ConclusionDue,
        bool IsOverdue);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(periodId: null, ct);

    /// <summary>
    /// «Индивидуальный график проведения аттестации» of one period as PDF or Excel: the rows of the page, so only the
    /// expert's own assignments of a period he may see; any other period is 404.
    /// </summary>
    public async Task<IActionResult> OnGetDownloadAsync(Guid periodId, string? format, CancellationToken ct)
    {
        if (format is not (Pdf or Excel))
            return NotFound();
        await LoadAsync(periodId, ct);
        if (Periods.SingleOrDefault(p => p.Period.Id == periodId) is not { } group)
            return NotFound();

        var me = User.UserId();
        var expert = (await db.PeopleAsync([me], ct)).GetValueOrDefault(me)?.WithWork ?? User.DisplayName();
        var schedule = ExpertScheduleModel.From(expert, group);
        if (format == Excel)
            return this.Attachment(workbook.Write(schedule), Spreadsheet.ContentType, schedule.FileName + Spreadsheet.Extension);
        var pdf = await documents.RenderPdfAsync<ExpertSchedule>(
            new Dictionary<string, object?> { [nameof(ExpertSchedule.Model)] = schedule }, PdfPageOptions.Table(schedule.Rows.Count), ct);
        return this.Attachment(pdf, "application/pdf", schedule.FileName + ".pdf");
    }

    /// <summary>The expert's assignments by period (of one period when <paramref name="periodId"/> is given).</summary>
    private async Task LoadAsync(Guid? periodId, CancellationToken ct)
    {
        Today = region.Today;
        var me = User.UserId();
        var mine = db.Applications.AsNoTracking().AssignedTo(User);
        if (periodId is { } onlyPeriod)
        {
            mine = mine.Where(a => a.PeriodId == onlyPeriod);
        }
        else
        {
            // The page, not the period's file: the search narrows what it shows.
            mine = mine.WhoseNameContains(Search);
            if (!All)
            {
                // A period ends with its last month: its index (year × 12 + month) against the first recent month's.
                var since = Today.AddMonths(-RecentMonths);
                var sinceMonth = (since.Year * 12) + since.Month - 1;
                var lastMonth = AttestationPeriod.LengthInMonths - 1;
                mine = mine.Where(a => db.Periods.Any(p => p.Id == a.PeriodId && (p.StartYear * 12) + p.StartMonth - 1 + lastMonth >= sinceMonth));
            }
        }
        // One statement: each assignment with its period, its municipality's setting and the colleague of the pair
        // (the page's three lookups by id were statements of their own); the schools' coordinators, several a row, are
        // the second.
        var assignments = await (
                from a in mine.ToRows(db)
                join period in db.Periods on a.PeriodId equals (Guid?)period.Id
                let otherExpertId = a.ExpertAId == me ? a.ExpertBId : a.ExpertAId
                join colleague in db.Users.ToPeople(db) on otherExpertId equals (Guid?)colleague.Id into colleagues
                from colleague in colleagues.DefaultIfEmpty()
                select new
                {
                    Row = a,
                    Period = period,
                    Colleague = colleague,
                    HandsConclusionsToSubjectGroup = db.Municipalities
                        .Where(m => m.Id == a.MunicipalityId).Select(m => m.HandsConclusionsToSubjectGroup).FirstOrDefault(),
                    Approved = db.ScheduleApprovals.Any(s => s.PeriodId == a.PeriodId && s.MunicipalityId == a.MunicipalityId),
                })
            .ToListAsync(ct);

        var shown = assignments.ToLookup(a => ExpertScope.IsVisible(PeriodCalendar.Deadlines(a.Period), a.Approved, Today));
        var visible = shown[true].ToList();
        Hidden = shown[false]
            .Select(a => a.Period)
            .DistinctBy(p => p.Id)
            .Where(p => p.EndDate >= Today)
            .OrderBy(p => p.StartDate)
            .Select(p => new HiddenPeriod(p.Name, PeriodCalendar.Deadlines(p).ExpertScheduleVisibleFrom,
                assignments.Any(a => a.Period.Id == p.Id && a.Approved)))
            .ToList();

        var coordinators = await db.SchoolCoordinatorsAsync(visible.Select(a => a.Row.OrganisationId).Distinct().ToList(), ct);

        Periods = visible
            .GroupBy(a => a.Period.Id)
            .Select(g =>
            {
                var period = g.First().Period;
                var deadlines = PeriodCalendar.Deadlines(period, g.Any(a => a.HandsConclusionsToSubjectGroup));
                var rows = g
                    .OrderBy(x => x.Row.LastName).ThenBy(x => x.Row.FirstName).ThenBy(x => x.Row.MiddleName)
                    .Select(x => new Row(
                        x.Row.Id,
                        x.Row.FullName,
                        x.Row.PositionWithSubject,
                        x.Row.Organisation,
                        x.Row.Work,
                        x.HandsConclusionsToSubjectGroup,
                        x.Row.ClaimedCategory,
                        x.Row.Form,
                        x.Row.Status,
                        x.Row.WithdrawalPending,
                        x.Colleague,
                        coordinators.GetValueOrDefault(x.Row.OrganisationId) ?? [],
                        deadlines.ConclusionUploadedBy,
                        IsOverdue(x.Row.Status, deadlines.ConclusionUploadedBy, Today)))
                    .ToList();
                return new PeriodGroup(period, deadlines, rows);
            })
            .OrderByDescending(g => g.Period.StartDate)
            .ToList();
    }

    /// <summary>No conclusion in the system after the 15th of the period's second month.</summary>
    public static bool IsOverdue(ApplicationStatus status, DateOnly dueBy, DateOnly today) =>
        ApplicationRules.ConclusionMissing.Contains(status) && today > dueBy;
}
