namespace Attestation.Web.Infrastructure;

/// <summary>
/// The browser-side defences every response carries: pages, error and status pages, redirects, downloads and static
/// files. Set when the response starts, so that the exception handler's clearing of the headers cannot drop them.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// No inline script or style anywhere: the views keep theirs in wwwroot. The PDF templates have inline styles,
    /// but they are rendered to a string and printed by Chromium outside the HTTP pipeline, never served.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public const string PermissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), midi=(), " +
        "magnetometer=(), gyroscope=(), accelerometer=(), display-capture=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                // An endpoint may ask for less (the calendar feed: no-referrer).
                headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
}
