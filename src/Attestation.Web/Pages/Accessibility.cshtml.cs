using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Pages;

/// <summary>
/// «О доступности портала»: the standard the portal keeps, how it was checked, what is known not to work, and to whom
/// a person reports a problem (the contact is the region's setting). Open to everyone and linked from every footer.
/// </summary>
[AllowAnonymous]
public sealed class AccessibilityModel(IOptions<AccessibilityOptions> options) : PageModel
{
    public AccessibilityOptions Contact { get; } = options.Value;

    public void OnGet()
    {
    }
}
