using Attestation.Web.Storage;
using Attestation.Web.Tests.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Attestation.Web.Tests.Support;

/// <summary>
/// The portal with the antivirus turned on (Antivirus:Enabled) and pointed at a <see cref="FakeClamd"/> on a Unix
/// socket, as Debian's clamd would be; the scanner's log lines captured in <see cref="Log"/>.
/// </summary>
public sealed class PortalWithAntivirusFactory : PortalWithDirectoryFactory
{
    public FakeClamd Clamd { get; } = FakeClamd.OnUnixSocket();

    public CapturedLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Antivirus:Enabled", "true");
        builder.UseSetting("Antivirus:Socket", Clamd.SocketPath);
        builder.UseSetting("Antivirus:Timeout", "00:00:05");
        // The scanner's own logger writes straight to the capture. Through the host's logger factory its lines would go
        // to Serilog's static Log.Logger, which the last portal built in this process owns (and the first one disposed
        // silences): with test classes running in parallel, they would land in another class's portal.
        builder.ConfigureTestServices(services =>
            services.AddSingleton<ILogger<VirusScanner>>(new Logger<VirusScanner>(new LoggerFactory([Log]))));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Clamd.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
