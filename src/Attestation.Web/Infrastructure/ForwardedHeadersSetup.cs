using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Attestation.Web.Infrastructure;

public sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the reverse proxies (TLS terminators) whose X-Forwarded-For and -Proto are believed.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR form («172.16.0.0/12»), for a proxy whose address changes.</summary>
    public string[] KnownNetworks { get; set; } = [];
}

/// <summary>
/// Behind a TLS proxy the portal sees the proxy's connection: plain http from the proxy's address. From a proxy it
/// trusts (loopback always, plus <see cref="ProxyOptions"/>) it takes the client's address (X-Forwarded-For: the audit
/// log, the limits of the sign-in forms) and the scheme (X-Forwarded-Proto: https makes the session cookie Secure and
/// <c>__Host-</c>). From anyone else the headers are ignored, so a client cannot pretend to be another address.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddPortalForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults (127.0.0.0/8 and ::1) stay: the proxy of the start script and of the two-instance check.
            foreach (var proxy in proxies.KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p)))
                options.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
            foreach (var network in proxies.KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n)))
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
        });
        return services;
    }
}
