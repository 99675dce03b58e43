using System.Globalization;
using Attestation.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attestation.Web.Pages;

/// <summary>
/// 429 of the account forms' limits (SignInLimits), rendered by the status code page's re-execution: its own route
/// «/Error/429», more specific than the error page's «/Error/{code}», so the two pages do not share a file.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class TooManyRequestsModel : PageModel
{
    /// <summary>«1 минуту», «45 секунд»: how long to wait.</summary>
    public string Wait { get; private set; } = "";

    public void OnGet() => Show();

    // Status code pages re-execute with the original method: the refused form's POST lands here.
    public void OnPost() => Show();

    private void Show()
    {
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        var wait = HttpContext.Items[SignInLimits.RetryAfterKey] as TimeSpan? ?? TimeSpan.FromMinutes(1);
        Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        Wait = wait.TotalSeconds < 60 ? Count((int)Math.Ceiling(wait.TotalSeconds), "секунду", "секунды", "секунд")
            : Count((int)Math.Ceiling(wait.TotalMinutes), "минуту", "минуты", "минут");
    }

    private static string Count(int n, string one, string few, string many)
    {
        var word = (n % 100 is >= 11 and <= 14) ? many : (n % 10) switch { 1 => one, 2 or 3 or 4 => few, _ => many };
        return $"{n} {word}";
    }
}
