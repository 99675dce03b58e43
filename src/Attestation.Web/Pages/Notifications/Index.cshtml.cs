using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Pages.Notifications;

/// <summary>
/// «Уведомления»: one's own notices, whatever the role — what happened, when, and the page concerned — the latest
/// first, a page at a time; «Прочитано», «Открыть» (read, then the page) and «Отметить все прочитанными». Every query
/// is by the signed-in person's id: another's notice is not found, not merely hidden.
/// </summary>
[Authorize]
public sealed class IndexModel(AttestationDbContext db, RegionTime region) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerView.Parameter)]
    public int? PageNumber { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public PagerView? Pager { get; private set; }

    public int Unread { get; private set; }

    public sealed record Row(long Id, DateTimeOffset CreatedAt, string Title, string Text, string Link, bool IsRead);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var mine = Mine().AsNoTracking();
        var counts = await mine.GroupBy(_ => 1)
            .Select(g => new { Total = g.Count(), Unread = g.Count(n => n.ReadAt == null) })
            .SingleOrDefaultAsync(ct);
        Unread = counts?.Unread ?? 0;
        var paged = await mine.OrderByDescending(n => n.Id)
            .Select(n => new Row(n.Id, n.CreatedAt, n.Title, n.Text, n.Link, n.ReadAt != null))
            .ToPagedAsync(PageNumber, counts?.Total ?? 0, ct);
        Pager = PagerView.Of(paged, Request);
        Rows = paged.Items.Select(r => r with { CreatedAt = region.ToLocal(r.CreatedAt) }).ToList();
    }

    /// <summary>«Прочитано». Already read: nothing changes, and nothing is said.</summary>
    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is null)
            return NotFound();
        await MarkReadAsync(Mine().Where(n => n.Id == id), ct);
        return RedirectToPage(new { p = PageNumber });
    }

    /// <summary>«Открыть»: read, and on to the page it is about (a path inside the portal, never elsewhere).</summary>
    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken ct)
    {
        var notice = await FindAsync(id, ct);
        if (notice is null)
            return NotFound();
        await MarkReadAsync(Mine().Where(n => n.Id == id), ct);
        return Url.IsLocalUrl(notice.Link) ? LocalRedirect(notice.Link) : RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var count = await MarkReadAsync(Mine(), ct);
        StatusMessage = count == 0 ? "Непрочитанных уведомлений нет." : $"Отмечено прочитанными: {count}.";
        return RedirectToPage();
    }

    private IQueryable<Notification> Mine()
    {
        var userId = User.UserId();
        return db.Notifications.Where(n => n.UserId == userId);
    }

    private Task<Notification?> FindAsync(long id, CancellationToken ct) =>
        Mine().AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, ct);

    private Task<int> MarkReadAsync(IQueryable<Notification> notices, CancellationToken ct)
    {
        var now = region.Now;
        return notices.Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
