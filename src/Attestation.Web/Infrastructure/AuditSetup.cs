using Attestation.Web.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;

namespace Attestation.Web.Infrastructure;

public static class AuditSetup
{
    /// <summary>
    /// The audit log and the events it hears without any page's help: every sign-in and sign-out (the session cookie's
    /// events) and every request the authorization refused.
    /// </summary>
    public static IServiceCollection AddAuditLog(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<AuditLog>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditedAuthorizationResults>();
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
        {
            var signedIn = options.Events.OnSignedIn;
            options.Events.OnSignedIn = async context =>
            {
                await signedIn(context);
                await context.HttpContext.RequestServices.GetRequiredService<AuditLog>()
                    .RecordSignInAsync(context.Principal, AuditAction.SignIn, context.HttpContext.RequestAborted);
            };
            var signingOut = options.Events.OnSigningOut;
            options.Events.OnSigningOut = async context =>
            {
                await context.HttpContext.RequestServices.GetRequiredService<AuditLog>()
                    .RecordAsync(AuditAction.SignOut, null, context.HttpContext.RequestAborted);
                await signingOut(context);
            };
        });
        return services;
    }

    /// <summary>ASP.NET Core's own handling of a refusal (403 or the sign-in page), with the refusal in the audit log.</summary>
    private sealed class AuditedAuthorizationResults : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _handler = new();

        public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            if (authorizeResult.Forbidden)
            {
                await context.RequestServices.GetRequiredService<AuditLog>().RecordAsync(AuditAction.AccessRefused,
                    $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}", context.RequestAborted);
            }
            await _handler.HandleAsync(next, context, policy, authorizeResult);
        }
    }
}
