using Attestation.Domain.Applications;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Municipality.Pages.Withdraw;

/// <summary>
/// «Общий список педагогических работников для отзыва заявления муниципальным координатором»: the registered
/// applications of the municipality that are not decided yet.
/// </summary>
public sealed class IndexModel(AttestationDbContext db) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>A part of the full name («ё» as «е», any case).</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerView.Parameter)]
    public int? PageNumber { get; set; }

    public PagerView? Pager { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public sealed record Row(Guid Id, string FullName, string Position, string Organisation, string Status, bool WithdrawalFiled);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A page at a time in alphabetical order (the names' collation is Russian): a municipality has hundreds.
        var page = await db.Applications.AsNoTracking().InMunicipalityOf(User)
            // The statuses a coordinator may withdraw from, with the ones whose withdrawal is already filed.
            .Where(ApplicationFilters.StatusIn(ApplicationRules.StatusesFor(ApplicationAction.FileWithdrawalForTeacher)))
            .WhoseNameContains(Search)
            .ToRows(db)
            .OrderBy(a => a.LastName).ThenBy(a => a.FirstName).ThenBy(a => a.MiddleName).ThenBy(a => a.Id)
            .ToPagedAsync(PageNumber, ct);
        Pager = PagerView.Of(page, Request);
        Rows = page.Items
            .Select(a => new Row(a.Id, a.FullName, a.PositionWithSubject, a.Organisation, a.Status.ToShortRussian(), a.WithdrawalPending))
            .ToList();
    }
}
