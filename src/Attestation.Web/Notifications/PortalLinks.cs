using Microsoft.Extensions.Options;

namespace Attestation.Web.Notifications;

/// <summary>
/// Absolute links for e-mails. They are built on the configured public address, never on the Host header of the
/// request: a forged Host must not turn a password-reset link into one that hands the token to another site.
/// </summary>
public sealed partial class PortalLinks(IOptions<EmailOptions> options, IHostEnvironment environment, ILogger<PortalLinks> logger)
{
    public string Absolute(string relativeUrl, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var configured = options.Value.PublicBaseUrl;
        Uri baseUri;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            baseUri = new Uri(configured.TrimEnd('/') + "/");
        }
        else
        {
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
