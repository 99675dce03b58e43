using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Domain.Schools;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Documents.Spreadsheets;
using Attestation.Web.Infrastructure;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.School.Pages.Teachers;

/// <summary>
/// «Педагоги организации»: the teachers of the coordinator's own organisation with their categories, the last day to
/// apply where a legacy category ends, their latest application and the next step (<see cref="TeacherNextStep"/>). A
/// page at a time: the organisation, the count and the page's rows, three statements. The same list, filtered and
/// searched the same way, downloads as Excel, streamed.
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
        Guid? ApplicationId,
        ApplicationStatus? Status,
        QualificationCategory? ClaimedCategory,
        NextStep? Next)
    {
        public DateOnly? ApplyBy => ExpiresOn is { } expiresOn ? TeacherPlanCalendar.ApplyBy(expiresOn) : null;

        public string CategoryText => Category?.ToRussian() ?? "не имеет";

        public string ApplicationText => Status is { } status ? status.ToRussian() : "не подавал(а)";
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var organisation = await OwnOrganisation.OfAsync(db, User, ct);
        Year = SchoolYear.Containing(region.Today);
        if (organisation is null)
            return;
        Organisation = organisation.Name;

        var teachers = TeachersOf(organisation.Id);
        var page = await teachers.ToPagedAsync(PageNumber, await teachers.CountAsync(ct), WithLatest, ct);
        Pager = PagerView.Of(page, Request);
        Teachers = page.Items.Select(ToRow).ToList();
    }

    /// <summary>«Педагоги организации» as Excel: every teacher the filters and the search let through, written as read.</summary>
    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        var organisation = await OwnOrganisation.OfAsync(db, User, ct);
        if (organisation is null)
            return NotFound();
        Year = SchoolYear.Containing(region.Today);
        var subtitle = string.Join("; ", new[] { organisation.Name, FilterText, string.IsNullOrWhiteSpace(Search) ? null : $"поиск: «{Search.Trim()}»" }
            .Where(part => part is not null));
        var rows = WithLatest(TeachersOf(organisation.Id)).AsAsyncEnumerable();
        return await this.AttachmentAsync((stream, token) => TeachersWorkbook.WriteAsync(stream, subtitle, rows.Select(ToRow), token),
            Spreadsheet.ContentType, $"Педагоги организации {region.Today.ToRussianDate()}{Spreadsheet.Extension}", ct);
    }

    /// <summary>The filter as the list's subtitle says it.</summary>
    public string? FilterText => Filter switch
    {
        ExpiringFilter => $"категория истекает в {Year} учебном году",
        WithoutCategoryFilter => "без квалификационной категории",
        HighestFilter => "с высшей категорией",
        _ => null,
    };

    private sealed record Found(
        Guid Id,
        string LastName,
        string FirstName,
        string? MiddleName,
        QualificationCategory? Category,
        DateOnly? ExpiresOn,
        Guid? ApplicationId,
        ApplicationStatus? Status,
        QualificationCategory? ClaimedCategory,
        DateTimeOffset? SubmittedAt,
        int? PeriodYear,
        int? PeriodMonth,
        DecisionOutcome? Outcome,
        bool WithdrawalPending);

    /// <summary>The teachers of the organisation the filter and the search let through, in the list's order.</summary>
    private IQueryable<AppUser> TeachersOf(int organisationId)
    {
        var teachers = db.UsersInRole(Roles.Teacher).AsNoTracking().Where(u => u.OrganisationId == organisationId);
        var current = CurrentCategories();
        var (first, last) = (Year.FirstDay, Year.LastDay);
        teachers = Filter switch
        {
            ExpiringFilter => teachers.Where(u => current.Any(c => c.TeacherId == u.Id && c.ExpiresOn >= first && c.ExpiresOn <= last)),
            WithoutCategoryFilter => teachers.Where(u => !current.Any(c => c.TeacherId == u.Id)),
            HighestFilter => teachers.Where(u => current.Any(c => c.TeacherId == u.Id && c.Category == QualificationCategory.Highest)),
            _ => teachers,
        };
        return teachers.WhoseNameContains(Search)
            .OrderBy(u => u.LastName).ThenBy(u => u.FirstName).ThenBy(u => u.MiddleName).ThenBy(u => u.Id);
    }

    private IQueryable<HeldCategory> CurrentCategories()
    {
        var today = region.Today;
        return db.HeldCategories.Where(c => c.SetOn <= today && (c.ExpiresOn == null || c.ExpiresOn >= today));
    }

    /// <summary>
    /// Each of <paramref name="teachers"/> (a page of them, cut before, or all of them for the Excel file) with his
    /// highest current category and his latest application with its period, each found once: the two rows' keys are
    /// scalar subqueries, and the rows are joined by their keys (PostgreSQL looks each up by its primary key). Read as
    /// scalars column by column, EF Core wrote eleven subqueries a teacher, the latest application found anew for each
    /// of its columns (region: 1.9 ms planned and 2.2 run a page; now 1.0 and 1.0). As a lateral join of one row
    /// (<c>Take(1)</c> in a <c>SelectMany</c>), EF Core writes a ROW_NUMBER window over every application of the
    /// region (400 ms).
    /// </summary>
    private IQueryable<Found> WithLatest(IQueryable<AppUser> teachers)
    {
        var current = CurrentCategories();
        var pending = db.Applications.Where(ApplicationFilters.WithdrawalPending);
        return
            from u in teachers
            let categoryId = current.Where(c => c.TeacherId == u.Id).OrderByDescending(c => c.Category).Select(c => (Guid?)c.Id).FirstOrDefault()
            let applicationId = db.Applications.Where(a => a.TeacherId == u.Id).OrderByDescending(a => a.CreatedAt).Select(a => (Guid?)a.Id).FirstOrDefault()
            join c in db.HeldCategories on categoryId equals (Guid?)c.Id into categories
            from c in categories.DefaultIfEmpty()
            join a in db.Applications on applicationId equals (Guid?)a.Id into applications
            from a in applications.DefaultIfEmpty()
            join period in db.Periods on a.PeriodId equals (Guid?)period.Id into periods
            from period in periods.DefaultIfEmpty()
            orderby u.LastName, u.FirstName, u.MiddleName, u.Id
            select new Found(u.Id, u.LastName, u.FirstName, u.MiddleName,
                c == null ? null : c.Category,
                c == null ? null : c.ExpiresOn,
                a == null ? null : a.Id,
                a == null ? null : a.Status,
                a == null ? null : a.ClaimedCategory,
                a == null ? null : a.SubmittedAt,
                period == null ? null : period.StartYear,
                period == null ? null : period.StartMonth,
                a == null || a.Decision == null ? null : a.Decision.Outcome,
                a != null && pending.Any(w => w.Id == a.Id));
    }

    private Row ToRow(Found t)
    {
        var facts = new TeacherFacts
        {
            Status = t.Status,
            WithdrawalPending = t.WithdrawalPending,
            SubmittedOn = t.SubmittedAt is { } submitted ? RegionClock.Today(submitted, region.Zone) : null,
            PeriodStart = t.PeriodYear is { } year && t.PeriodMonth is { } month ? new DateOnly(year, month, 1) : null,
            ClaimedCategory = t.ClaimedCategory,
            Outcome = t.Outcome,
            CategoryExpiresOn = t.ExpiresOn,
        };
        return new Row(t.Id, PersonName.Join(t.LastName, t.FirstName, t.MiddleName), t.Category, t.ExpiresOn, t.ApplicationId,
            t.Status, t.ClaimedCategory, TeacherNextStep.Of(facts, region.Today));
    }
}
