using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Attestation.Web.Authorization;

public sealed class SessionLifetimeOptions
{
    public const string Section = "Sessions";

    /// <summary>A session nobody used for this long ends.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after the sign-in, however busy.</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(12);
}

/// <summary>
/// The session cookies (ASVS V7): HttpOnly, SameSite=Lax, and on an https request — directly, or through a TLS proxy
/// whose X-Forwarded-Proto the portal trusts (ForwardedHeadersSetup) — Secure and named with the <c>__Host-</c> prefix,
/// which a browser accepts only from a secure origin, for the whole site, from no other host or subdomain.
/// On plain http (development, the start script on http://localhost, the tests' in-process server and the browser
/// tests on http://127.0.0.1) the same cookie goes without Secure and without the prefix: a Secure cookie is not sent
/// back over http by every client (.NET's CookieContainer never; browsers only for localhost), and a portal served over
/// http has no transport to protect anyway. The name follows the request, not a setting, so one instance serves a
/// proxy's https and a health check's http alike.
/// </summary>
public static class SessionCookies
{
    public const string HostPrefix = "__Host-";

    /// <summary>The instant of the sign-in, kept in the ticket: renewals and a password change keep it.</summary>
    private const string SignedInAtKey = "attestation.signed-in";

    public static void Configure(CookieAuthenticationOptions options, string name)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Cookie.Name = name;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.Path = "/";
        options.Cookie.Domain = null;
        options.CookieManager = new HostPrefixCookieManager(new ChunkingCookieManager());
    }

    /// <summary>The antiforgery and TempData cookies: Secure on https as well (they carry no session).</summary>
    public static IServiceCollection AddPortalCookiePolicy(this IServiceCollection services)
    {
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Lax;
        });
        return services;
    }

    /// <summary>The cookie's <c>OnSigningIn</c>: the first sign-in of a session writes its instant.</summary>
    public static Task StampSignInAsync(CookieSigningInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Properties.Items.ContainsKey(SignedInAtKey))
        {
            var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            context.Properties.Items[SignedInAtKey] = now.UtcTicks.ToString(CultureInfo.InvariantCulture);
        }
        return Task.CompletedTask;
    }

    /// <summary>When the session began (a cookie from before this was kept: its last issue).</summary>
    public static DateTimeOffset? SignedInAt(AuthenticationProperties properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return properties.Items.TryGetValue(SignedInAtKey, out var raw)
               && long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : properties.IssuedUtc;
    }

    /// <summary>The cookie handler's cookies under the <c>__Host-</c> name on https, chunks included.</summary>
    private sealed class HostPrefixCookieManager(ICookieManager inner) : ICookieManager
    {
        public string? GetRequestCookie(HttpContext context, string key) => inner.GetRequestCookie(context, Name(context, key));

        public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
            inner.AppendResponseCookie(context, Name(context, key), value, options);

        public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
            inner.DeleteCookie(context, Name(context, key), options);

        private static string Name(HttpContext context, string key) => context.Request.IsHttps ? HostPrefix + key : key;
    }
}
