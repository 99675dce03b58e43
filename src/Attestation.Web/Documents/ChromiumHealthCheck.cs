using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Documents;

/// <summary>
/// Ready only when the configured Chromium is there: an instance without it cannot produce a single document. A file
/// check, cheap enough for every probe; whether the browser actually starts shows in the first render's log.
/// </summary>
public sealed class ChromiumHealthCheck(IOptions<PdfOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var path = options.Value.ChromiumPath;
        if (!File.Exists(path))
            return Task.FromResult(HealthCheckResult.Unhealthy($"Chromium not found at {path} (Pdf:ChromiumPath): PDF documents cannot be rendered."));

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & anyExecute) == 0)
            return Task.FromResult(HealthCheckResult.Unhealthy($"{path} (Pdf:ChromiumPath) is not executable."));

        return Task.FromResult(HealthCheckResult.Healthy());
    }
}
