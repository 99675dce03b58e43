using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Attestation.Web.Infrastructure;

/// <summary>
/// A request naming a handler its page does not have (<c>?handler=</c> anything, a post to a page without that post) is
/// 404. Razor Pages would run the page without a handler and render its view over a model nobody loaded: a 500, and an
/// error in the log, for every guess (wapiti's injections into «handler» found it). A GET without a handler name still
/// renders a page that has no GET handler; the status pages, re-executed with a failed request's own query, are left alone.
/// </summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var named = http.Request.Query.ContainsKey("handler") || context.RouteData.Values.ContainsKey("handler");
        var unsafeMethod = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method));
        var reExecuted = http.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || http.Features.Get<IExceptionHandlerFeature>() is not null;
        if (context.HandlerMethod is null && (named || unsafeMethod) && !reExecuted)
        {
            context.Result = new NotFoundResult();
            return;
        }

        await next();
    }
}
