using Attestation.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attestation.Web.Pages;

[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    public string? HomeArea { get; private set; }
    public string? RoleName { get; private set; }

    public void OnGet()
    {
        var role = Roles.All.FirstOrDefault(User.IsInRole);
        if (role is null)
            return;
        HomeArea = Roles.Area(role);
        RoleName = Roles.DisplayName(role);
    }
}
