using System.Diagnostics;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attestation.Web.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed partial class ErrorModel(ILogger<ErrorModel> logger) : PageModel
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
        var failure = HttpContext.Features.Get<IExceptionHandlerFeature>();
        // PostgreSQL stopped or hung is not the portal's error: «temporarily unavailable», and the load balancer and
        // the browser may retry (nothing was saved: the request's transaction never committed).
        if (code is null && DatabaseOutage.Is(failure?.Error))
        {
            Code = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "120";
        }
        if (code is null)
        {
            Response.StatusCode = Code;
            // The code the user quotes to support finds the failure in the log.
            LogFailure(logger, failure?.Error, RequestId, Code, HttpContext.Request.Method, failure?.Path ?? HttpContext.Request.Path.Value);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {RequestCode} answered {StatusCode}: {Method} {Path}")]
    private static partial void LogFailure(ILogger logger, Exception? error, string requestCode, int statusCode, string method, string? path);
}
