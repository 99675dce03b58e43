using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.School.Pages.Plan;

/// <summary>
/// «Перспективный план»: month by month through a school year, which teachers of the coordinator's organisation must go
/// through attestation because a legacy category ends, with the cyclogram's dates (<see cref="TeacherPlanCalendar"/>).
/// Bounded by the organisation and the year's range of expiry dates: two statements.
/// </summary>
public sealed class IndexModel(AttestationDbContext db, RegionTime region) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")]
    public string? YearText { get; set; }

    public SchoolYear Year { get; private set; }

    public string? Organisation { get; private set; }

    public IReadOnlyList<Month> Months { get; private set; } = [];

    public sealed record Month(DateOnly FirstDay, IReadOnlyList<Row> Teachers)
    {
        public string Name => TeacherPlanCalendar.MonthTitle(FirstDay);
    }

    public sealed record Row(Guid Id, string FullName, QualificationCategory Category, string PositionName, TeacherPlanDates Dates);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var current = SchoolYear.Containing(region.Today);
        Year = SchoolYear.TryParse(YearText, out var asked) && Math.Abs(asked.StartYear - current.StartYear) <= 5 ? asked : current;
        var organisation = await OwnOrganisation.OfAsync(db, User, ct);
        if (organisation is null)
            return;
        Organisation = organisation.Name;

        var (earliest, latest) = TeacherPlanCalendar.ExpiriesPlannedIn(Year);
        var teacherRole = Data.Configurations.RoleConfiguration.Ids[Roles.Teacher];
        var found = await (
                from c in db.HeldCategories.AsNoTracking()
                join u in db.Users on c.TeacherId equals u.Id
                where u.OrganisationId == organisation.Id
                    && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == EF.Constant(teacherRole))
                    && c.ExpiresOn >= earliest && c.ExpiresOn <= latest
                orderby c.ExpiresOn, u.LastName, u.FirstName, u.Id
                select new { u.Id, u.LastName, u.FirstName, u.MiddleName, c.Category, c.PositionName, ExpiresOn = c.ExpiresOn!.Value })
            .ToListAsync(ct);
        Months = found
            .Select(t => new Row(t.Id, Domain.PersonName.Join(t.LastName, t.FirstName, t.MiddleName), t.Category, t.PositionName,
                TeacherPlanCalendar.For(t.ExpiresOn)))
            .GroupBy(r => TeacherPlanCalendar.PlanMonth(r.Dates.ExpiresOn, Year)!.Value)
            .OrderBy(g => g.Key)
            .Select(g => new Month(g.Key, g.ToList()))
            .ToList();
    }
}
