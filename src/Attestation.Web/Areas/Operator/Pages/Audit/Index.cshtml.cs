using Attestation.Domain;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Audit;

/// <summary>
/// «Журнал безопасности»: the audit log searched by person (a part of the login or name), action and dates — the last
/// seven days by default — the latest first, fifty a page. Read only: nobody can change or delete a line.
/// </summary>
public sealed class IndexModel(AttestationDbContext db, RegionTime region) : PageModel
{
    public const int DefaultDays = 7;

    /// <summary>A part of the login or the name: «ivanova», «Иванова».</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public AuditAction? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerView.Parameter)]
    public int? PageNumber { get; set; }

    public DateOnly FromDate { get; private set; }

    public DateOnly ToDate { get; private set; }

    public IReadOnlyList<AuditEvent> Rows { get; private set; } = [];

    public PagerView? Pager { get; private set; }

    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = region.Today;
        ToDate = Date(nameof(To), To, today);
        FromDate = Date(nameof(From), From, ToDate.AddDays(1 - DefaultDays));
        if (FromDate > ToDate)
        {
            ModelState.AddModelError(nameof(From), "Начало периода позже его конца.");
            FromDate = ToDate;
        }

        var from = RegionClock.StartOfDay(FromDate, region.Zone);
        var to = RegionClock.StartOfDay(ToDate.AddDays(1), region.Zone);
        var lines = db.AuditEvents.AsNoTracking().Where(e => e.At >= from && e.At < to);
        if (Action is { } action)
            lines = lines.Where(e => e.Action == action);
        if (Q?.Trim() is { Length: > 0 } search)
        {
            var pattern = "%" + LikePattern.Escape(search) + "%";
            lines = lines.Where(e => EF.Functions.ILike(e.Login!, pattern, "\\") || EF.Functions.ILike(e.PersonName!, pattern, "\\"));
        }

        Total = await lines.CountAsync(ct);
        var paged = await lines.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToPagedAsync(PageNumber, Total, ct);
        Pager = PagerView.Of(paged, Request);
        Rows = paged.Items;
    }

    private DateOnly Date(string field, string? text, DateOnly fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        if (DateInput.TryParse(text, out var date))
            return date;
        ModelState.AddModelError(field, DateInput.Invalid);
        return fallback;
    }
}
