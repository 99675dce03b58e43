using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Authorization;

public sealed class SignInLimitOptions
{
    public const string Section = "SignInLimits";

    /// <summary>Posts of one account form from one address (the real client's behind a trusted proxy) per window.</summary>
    public int PerAddress { get; set; } = 60;

    /// <summary>Posts of one account form naming one account (login, reset link, invitation) per window, from anywhere.</summary>
    public int PerAccount { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// The account forms whose posts are limited (sign-in and its code, registration, the password reset's request and
/// its new password, an invitation's acceptance), and where the form names its account, if it does.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LimitedFormAttribute(string form, string? accountField = null) : Attribute
{
    public string Form { get; } = form;

    /// <summary>The form field (or query parameter) that names the account the post is about.</summary>
    public string? AccountField { get; } = accountField;
}

/// <summary>
/// ASP.NET Core's rate limiter over the account forms' posts, per client address and per account at once (a chained
/// limiter: both must allow). A refused post answers 429 with Retry-After and the Russian page «Слишком много
/// попыток» (Pages/TooManyRequests), and nothing of the form is run: no password is checked, no letter sent.
/// Each instance counts on its own: with N instances a client gets at most N times the limit.
/// </summary>
public static class SignInLimits
{
    /// <summary>The wait of a refused request, for the 429 page.</summary>
    public const string RetryAfterKey = "Attestation.RetryAfter";

    private const string Unlimited = "";

    public static IServiceCollection AddSignInLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SignInLimitOptions>(configuration.GetSection(SignInLimitOptions.Section));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SignInLimitOptions>>((options, settings) =>
        {
            var limits = settings.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(limits, limits.PerAddress,
                    LimitOf(context) is { } limit ? $"{limit.Form}|address|{context.Connection.RemoteIpAddress}" : null)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(limits, limits.PerAccount,
                    LimitOf(context) is { AccountField: { } field } limit && AccountOf(context, field) is { } account
                        ? $"{limit.Form}|account|{account}"
                        : null)));
            options.OnRejected = (rejected, _) =>
            {
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : limits.Window;
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                rejected.HttpContext.Items[RetryAfterKey] = TimeSpan.FromSeconds(seconds);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>
    /// After <c>UseSafeInput</c>, which has read the form (bounded, control characters taken out): the account a post
    /// names is read from it; the page then reads the same parsed form.
    /// </summary>
    public static IApplicationBuilder UseSignInLimits(this IApplicationBuilder app) => app.UseRateLimiter();

    private static LimitedFormAttribute? LimitOf(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
            ? context.GetEndpoint()?.Metadata.GetMetadata<LimitedFormAttribute>()
            : null;

    private static string? AccountOf(HttpContext context, string field)
    {
        var form = context.Features.Get<IFormFeature>()?.Form;
        var value = form is not null && form.TryGetValue(field, out var posted) ? posted.ToString() : context.Request.Query[field].ToString();
        value = value.Trim();
        return value.Length == 0 ? null : value.ToUpperInvariant();
    }

    private static RateLimitPartition<string> Partition(SignInLimitOptions limits, int permits, string? key) =>
        key is null
            ? RateLimitPartition.GetNoLimiter(Unlimited)
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = limits.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
}
