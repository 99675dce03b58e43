using Attestation.Domain;
using Attestation.Domain.Periods;
using Attestation.Domain.Schools;
using Attestation.Web.Areas.School.Pages.Plan;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.School.Pages.Checklist;

/// <summary>
/// «Циклограмма мероприятий ОО»: the school's own duties of seed 003's cyclogram for a chosen school year, with their
/// dates and who is responsible, ticked as done (who ticked, when) per organisation and year. A tick is a no-op when the
/// duty is already ticked (a double click, a colleague); removing a tick names the tick the page showed (its id is the
/// line's version), so a tick made again meanwhile is not removed unseen. Three statements: the organisation, the ticks
/// with their authors, the plan's first and last dates.
/// </summary>
public sealed class IndexModel(AttestationDbContext db, RegionTime region) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")]
    public string? YearText { get; set; }

    /// <summary>The duty a post is about.</summary>
    [BindProperty]
    public string? Duty { get; set; }

    /// <summary>The line's tick as the page showed it: empty when not ticked.</summary>
    [BindProperty]
    public Guid? Version { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public SchoolYear Year { get; private set; }

    public string? Organisation { get; private set; }

    public IReadOnlyList<Line> Lines { get; private set; } = [];

    public sealed record Line(SchoolDuty Duty, Guid? TickId, string? TickedBy, DateTimeOffset? TickedAt);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var organisation = await OwnOrganisation.OfAsync(db, User, ct);
        await LoadAsync(organisation, ct);
    }

    public async Task<IActionResult> OnPostTickAsync(CancellationToken ct)
    {
        var (organisation, duty) = await ResolveAsync(ct);
        if (organisation is null || duty is null)
            return NotFound();

        var tick = new SchoolDutyTick(organisation.Id, Year.StartYear, duty.Code, User.UserId(), region.Now);
        var saved = await db.TrySaveAsync(() => db.SchoolDutyTicks.Add(tick), ct, duplicate: "");
        StatusMessage = saved.Succeeded
            ? $"Отмечено как выполненное: «{duty.Action}»."
            : $"Мероприятие «{duty.Action}» уже отмечено как выполненное.";
        return RedirectToPage(new { year = Year.ToString() });
    }

    public async Task<IActionResult> OnPostUntickAsync(CancellationToken ct)
    {
        var (organisation, duty) = await ResolveAsync(ct);
        if (organisation is null || duty is null)
            return NotFound();

        var current = await db.SchoolDutyTicks
            .SingleOrDefaultAsync(t => t.OrganisationId == organisation.Id && t.SchoolYearStart == Year.StartYear && t.Duty == duty.Code, ct);
        if (current is null)
        {
            StatusMessage = $"Отметка о выполнении «{duty.Action}» уже снята.";
            return RedirectToPage(new { year = Year.ToString() });
        }
        if (current.Id != Version)
        {
            this.Refuse("Отметку изменили, пока вы смотрели циклограмму (например, коллега снял и поставил её снова). Ничего не изменено: проверьте отметку и повторите.");
            return RedirectToPage(new { year = Year.ToString() });
        }

        var saved = await db.TrySaveAsync(() => db.SchoolDutyTicks.Remove(current), ct);
        if (saved.Refusal is { } refusal && saved.Failure != SaveFailure.Conflict)
            this.Refuse(refusal);
        else
            StatusMessage = $"Отметка о выполнении снята: «{duty.Action}».";
        return RedirectToPage(new { year = Year.ToString() });
    }

    private async Task<(OwnOrganisation? Organisation, SchoolDuty? Duty)> ResolveAsync(CancellationToken ct)
    {
        Year = ChosenYear();
        var organisation = await OwnOrganisation.OfAsync(db, User, ct);
        return (organisation, SchoolDuties.Find(Year, Duty));
    }

    private SchoolYear ChosenYear()
    {
        var current = SchoolYear.Containing(region.Today);
        return SchoolYear.TryParse(YearText, out var asked) && Math.Abs(asked.StartYear - current.StartYear) <= 5 ? asked : current;
    }

    private async Task LoadAsync(OwnOrganisation? organisation, CancellationToken ct)
    {
        Year = ChosenYear();
        if (organisation is null)
            return;
        Organisation = organisation.Name;

        var ticks = await (
                from t in db.SchoolDutyTicks.AsNoTracking()
                join p in db.Users.ToPeople(db) on t.TickedBy equals p.Id
                where t.OrganisationId == organisation.Id && t.SchoolYearStart == Year.StartYear
                select new { t.Id, t.Duty, t.TickedAt, p.LastName, p.FirstName, p.MiddleName })
            .ToListAsync(ct);
        var range = await PlanQueries.Expiring(db, organisation.Id, Year)
            .GroupBy(_ => 1)
            .Select(g => new { First = g.Min(e => e.Category.ExpiresOn), Last = g.Max(e => e.Category.ExpiresOn) })
            .FirstOrDefaultAsync(ct);

        var duties = SchoolDuties.For(Year,
            range?.First is { } first ? TeacherPlanCalendar.For(first).CabinetDataBy : null,
            range?.Last is { } last ? TeacherPlanCalendar.For(last).CabinetDataBy : null);
        Lines = duties
            .Select(d => ticks.FirstOrDefault(t => t.Duty == d.Code) is { } t
                ? new Line(d, t.Id, PersonName.Join(t.LastName, t.FirstName, t.MiddleName), region.ToLocal(t.TickedAt))
                : new Line(d, null, null, null))
            .ToList();
    }
}
