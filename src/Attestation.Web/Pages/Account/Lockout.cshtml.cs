using System.Globalization;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attestation.Web.Pages.Account;

[AllowAnonymous]
public sealed class LockoutModel(RegionTime region) : PageModel
{
    public const string UntilKey = "LockedUntil";

    public bool Blocked { get; private set; }

    /// <summary>«14:05 05.12.2026», the region's time the sign-in opens again; null when not known.</summary>
    public string? Until { get; private set; }

    public void OnGet(bool? blocked)
    {
        Blocked = blocked == true;
        if (TempData[UntilKey] is string raw && long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            Until = region.ToLocal(new DateTimeOffset(ticks, TimeSpan.Zero)).ToString("HH:mm dd.MM.yyyy", WebSetup.Russian);
    }
}
