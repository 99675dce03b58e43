using Attestation.Domain;
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
/// application submitted in a year (the current one unless another is chosen). The operator sees the whole region;
/// drafts stay the teacher's own. Three statements whatever the size of the region: the periods (for the control
/// lists), the municipalities with their counts, and a page of rows, the latest submissions first.
/// </summary>
public sealed class IndexModel(AttestationDbContext db, RegionTime region) : PageModel
{
    /// <summary>Submission years offered: the portal's first year to the current one.</summary>
    public const int FirstYear = 2016;

    [BindProperty(SupportsGet = true)]
    public int? MunicipalityId { get; set; }

    [BindProperty(SupportsGet = true)]
    public ControlList? Show { get; set; }

    /// <summary>The calendar year of submission of «Все поданные»; empty for all years. The first visit shows the current one.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerView.Parameter)]
    public int? PageNumber { get; set; }

    public RegionControl Control { get; private set; } = null!;

    public string? Municipality { get; private set; }

    public List<SelectListItem> Municipalities { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public PagerView? Pager { get; private set; }

    public string Title => Show is { } list
        ? Control.Title(list)
        : Year is { } year ? $"Заявления, поданные в {year} году" : "Все поданные заявления";

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
        var thisYear = region.Today.Year;
        Years = Enumerable.Range(FirstYear, Math.Max(1, thisYear - FirstYear + 1)).Reverse().ToList();
        if (Show is null && !Request.Query.ContainsKey("year"))
            Year = thisYear;
        if (Year is { } chosenYear && !Years.Contains(chosenYear))
            return NotFound();

        Control = await RegionControl.LoadAsync(db, region, ct);
        var query = db.Applications.AsNoTracking().Where(a => a.SubmittedAt != null);
        if (Show is { } list)
            query = Control.Apply(query, list);
        else if (Year is { } year)
        {
            var from = RegionClock.StartOfDay(new DateOnly(year, 1, 1), region.Zone);
            var to = RegionClock.StartOfDay(new DateOnly(year + 1, 1, 1), region.Zone);
            query = query.Where(a => a.SubmittedAt >= from && a.SubmittedAt < to);
        }

        var choices = await db.MunicipalityChoicesAsync(query, [a => true], ct);
        Municipalities = choices.Choices;
        if (MunicipalityId is { } id)
        {
            Municipality = choices.Names.GetValueOrDefault(id);
            if (Municipality is null)
                return NotFound();
            query = query.Where(a => a.MunicipalityId == id);
        }

        Total = choices.Count(0, MunicipalityId);
        var page = await query.ToRows(db)
            .OrderByDescending(a => a.SubmittedAt).ThenBy(a => a.Id)
            .ToPagedAsync(PageNumber, Total, ct);
        Pager = PagerView.Of(page, Request);
        Rows = page.Items.Select(a => new Row(
                a.Id,
                a.FullName,
                a.Municipality,
                a.Organisation,
                a.ClaimedCategory?.ToRussian() ?? "—",
                a.Status,
                a.StatusText,
                a.SubmittedAt!.Value,
                a.Status == ApplicationStatus.Submitted ? a.Consideration(region.Now, region.Zone) : null,
                a.PeriodName,
                a.ExpertIds.Count))
            .ToList();
        return Page();
    }
}
