using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attestation.Web.Infrastructure;

/// <summary>
/// Pages answer the methods of links and forms only (GET, HEAD, POST); any other is 405 at routing. Razor Pages runs a
/// request of a method no handler has (PUT, DELETE, a made-up one) through the page without a handler, so the view
/// rendered a model nobody loaded and failed with 500 — for anyone who asked, and one error line in the log each time.
/// The error page is left open to every method: a failed request is re-executed there with its own.
/// </summary>
public static class FormMethods
{
    public static readonly string[] Allowed = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post];

    public static RazorPagesOptions AnswerFormMethodsOnly(this RazorPagesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Conventions.Add(new OnlyFormMethods());
        return options;
    }

    private sealed class OnlyFormMethods : IPageApplicationModelConvention
    {
        public void Apply(PageApplicationModel model)
        {
            if (model.ViewEnginePath != "/Error")
                model.EndpointMetadata.Add(new HttpMethodMetadata(Allowed));
        }
    }
}
