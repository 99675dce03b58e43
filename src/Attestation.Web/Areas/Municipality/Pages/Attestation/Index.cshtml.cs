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

    /// <summary>From submission to decision at most (SPEC §5): the due date of a simplified-form application's check.</summary>
    public const int SimplifiedDecisionDays = 90;

    /// <summary>«Все периоды» in the period filter.</summary>
    public const string AllPeriods = "all";

    /// <summary>
    /// The period filter: a period's id, <see cref="AllPeriods"/>, or nothing for the default — the periods not over
    /// yet (the ones whose conclusions the coordinator still follows); older ones are a choice away.
    /// </summary>
    [BindProperty(SupportsGet = true, Name = "periodId")]
    public string? Period { get; set; }

    /// <summary>A part of the teacher's full name («ё» as «е», any case).</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerView.Parameter)]
    public int? PageNumber { get; set; }

    public PagerView Pager { get; private set; } = null!;

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
        string FullName,
        string StatusText,
        string Position,
        string? Subject,
        string HeldCategory,
        string ClaimedCategory,
        string Form,
        string? SimplifiedGrounds,
        IReadOnlyList<DocumentLink> Documents,
        ConclusionRow? Conclusion,
        Conformity? Mark,
        bool CanVerify,
        DateOnly DueOn,
        Due DueState);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Periods = await db.Periods.AsNoTracking().OrderBy(p => p.StartYear).ThenBy(p => p.StartMonth).ToListAsync(ct);
        var today = region.Today;
        var query = db.Applications.AsNoTracking().InMunicipalityOf(User).Where(ApplicationFilters.InAttestation)
            .WhoseNameContains(Search);
        if (string.IsNullOrEmpty(Period))
        {
            var current = Periods.Where(p => p.EndDate >= today).Select(p => (Guid?)p.Id);
            // A simplified-form application has no period: it stays on the list until it is checked and decided. Both
            // halves are found by an index (the periods', the simplified applications'), not by reading every
            // application of the municipality without a period. The periods not over (the same few for every request
            // until one ends) are written into the statements: as an array parameter, PostgreSQL planned the count and
            // the rows anew on every request (1.2 ms of their 3.5).
            query = query.Where(SqlLiteral.In<Application, Guid?>(a => a.PeriodId, current)
                .Or(a => a.PeriodId == null && a.SimplifiedGrounds != null));
        }
        else if (Period != AllPeriods)
        {
            if (!Guid.TryParse(Period, out var chosen) || !Periods.Any(p => p.Id == chosen))
                return NotFound();
            query = query.Where(a => a.PeriodId == chosen);
        }

        // The latest periods first: theirs are the conclusions still to come. One statement for the page's rows with
        // their documents; the buttons come from the rows' capabilities (the aggregate's own rule), not from aggregates.
        var page = await query.ToRows(db)
            .OrderByDescending(r => r.PeriodStartYear).ThenByDescending(r => r.PeriodStartMonth)
            .ThenBy(r => r.LastName).ThenBy(r => r.FirstName).ThenBy(r => r.MiddleName).ThenBy(r => r.Id)
            .Select(r => new
            {
                Row = r,
                Documents = db.ApplicationDocuments
                    .Where(d => d.ApplicationId == r.Id)
                    .OrderBy(d => d.UploadedAt)
                    .Select(d => new { d.FileId, d.Kind, d.FileName })
                    .ToList(),
            })
            .ToPagedAsync(PageNumber, ct);
        Pager = PagerView.Of(page, Request);

        var periods = Periods.ToDictionary(p => p.Id);
        Rows = page.Items
            .Select(item =>
            {
                var row = item.Row;
                // The simplified form has no conclusion to wait for: it is due to be checked within the 90 days
                // from submission to decision (SPEC §5: 30 days to consider + at most 60 of attestation).
                var period = row.PeriodId is { } periodId ? periods[periodId] : null;
                var dueOn = period is not null
                    ? PeriodCalendar.Deadlines(period).ConclusionUploadedBy
                    : DateOnly.FromDateTime(region.ToLocal(row.SubmittedAt ?? row.CreatedAt).DateTime).AddDays(SimplifiedDecisionDays);
                return new Row(
                    row.Id,
                    period?.Name ?? "упрощённая форма",
                    row.FullName,
                    row.StatusText,
                    row.Position,
                    row.Subject,
                    row.CurrentCategory.ToRussian(),
                    row.ClaimedCategory?.ToRussian() ?? "",
                    row.Form?.ToRussian() ?? "",
                    row.SimplifiedGrounds,
                    item.Documents.Select(d => new DocumentLink(d.FileId, $"{d.Kind.ToRussian()}: {d.FileName}")).ToList(),
                    row.Conclusion,
                    row.CoordinatorMark,
                    row.Can(ApplicationAction.Verify),
                    dueOn,
                    DueStateOf(row.ConclusionPartDone, dueOn, today));
            })
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
    public static Due DueStateOf(bool conclusionPartDone, DateOnly dueOn, DateOnly today)
    {
        if (conclusionPartDone)
            return Due.Done;
        if (today > dueOn)
            return Due.Overdue;
        return dueOn.DayNumber - today.DayNumber <= DueSoonDays ? Due.Soon : Due.Normal;
    }
}
