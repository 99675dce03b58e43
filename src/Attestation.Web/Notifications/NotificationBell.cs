using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Notifications;

/// <summary>
/// The bell of every cabinet: one's own unread notices, counted on the partial index of the unread (one statement on
/// every page of a signed-in person). A link, not a script: without JavaScript it leads to the plain list.
/// </summary>
public sealed class NotificationBellViewComponent(AttestationDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        // Counted with the account's check of the request (AccountCheck); counted here only where it did not run.
        var userId = UserClaimsPrincipal.UserId();
        var unread = Authorization.AccountCheck.Unread(HttpContext)
            ?? await db.Notifications.AsNoTracking().CountAsync(n => n.UserId == userId && n.ReadAt == null,
                HttpContext.RequestAborted);
        return View(unread);
    }
}
