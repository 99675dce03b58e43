using System.Security.Claims;
using System.Security.Cryptography;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Pages.Account;

/// <summary>
/// «Выйти» ends every session of the account, not only this browser's: a new security stamp makes any saved copy of
/// the cookie (another device, a stolen one) open nothing from its next request on.
/// </summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<AppUser> signInManager, AttestationDbContext db) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is { } rawId && Guid.TryParse(rawId, out var id))
        {
            // Written past Identity: the account's version (its concurrency stamp) is not a sign-out's business, and an
            // operator editing the account meanwhile must not be told it changed.
            var stamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
            await db.Users.Where(u => u.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.SecurityStamp, stamp), HttpContext.RequestAborted);
        }
        await signInManager.SignOutAsync();
        return RedirectToPage("/Index");
    }
}
