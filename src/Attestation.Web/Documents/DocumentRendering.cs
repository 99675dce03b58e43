using Microsoft.AspNetCore.Components;

namespace Attestation.Web.Documents;

/// <summary>Page set-up of a generated PDF.</summary>
public sealed record PdfPageOptions(bool Landscape = false, bool PageNumbers = true)
{
    /// <summary>A table longer than this prints untagged (see <see cref="Tagged"/>).</summary>
    public const int TaggedTableRows = 300;

    public static PdfPageOptions Portrait { get; } = new();

    /// <summary>
    /// A tagged PDF carries its structure (headings, table cells) for screen readers. Chromium builds it in proportion to
    /// the cells: for a journal of 1,000 rows it triples the time and makes the file seven times larger. Forms and
    /// tables of a few pages are tagged; long tables are not.
    /// </summary>
    public bool Tagged { get; init; } = true;

    /// <summary>The rows of a table document: a long one is given more time (<see cref="PdfOptions.TimePerTableRow"/>).</summary>
    public int TableRows { get; init; }

    /// <summary>A journal or schedule of <paramref name="rows"/> rows: landscape, numbered, tagged while it is short.</summary>
    public static PdfPageOptions Table(int rows) => new(Landscape: true) { Tagged = rows <= TaggedTableRows, TableRows = rows };
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
