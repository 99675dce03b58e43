using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Web.Areas.Operator.Pages.Control;
using Attestation.Web.Areas.Operator.Pages.Directories;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Applications;

/// <summary>
/// The applications of the region (or of one municipality) behind a number of the control table; without a list, every
/// submitted application. The operator sees the whole region; drafts stay the teacher's own.
/// </summary>
public sealed class IndexModel(AttestationDbContext db, RegionTime region) : PageModel
{
    /// <summary>More rows than anyone reads on one page; the control table narrows the list first.</summary>
    public const int MaxRows = 500;

    [BindProperty(SupportsGet = true)]
    public int? MunicipalityId { get; set; }

    [BindProperty(SupportsGet = true)]
    public ControlList? Show { get; set; }

    public RegionControl Control { get; private set; } = null!;

    public string? Municipality { get; private set; }

    public List<SelectListItem> Municipalities { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public string Title => Show is { } list ? Control.Title(list) : "Все поданные заявления";

    public sealed record Row(
        Guid Id,
        string FullName,
        string Municipality,
        string Organisation,
        string ClaimedCategory,
        ApplicationStatus Status,
        string StatusText,
        DateTimeOffset SubmittedAt,
        ConsiderationClock? Clock,
        string? Period,
        int Experts);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Control = await RegionControl.LoadAsync(db, region, ct);
        Municipalities = await db.MunicipalityChoicesAsync(includeInactive: true, ct);
        if (MunicipalityId is { } id)
        {
            Municipality = await db.FindMunicipalityNameAsync(id, ct);
            if (Municipality is null)
                return NotFound();
        }

        var query = db.Applications.AsNoTracking().Where(a => a.SubmittedAt != null);
        if (MunicipalityId is { } municipalityId)
            query = query.Where(a => a.MunicipalityId == municipalityId);
        if (Show is { } list)
            query = Control.Apply(query, list);

        Total = await query.CountAsync(ct);
        var applications = await query
            .OrderBy(a => a.SubmittedAt)
            .Take(MaxRows)
            .ToListAsync(ct);

        var names = await db.RowsOfAsync(applications, ct);

        Rows = applications.Select(a => new Row(
                a.Id,
                a.FullName,
                names[a.Id].Municipality,
                names[a.Id].Organisation,
                a.ClaimedCategory?.ToRussian() ?? "—",
                a.Status,
                a.StatusText,
                a.SubmittedAt!.Value,
                a.Status == ApplicationStatus.Submitted ? ApplicationClocks.Consideration(a, region.Now, region.Zone) : null,
                names[a.Id].PeriodName,
                a.AssignedExperts.Count))
            .ToList();
        return Page();
    }
}
