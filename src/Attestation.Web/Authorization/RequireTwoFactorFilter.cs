using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Authorization;

/// <summary>
/// The operator's cabinet opens only to a sign-in with a second factor (<see cref="AccountOptions.RequireOperatorTwoFactor"/>):
/// an operator who has not enabled it is sent to «Двухфакторная защита» from every page of it, and comes back after.
/// </summary>
public sealed class RequireTwoFactorFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (http.RequestServices.GetRequiredService<IOptions<AccountOptions>>().Value.RequireOperatorTwoFactor
            && AccountCheck.TwoFactorEnabled(http) == false)
        {
            var returnUrl = HttpMethods.IsGet(http.Request.Method) ? http.Request.PathBase + http.Request.Path + http.Request.QueryString : null;
            context.Result = new RedirectToPageResult("/Account/TwoFactor", new { area = "", returnUrl });
            return;
        }

        await next();
    }
}
