using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
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

    /// <summary>
    /// A form sent while PostgreSQL was unreachable: what was typed, to be sent again as it was once the service is
    /// back (null for any other error, a GET, or a form with nothing to keep).
    /// </summary>
    public ResentForm? Resend { get; private set; }

    public void OnGet(int? code) => Show(code);

    // Status code pages re-execute with the original method: a failed POST lands here too.
    public void OnPost(int? code) => Show(code);

    private void Show(int? code)
    {
        Code = code ?? StatusCodes.Status500InternalServerError;
        RequestId = LoggingSetup.RequestCode(HttpContext);
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
        if (Code == StatusCodes.Status503ServiceUnavailable && failure is not null)
            Resend = ResentForm.From(HttpContext.Request, failure.Path);
    }

    /// <summary>
    /// The failed request's own handler name stays in the query string (<c>?handler=Deactivate</c>), which this page
    /// does not have: without a handler Razor Pages would render it without running one, and say nothing useful.
    /// </summary>
    // A filter callback, not a handler: Razor Pages would otherwise also bind it to the made-up HTTP method
    // «PAGE» (?handler=HandlerSelected), where binding its context throws: a 500 for anyone who asks.
    [NonHandler]
    public override void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.HandlerMethod ??= context.ActionDescriptor.HandlerMethods.FirstOrDefault(handler =>
            handler.Name is null && string.Equals(handler.HttpMethod, HttpContext.Request.Method, StringComparison.OrdinalIgnoreCase));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {RequestCode} answered {StatusCode}: {Method} {Path}")]
    private static partial void LogFailure(ILogger logger, Exception? error, string requestCode, int statusCode, string method, string? path);
}

/// <summary>
/// A posted form carried on the «Сервис временно недоступен» page as hidden fields, so that «Отправить ещё раз» sends
/// what was typed to the same address (with its antiforgery token and the record's version: a save that did go
/// through meanwhile is refused as stale, never made twice). Passwords are not written into the page, and files cannot
/// be: the page says that they must be given again.
/// </summary>
public sealed record ResentForm(string Action, IReadOnlyList<KeyValuePair<string, string>> Fields, bool PasswordLeftOut, int FilesLeftOut)
{
    public static ResentForm? From(HttpRequest request, string? path)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType || path is null
            || request.HttpContext.Features.Get<IFormFeature>()?.Form is not { } form)
            return null;
        var fields = new List<KeyValuePair<string, string>>();
        var passwordLeftOut = false;
        foreach (var (name, values) in form)
        {
            if (name.Contains("Password", StringComparison.OrdinalIgnoreCase))
            {
                passwordLeftOut |= values.Any(value => !string.IsNullOrEmpty(value));
                continue;
            }
            fields.AddRange(values.Select(value => KeyValuePair.Create(name, value ?? "")));
        }
        return new ResentForm(request.PathBase + path + request.QueryString, fields, passwordLeftOut, form.Files.Count);
    }
}
