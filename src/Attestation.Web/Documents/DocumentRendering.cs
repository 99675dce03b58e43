using Microsoft.AspNetCore.Components;

namespace Attestation.Web.Documents;

/// <summary>Page set-up of a generated PDF.</summary>
public sealed record PdfPageOptions(bool Landscape = false, bool PageNumbers = true)
{
    public static PdfPageOptions Portrait { get; } = new();
    public static PdfPageOptions LandscapeWithNumbers { get; } = new(Landscape: true);
}

/// <summary>Turns HTML into PDF (headless Chromium); see docs/decisions/0003-pdf-from-html-with-chromium.md.</summary>
public interface IPdfRenderer
{
    Task<byte[]> RenderAsync(string html, PdfPageOptions options, CancellationToken ct);
}

/// <summary>
/// Renders a document template (a Razor component under Documents/Templates) to HTML, then to PDF. Every document
/// the portal produces goes through here.
/// </summary>
public interface IDocumentRenderer
{
    Task<string> RenderHtmlAsync<TTemplate>(IDictionary<string, object?> parameters) where TTemplate : IComponent;

    Task<byte[]> RenderPdfAsync<TTemplate>(IDictionary<string, object?> parameters, PdfPageOptions options, CancellationToken ct)
        where TTemplate : IComponent;
}
