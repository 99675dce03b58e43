using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.School.Pages.Teachers;

/// <summary>
/// «Педагоги организации»: the teachers of the coordinator's own organisation with their categories, the last day to
/// apply where a legacy category ends, and their latest application. A page at a time: the organisation, the count
/// and the page's rows, three statements.
/// </summary>
public sealed class IndexModel(AttestationDbContext db, RegionTime region) : PageModel
{
    public const string ExpiringFilter = "expiring";
    public const string WithoutCategoryFilter = "none";
    public const string HighestFilter = "highest";

    [BindProperty(SupportsGet = true, Name = PagerView.Parameter)]
    public int? PageNumber { get; set; }

    [BindProperty(SupportsGet = true, Name = "f")]
    public string? Filter { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public PagerView? Pager { get; private set; }

    public string? Organisation { get; private set; }

    public SchoolYear Year { get; private set; }

    public IReadOnlyList<Row> Teachers { get; private set; } = [];

    public sealed record Row(
        Guid Id,
        string FullName,
        QualificationCategory? Category,
        DateOnly? ExpiresOn,
        ApplicationStatus? Status,
        QualificationCategory? ClaimedCategory)
    {
        public DateOnly? ApplyBy => ExpiresOn is { } expiresOn ? TeacherPlanCalendar.ApplyBy(expiresOn) : null;
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var organisation = await OwnOrganisation.OfAsync(db, User, ct);
        var today = region.Today;
        Year = SchoolYear.Containing(today);
        if (organisation is null)
            return;
        Organisation = organisation.Name;

        var teacherRole = Data.Configurations.RoleConfiguration.Ids[Roles.Teacher];
        var teachers = db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == organisation.Id
                && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == EF.Constant(teacherRole)));
        var current = db.HeldCategories.Where(c => c.SetOn <= today && (c.ExpiresOn == null || c.ExpiresOn >= today));
        var (first, last) = (Year.FirstDay, Year.LastDay);
        teachers = Filter switch
        {
            ExpiringFilter => teachers.Where(u => current.Any(c => c.TeacherId == u.Id && c.ExpiresOn >= first && c.ExpiresOn <= last)),
            WithoutCategoryFilter => teachers.Where(u => !current.Any(c => c.TeacherId == u.Id)),
            HighestFilter => teachers.Where(u => current.Any(c => c.TeacherId == u.Id && c.Category == QualificationCategory.Highest)),
            _ => teachers,
        };
        teachers = teachers.WhoseNameContains(Search);

        var page = await teachers
            .OrderBy(u => u.LastName).ThenBy(u => u.FirstName).ThenBy(u => u.MiddleName).ThenBy(u => u.Id)
            .Select(u => new
            {
                u.Id,
                u.LastName,
                u.FirstName,
                u.MiddleName,
                Category = current.Where(c => c.TeacherId == u.Id)
                    .OrderByDescending(c => c.Category).Select(c => new { c.Category, c.ExpiresOn }).FirstOrDefault(),
                Application = db.Applications.Where(a => a.TeacherId == u.Id)
                    .OrderByDescending(a => a.CreatedAt).Select(a => new { a.Status, a.ClaimedCategory }).FirstOrDefault(),
            })
            .ToPagedAsync(PageNumber, ct);
        Pager = PagerView.Of(page, Request);
        Teachers = page.Items
            .Select(t => new Row(
                t.Id,
                Domain.PersonName.Join(t.LastName, t.FirstName, t.MiddleName),
                t.Category?.Category,
                t.Category?.ExpiresOn,
                t.Application?.Status,
                t.Application?.ClaimedCategory))
            .ToList();
    }
}
