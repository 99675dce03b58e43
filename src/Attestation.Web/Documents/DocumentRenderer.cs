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
        var length = html.Length;
        var document = await pdf.RenderAsync(html, options, ct);
        html = null;
        if (length >= LargeDocument)
            ReturnLargeDocumentMemory();
        return document;
    }

    /// <summary>
    /// HTML this long (a schedule or journal of thousands of rows) leaves tens of megabytes of large objects behind: its
    /// render tree, the text and the PDF on its way from the browser. The collector would keep them until its next full
    /// collection, with the process at its largest; such documents are few a day, so the memory is given back at once.
    /// </summary>
    internal const int LargeDocument = 1_000_000;

    private static void ReturnLargeDocumentMemory()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
