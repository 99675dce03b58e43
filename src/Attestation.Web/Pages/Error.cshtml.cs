using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attestation.Web.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    /// <summary>Shown so that a user can quote it to support; the details stay in the log.</summary>
    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Show(code);

    // Status code pages re-execute with the original method: a failed POST lands here too.
    public void OnPost(int? code) => Show(code);

    private void Show(int? code)
    {
        Code = code ?? StatusCodes.Status500InternalServerError;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        if (code is null)
            Response.StatusCode = StatusCodes.Status500InternalServerError;
    }
}
