using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Documents;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Municipality.Pages.Schedule;

/// <summary>
/// «Общий список педагогических работников для формирования графика проведения аттестации»: the registered
/// applications on general grounds of the coordinator's municipality, with the seed's two filters.
/// </summary>
public sealed class FillModel(AttestationDbContext db, RegionTime region) : PageModel
{
    /// <summary>The filter value of «Без назначенного периода аттестации».</summary>
    public const string WithoutPeriod = "none";

    /// <summary>A period's id, <see cref="WithoutPeriod"/>, or empty for all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    /// <summary>How many experts are assigned: 0, 1 or 2; empty for all.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Experts { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<PeriodChoice> Periods { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>A part of the teacher's full name («ё» as «е», any case).</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerView.Parameter)]
    public int? PageNumber { get; set; }

    public PagerView? Pager { get; private set; }

    public sealed record PeriodChoice(string Value, string Text);

    public sealed record Row(
        Guid Id,
        string? Period,
        string FullName,
        string HeldCategory,
        DateOnly? HeldCategoryExpiresOn,
        string ClaimedCategory,
        string Organisation,
        string Position,
        string? Subject,
        string Form,
        IReadOnlyList<string> Experts,
        bool WithdrawalPending);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var periods = await db.Periods.AsNoTracking().OrderBy(p => p.StartYear).ThenBy(p => p.StartMonth).ToListAsync(ct);
        Periods = periods
            .Select(p => new PeriodChoice(p.Id.ToString(), p.IsOpenForScheduling(region.Now, region.Zone) ? p.Name : $"(ПЕРИОД ЗАКРЫТ) {p.Name}"))
            .ToList();

        var query = db.Applications.AsNoTracking().InMunicipalityOf(User)
            // What the schedule holds or may take; one with a withdrawal pending is listed and cannot be assigned.
            .Where(ApplicationFilters.StatusIn(ApplicationRules.StatusesFor(ApplicationAction.Schedule)))
            .Where(a => a.SimplifiedGrounds == null)
            .WhoseNameContains(Search);
        if (Period == WithoutPeriod)
            query = query.Where(a => a.PeriodId == null);
        else if (Guid.TryParse(Period, out var periodId))
            query = query.Where(a => a.PeriodId == periodId);
        query = Experts switch
        {
            0 => query.Where(a => a.ExpertAId == null && a.ExpertBId == null),
            1 => query.Where(a => (a.ExpertAId == null) != (a.ExpertBId == null)),
            2 => query.Where(a => a.ExpertAId != null && a.ExpertBId != null),
            _ => query,
        };

        // What still needs the coordinator comes first: no period, then the periods in calendar order; a page at a
        // time, the experts' names read for the page's rows.
        var ordered = query.ToRows(db)
            .OrderBy(a => a.PeriodId != null)
            .ThenBy(a => a.PeriodStartYear).ThenBy(a => a.PeriodStartMonth)
            .ThenBy(a => a.LastName).ThenBy(a => a.FirstName).ThenBy(a => a.MiddleName)
            .ThenBy(a => a.Id);
        var page = await ordered.ToPagedAsync(PageNumber, await ordered.CountRowsAsync(ct), db.WithExperts, ct);
        Pager = PagerView.Of(page, Request);
        var byId = periods.ToDictionary(p => p.Id);
        Rows = page.Items
            .Select(l => (Line: l, a: l.Application))
            .Select(x => new Row(
                x.a.Id,
                x.a.PeriodId is { } id && byId.TryGetValue(id, out var period) ? period.Name : null,
                x.a.FullName,
                x.a.CurrentCategory.ToRussian(),
                x.a.CurrentCategoryExpiresOn,
                x.a.ClaimedCategory?.ToRussian() ?? "",
                x.a.Organisation,
                x.a.Position,
                x.a.Subject,
                x.a.Form?.ToRussian() ?? "",
                new[] { x.Line.ExpertA, x.Line.ExpertB }.OfType<PersonRow>().Select(e => e.WithWork).ToList(),
                x.a.WithdrawalPending))
            .ToList();
    }
}
