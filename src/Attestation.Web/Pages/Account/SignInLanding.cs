using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Pages.Account;

/// <summary>Where a sign-in lands, after the password alone or after the password and the code.</summary>
internal static class SignInLanding
{
    /// <summary>Signed in: the last sign-in is written, and the person goes where he was going or to his cabinet.</summary>
    public static async Task<IActionResult> LandAsync(PageModel page, AppUser user, string? returnUrl,
        UserManager<AppUser> users, AttestationDbContext db, TimeProvider time)
    {
        // Written past Identity: the account's version (its concurrency stamp) is not a sign-in's business.
        var now = time.GetUtcNow();
        await db.Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSignInAt, now), page.HttpContext.RequestAborted);

        if (!string.IsNullOrEmpty(returnUrl) && page.Url.IsLocalUrl(returnUrl))
            return page.LocalRedirect(returnUrl);

        var role = (await users.GetRolesAsync(user)).FirstOrDefault();
        return role is null
            ? page.RedirectToPage("/Index")
            : page.RedirectToPage("/Index", new { area = Roles.Area(role) });
    }

    /// <summary>Locked: the operator's block, or the wait after wrong passwords with the instant it ends.</summary>
    public static IActionResult LockedOut(PageModel page, AppUser user)
    {
        if (AccountBlock.IsBlocked(user.LockoutEnd))
            return page.RedirectToPage("./Lockout", new { blocked = true });
        if (user.LockoutEnd is { } end)
            page.TempData[LockoutModel.UntilKey] = end.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return page.RedirectToPage("./Lockout");
    }
}
