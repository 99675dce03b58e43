using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Attestation.Web.Documents;

/// <summary>
/// Razor components under Documents/Templates rendered to an HTML string (the same engine as Blazor's static
/// rendering, no browser involved), then printed by <see cref="IPdfRenderer"/>. Scoped: templates may inject the
/// request's services.
/// </summary>
public sealed class DocumentRenderer(IServiceProvider services, ILoggerFactory loggerFactory, IPdfRenderer pdf) : IDocumentRenderer
{
    public async Task<string> RenderHtmlAsync<TTemplate>(IDictionary<string, object?> parameters) where TTemplate : IComponent
    {
        ArgumentNullException.ThrowIfNull(parameters);
        await using var renderer = new HtmlRenderer(services, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TTemplate>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }

    public async Task<byte[]> RenderPdfAsync<TTemplate>(IDictionary<string, object?> parameters, PdfPageOptions options, CancellationToken ct)
        where TTemplate : IComponent
    {
        var html = await RenderHtmlAsync<TTemplate>(parameters);
        return await pdf.RenderAsync(html, options, ct);
    }
}
