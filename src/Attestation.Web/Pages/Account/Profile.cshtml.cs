using Attestation.Web.Authorization;
using Attestation.Web.Data;
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

        var profile = await (
            from u in db.Users.AsNoTracking()
            where u.Id == id
            select new
            {
                u.LastName, u.FirstName, u.MiddleName, u.UserName, u.Email, u.PhoneNumber, u.WorkPhone,
                Municipality = db.Municipalities.Where(m => m.Id == u.MunicipalityId).Select(m => m.Name).FirstOrDefault(),
                Organisation = db.Organisations.Where(o => o.Id == u.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                Position = db.Positions.Where(p => p.Id == u.PositionId).Select(p => p.Name).FirstOrDefault(),
                Subject = db.Subjects.Where(s => s.Id == u.SubjectId).Select(s => s.Name).FirstOrDefault(),
            }).SingleOrDefaultAsync(ct);
        if (profile is null)
            return NotFound();

        var role = Roles.All.FirstOrDefault(User.IsInRole);
        Profile = new ProfileView(
            string.Join(' ', new[] { profile.LastName, profile.FirstName, profile.MiddleName }.Where(p => !string.IsNullOrEmpty(p))),
            profile.UserName ?? "", profile.Email, profile.PhoneNumber, profile.WorkPhone,
            role is null ? "—" : Roles.DisplayName(role),
            profile.Municipality, profile.Organisation, profile.Position, profile.Subject);
        return Page();
    }
}
