using Microsoft.Extensions.Options;

namespace Attestation.Web.Notifications;

/// <summary>
/// Absolute links for e-mails. They are built on the configured public address, never on the Host header of the
/// request: a forged Host must not turn a password-reset link into one that hands the token to another site.
/// </summary>
public sealed partial class PortalLinks(
    IOptions<EmailOptions> options,
    IHostEnvironment environment,
    IHttpContextAccessor http,
    ILogger<PortalLinks> logger)
{
    /// <summary><paramref name="relativeUrl"/> on the public address (or, in development without one, on the current
    /// request's).</summary>
    public string Absolute(string relativeUrl)
    {
        ArgumentNullException.ThrowIfNull(relativeUrl);
        var configured = options.Value.PublicBaseUrl;
        Uri baseUri;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            baseUri = new Uri(configured.TrimEnd('/') + "/");
        }
        else
        {
            var request = http.HttpContext?.Request
                ?? throw new InvalidOperationException("Email:PublicBaseUrl is needed for links in letters composed outside a request.");
            if (!environment.IsDevelopment())
                LogNoPublicAddress(logger);
            baseUri = new Uri($"{request.Scheme}://{request.Host}/");
        }
        return new Uri(baseUri, relativeUrl.TrimStart('/')).ToString();
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Email:PublicBaseUrl is not set: links in e-mails use the request's host. Set it in production.")]
    private static partial void LogNoPublicAddress(ILogger logger);
}
