using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Web.Applications;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Municipality.Pages.Verification;

/// <summary>
/// «Аттестация педагогических работников»: the scheduled applications of the municipality with their documents and the
/// state of the final conclusion, which must be in the system by the 15th of the period's second month.
/// </summary>
public sealed class IndexModel(AttestationDbContext db, RegionTime region, IFileStore files) : PageModel
{
    /// <summary>A due date this close (or past) is highlighted while the signed conclusion is missing.</summary>
    public const int DueSoonDays = 7;

    [BindProperty(SupportsGet = true)]
    public Guid? PeriodId { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<AttestationPeriod> Periods { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public enum Due
    {
        Done,
        Normal,
        Soon,
        Overdue,
    }

    public sealed record DocumentLink(Guid FileId, string Text);

    public sealed record Row(
        Guid Id,
        string Period,
        DateOnly PeriodStart,
        string FullName,
        string StatusText,
        string Position,
        string? Subject,
        string HeldCategory,
        string ClaimedCategory,
        string Form,
        string? SimplifiedGrounds,
        IReadOnlyList<DocumentLink> Documents,
        Conclusion? Conclusion,
        Conformity? Mark,
        bool CanVerify,
        DateOnly DueOn,
        Due DueState);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Periods = await db.Periods.AsNoTracking().OrderBy(p => p.StartYear).ThenBy(p => p.StartMonth).ToListAsync(ct);
        if (PeriodId is { } chosen && !Periods.Any(p => p.Id == chosen))
            return NotFound();

        var query = db.Applications.AsNoTracking().InMunicipalityOf(User)
            .Include(a => a.Documents)
            .Where(ApplicationFilters.InAttestation);
        if (PeriodId is { } periodId)
            query = query.Where(a => a.PeriodId == periodId);
        var applications = await query.ToListAsync(ct);

        var names = await db.RowsOfAsync(applications, ct);
        var periods = Periods.ToDictionary(p => p.Id);
        var today = region.Today;

        Rows = applications
            .Select(a =>
            {
                var period = periods[a.PeriodId!.Value];
                var dueOn = PeriodCalendar.Deadlines(period).ConclusionUploadedBy;
                return new Row(
                    a.Id,
                    period.Name,
                    period.StartDate,
                    a.FullName,
                    a.StatusText,
                    names[a.Id].Position,
                    names[a.Id].Subject,
                    a.CurrentCategory.ToRussian(),
                    a.ClaimedCategory?.ToRussian() ?? "",
                    a.Form?.ToRussian() ?? "",
                    a.SimplifiedGrounds,
                    a.Documents.OrderBy(d => d.UploadedAt)
                        .Select(d => new DocumentLink(d.FileId, $"{d.Kind.ToRussian()}: {d.FileName}"))
                        .ToList(),
                    a.Conclusion,
                    a.CoordinatorMark,
                    a.CanVerify,
                    dueOn,
                    DueStateOf(a, dueOn, today));
            })
            // The latest periods first: theirs are the conclusions still to come.
            .OrderByDescending(r => r.PeriodStart)
            .ThenBy(r => r.FullName, StringComparer.Create(WebSetup.Russian, ignoreCase: true))
            .ToList();
        return Page();
    }

    /// <summary>A file of an application of the coordinator's municipality; any other file id is 404.</summary>
    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().InMunicipalityOf(User)
            .Include(a => a.Documents)
            .SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || !application.FileIds().Contains(fileId))
            return NotFound();
        var file = await files.OpenAsync(fileId, ct);
        return file is null ? NotFound() : this.Attachment(file);
    }

    /// <summary>Highlighted while the signed conclusion is missing and the 15th is near or past.</summary>
    public static Due DueStateOf(Application application, DateOnly dueOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.ConclusionPartDone)
            return Due.Done;
        if (today > dueOn)
            return Due.Overdue;
        return dueOn.DayNumber - today.DayNumber <= DueSoonDays ? Due.Soon : Due.Normal;
    }
}
