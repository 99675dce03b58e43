using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Pages.Account;

/// <summary>«Личный кабинет»: who the portal thinks you are and where you work.</summary>
public sealed class ProfileModel(AttestationDbContext db, UserManager<AppUser> users) : PageModel
{
    public ProfileView Profile { get; private set; } = null!;

    public sealed record ProfileView(
        string FullName, string Login, string? Email, string? Phone, string? WorkPhone, string Role,
        string? Municipality, string? Organisation, string? Position, string? Subject);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        if (userId is null)
            return Challenge();
        var id = Guid.Parse(userId);

        var profile = await db.Users.AsNoTracking().Where(u => u.Id == id).ToPeople(db).SingleOrDefaultAsync(ct);
        if (profile is null)
            return NotFound();

        var role = Roles.All.FirstOrDefault(User.IsInRole);
        Profile = new ProfileView(
            profile.FullName,
            profile.Login ?? "", profile.Email, profile.Phone, profile.WorkPhone,
            role is null ? "—" : Roles.DisplayName(role),
            profile.Municipality, profile.Organisation, profile.Position, profile.Subject);
        return Page();
    }
}
