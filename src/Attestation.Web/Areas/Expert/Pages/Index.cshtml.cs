using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
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

    /// <summary>Periods with assignments the expert cannot see yet, and when he will.</summary>
    public IReadOnlyList<HiddenPeriod> Hidden { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public int OverdueCount => Periods.Sum(p => p.Rows.Count(r => r.IsOverdue));

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed record PeriodGroup(AttestationPeriod Period, PeriodDeadlines Deadlines, IReadOnlyList<Row> Rows);

    public sealed record HiddenPeriod(string Name, DateOnly VisibleFrom, bool Approved);

    public sealed record Colleague(string FullName, string? Position, string? Subject, string? Organisation)
    {
        /// <summary>«Орлова Ирина Олеговна, учитель математики, МАОУ лицей № 8», as the schedules print an expert.</summary>
        public string WithWork => MunicipalScheduleModel.PersonWithWork(FullName, Position, Subject, Organisation);
    }

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
        Colleague? OtherExpert,
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
        var expert = (await MunicipalScheduleModel.PeopleWithWorkAsync(db, [me], ct)).GetValueOrDefault(me) ?? User.DisplayName();
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
            mine = mine.Where(a => a.PeriodId == onlyPeriod);
        var assignments = await mine
            .Select(a => new
            {
                a.Id,
                PeriodId = a.PeriodId!.Value,
                a.MunicipalityId,
                a.OrganisationId,
                a.LastName,
                a.FirstName,
                a.MiddleName,
                a.ClaimedCategory,
                a.Form,
                a.Status,
                WithdrawalPending = a.Withdrawal != null && a.Withdrawal.RegisteredAt == null,
                OtherExpertId = a.ExpertAId == me ? a.ExpertBId : a.ExpertAId,
                Position = db.Positions.Where(p => p.Id == a.PositionId).Select(p => p.Name).FirstOrDefault(),
                Subject = db.Subjects.Where(s => s.Id == a.SubjectId).Select(s => s.Name).FirstOrDefault(),
                Organisation = db.Organisations.Where(o => o.Id == a.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                Approved = db.ScheduleApprovals.Any(s => s.PeriodId == a.PeriodId && s.MunicipalityId == a.MunicipalityId),
            })
            .ToListAsync(ct);

        var periodIds = assignments.Select(a => a.PeriodId).Distinct().ToList();
        var periods = await db.Periods.AsNoTracking().Where(p => periodIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);

        var visible = assignments
            .Where(a => ExpertScope.IsVisible(PeriodCalendar.Deadlines(periods[a.PeriodId]), a.Approved, Today))
            .ToList();
        Hidden = assignments
            .Except(visible)
            .GroupBy(a => a.PeriodId)
            .Select(g => periods[g.Key])
            .Where(p => p.EndDate >= Today)
            .OrderBy(p => p.StartDate)
            .Select(p => new HiddenPeriod(p.Name, PeriodCalendar.Deadlines(p).ExpertScheduleVisibleFrom,
                assignments.Any(a => a.PeriodId == p.Id && a.Approved)))
            .ToList();

        var colleagueIds = visible.Select(a => a.OtherExpertId).OfType<Guid>().Distinct().ToList();
        var colleagues = await db.Users.AsNoTracking()
            .Where(u => colleagueIds.Contains(u.Id))
            .Select(u => new
            {
                u.Id,
                Person = new Colleague(
                    u.MiddleName == null ? u.LastName + " " + u.FirstName : u.LastName + " " + u.FirstName + " " + u.MiddleName,
                    db.Positions.Where(p => p.Id == u.PositionId).Select(p => p.Name).FirstOrDefault(),
                    db.Subjects.Where(s => s.Id == u.SubjectId).Select(s => s.Name).FirstOrDefault(),
                    db.Organisations.Where(o => o.Id == u.OrganisationId).Select(o => o.Name).FirstOrDefault()),
            })
            .ToDictionaryAsync(u => u.Id, u => u.Person, ct);
        var coordinators = await db.SchoolCoordinatorsAsync(visible.Select(a => a.OrganisationId).Distinct().ToList(), ct);
        var municipalityIds = visible.Select(a => a.MunicipalityId).Distinct().ToList();
        var hands = await db.Municipalities.AsNoTracking()
            .Where(m => municipalityIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.HandsConclusionsToSubjectGroup, ct);

        Periods = visible
            .GroupBy(a => a.PeriodId)
            .Select(g =>
            {
                var period = periods[g.Key];
                var deadlines = PeriodCalendar.Deadlines(period, g.Any(a => hands.GetValueOrDefault(a.MunicipalityId)));
                var rows = g
                    .OrderBy(a => a.LastName).ThenBy(a => a.FirstName).ThenBy(a => a.MiddleName)
                    .Select(a => new Row(
                        a.Id,
                        ExpertScope.FullName(a.LastName, a.FirstName, a.MiddleName),
                        a.Subject is null ? a.Position ?? "" : $"{a.Position} {a.Subject}",
                        a.Organisation ?? "",
                        MunicipalScheduleModel.WithWorkplace(MunicipalScheduleModel.PositionWithSubject(a.Position, a.Subject), a.Organisation),
                        hands.GetValueOrDefault(a.MunicipalityId),
                        a.ClaimedCategory,
                        a.Form,
                        a.Status,
                        a.WithdrawalPending,
                        a.OtherExpertId is { } other && colleagues.TryGetValue(other, out var colleague) ? colleague : null,
                        coordinators.GetValueOrDefault(a.OrganisationId) ?? [],
                        deadlines.ConclusionUploadedBy,
                        IsOverdue(a.Status, deadlines.ConclusionUploadedBy, Today)))
                    .ToList();
                return new PeriodGroup(period, deadlines, rows);
            })
            .OrderByDescending(g => g.Period.StartDate)
            .ToList();
    }

    /// <summary>No conclusion in the system after the 15th of the period's second month.</summary>
    public static bool IsOverdue(ApplicationStatus status, DateOnly dueBy, DateOnly today) =>
        status == ApplicationStatus.Scheduled && today > dueBy;
}
