using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Attestation.Web.Authorization;

/// <summary>
/// Every page of the municipal coordinator's cabinet works within his municipality: an account without one (the
/// operator has not finished it) gets one clear Russian page with 403 on every page but his profile, instead of empty
/// lists that read as «nothing to do» or a failure deeper down. The one mechanism for it, applied to the whole area.
/// </summary>
public sealed class RequireMunicipalityFilter : IAsyncPageFilter
{
    public const string View = "/Pages/Shared/NoMunicipality.cshtml";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.HttpContext.User.MunicipalityId() is null)
        {
            context.Result = new ViewResult { ViewName = View, StatusCode = StatusCodes.Status403Forbidden };
            return;
        }

        await next();
    }
}
