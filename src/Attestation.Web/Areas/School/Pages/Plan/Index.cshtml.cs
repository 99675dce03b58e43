using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Documents.Spreadsheets;
using Attestation.Web.Storage;
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
        var organisation = await OwnOrganisation.OfAsync(db, User, ct);
        await LoadAsync(organisation, ct);
    }

    /// <summary>The plan of the chosen year as Excel: a heading per month, then its teachers with the cyclogram's dates.</summary>
    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        var organisation = await OwnOrganisation.OfAsync(db, User, ct);
        if (organisation is null)
            return NotFound();
        await LoadAsync(organisation, ct);
        return await this.AttachmentAsync((stream, _) =>
            {
                PlanWorkbook.Write(stream, Year, organisation.Name, Months);
                return Task.CompletedTask;
            },
            Spreadsheet.ContentType, $"Перспективный план {Year.StartYear}-{Year.EndYear}{Spreadsheet.Extension}", ct);
    }

    private async Task LoadAsync(OwnOrganisation? organisation, CancellationToken ct)
    {
        var current = SchoolYear.Containing(region.Today);
        Year = SchoolYear.TryParse(YearText, out var asked) && Math.Abs(asked.StartYear - current.StartYear) <= 5 ? asked : current;
        if (organisation is null)
            return;
        Organisation = organisation.Name;

        var found = await (
                from e in PlanQueries.Expiring(db, organisation.Id, Year)
                orderby e.Category.ExpiresOn, e.Teacher.LastName, e.Teacher.FirstName, e.Teacher.Id
                select new
                {
                    e.Teacher.Id, e.Teacher.LastName, e.Teacher.FirstName, e.Teacher.MiddleName, e.Category.Category,
                    e.Category.PositionName, ExpiresOn = e.Category.ExpiresOn!.Value,
                })
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

/// <summary>The plan's one query, which the cyclogram's checklist shares: whose legacy category ends so that his plan starts in the year.</summary>
public static class PlanQueries
{
    /// <summary>A member-initialised pair, so that queries compose on it (a constructor's arguments cannot be translated).</summary>
    public sealed class Expiry
    {
        public required AppUser Teacher { get; init; }

        public required HeldCategory Category { get; init; }
    }

    /// <remarks>
    /// The year's bounds are written into the SQL (the same two dates all year): as parameters, PostgreSQL priced its
    /// generic plan for a two-hundredth of the region's categories in the range and read all of them (14,400 at a
    /// region's size, 8.6 ms) to keep the organisation's 24; for the dates it knows the range is wide and reads the
    /// organisation's teachers' categories by teacher.
    /// </remarks>
    public static IQueryable<Expiry> Expiring(AttestationDbContext db, int organisationId, SchoolYear year)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (earliest, latest) = TeacherPlanCalendar.ExpiriesPlannedIn(year);
        return
            from c in db.HeldCategories.AsNoTracking()
            join u in db.UsersInRole(Roles.Teacher) on c.TeacherId equals u.Id
            where u.OrganisationId == organisationId
                && c.ExpiresOn >= SqlLiteral.Day(earliest) && c.ExpiresOn <= SqlLiteral.Day(latest)
            select new Expiry { Teacher = u, Category = c };
    }
}
