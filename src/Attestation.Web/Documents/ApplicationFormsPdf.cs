using Attestation.Web.Documents.Templates;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Attestation.Web.Documents;

/// <summary>
/// The operator's «Печать заявлений» as one PDF: each application printed exactly as the teacher prints it, then the
/// prints bound page after page. Each keeps its own page numbers («стр. 1 из 2», from 1 again for the next teacher), so
/// that the printed stack splits back into applications: Chromium numbers the pages of one print, and CSS cannot
/// restart its page counter, so one print per application is the only way to number them apart.
/// </summary>
public static class ApplicationFormsPdf
{
    public static async Task<byte[]> RenderPdfAsync(IDocumentRenderer documents, ApplicationFormsModel model, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(model);
        var prints = new List<byte[]>(model.Forms.Count);
        // One after another: the stack takes one of the renderer's slots, and the teachers printing meanwhile get the rest.
        foreach (var form in model.Forms)
        {
            prints.Add(await documents.RenderPdfAsync<ApplicationForm>(
                new Dictionary<string, object?> { [nameof(ApplicationForm.Model)] = form }, PdfPageOptions.Portrait, ct));
        }
        return Bind(prints, model.Title);
    }

    /// <summary>The pages of every PDF in turn, in one file titled <paramref name="title"/>.</summary>
    public static byte[] Bind(IEnumerable<byte[]> pdfs, string title)
    {
        ArgumentNullException.ThrowIfNull(pdfs);
        using var bound = new PdfDocument();
        bound.Info.Title = title;
        foreach (var pdf in pdfs)
        {
            using var stream = new MemoryStream(pdf, writable: false);
            using var part = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
            foreach (var page in part.Pages)
                bound.AddPage(page);
        }
        using var output = new MemoryStream();
        bound.Save(output, closeStream: false);
        return output.ToArray();
    }
}
