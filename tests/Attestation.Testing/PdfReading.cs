using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Attestation.Testing;

/// <summary>Reads generated PDFs back with poppler-utils (pdftotext, pdfinfo), as a user's viewer would see them.</summary>
public static partial class PdfReading
{
    /// <summary>The text of every page, in reading order, with runs of white space (line breaks too) made one space.</summary>
    public static async Task<string> TextAsync(byte[] pdf)
    {
        var text = await RunOnFileAsync(pdf, "pdftotext", "-enc", "UTF-8", "{0}", "-");
        return Spaces().Replace(text, " ").Trim();
    }

    /// <summary>The text of each page separately (pdftotext ends a page with a form feed).</summary>
    public static async Task<IReadOnlyList<string>> PagesAsync(byte[] pdf)
    {
        var text = await RunOnFileAsync(pdf, "pdftotext", "-enc", "UTF-8", "{0}", "-");
        return text.Split('\f').SkipLast(1).Select(page => Spaces().Replace(page, " ").Trim()).ToList();
    }

    /// <summary>pdfinfo's fields: «Pages», «Page size», «Title»…</summary>
    public static async Task<IReadOnlyDictionary<string, string>> InfoAsync(byte[] pdf)
    {
        var output = await RunOnFileAsync(pdf, "pdfinfo", "{0}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim());
    }

    /// <summary>The size of the first page in points (A4 portrait is 595 × 842).</summary>
    public static async Task<(double Width, double Height)> PageSizeAsync(byte[] pdf)
    {
        var info = await InfoAsync(pdf);
        var match = PageSize().Match(info["Page size"]);
        if (!match.Success)
            throw new InvalidOperationException($"pdfinfo reported an unreadable page size: {info["Page size"]}");
        return (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>The fonts embedded in the PDF as pdffonts names them, subset tags removed: «Tinos-Regular», «Tinos-Bold».</summary>
    public static async Task<IReadOnlyList<PdfFont>> FontsAsync(byte[] pdf)
    {
        var output = await RunOnFileAsync(pdf, "pdffonts", "{0}");
        // Two header lines, then one font a line: name, type (may hold spaces), encoding, emb, sub, uni, object, generation.
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Skip(2)
            .Select(line => FontLine().Match(line))
            .Where(match => match.Success)
            .Select(match => new PdfFont(SubsetTag().Replace(match.Groups["name"].Value, ""), match.Groups["emb"].Value == "yes"))
            .ToList();
    }

    /// <summary>
    /// Every word of the PDF with its page and box (pdftotext -bbox), in reading order: a word broken across two lines
    /// comes back as two words on different lines.
    /// </summary>
    public static async Task<IReadOnlyList<PdfWord>> WordsAsync(byte[] pdf)
    {
        var xhtml = await RunOnFileAsync(pdf, "pdftotext", "-bbox", "-enc", "UTF-8", "{0}", "-");
        var words = new List<PdfWord>();
        var page = 0;
        foreach (Match match in BboxElement().Matches(xhtml))
        {
            if (match.Groups["page"].Success)
            {
                page++;
                continue;
            }
            words.Add(new PdfWord(
                page,
                double.Parse(match.Groups["x0"].Value, CultureInfo.InvariantCulture),
                double.Parse(match.Groups["y0"].Value, CultureInfo.InvariantCulture),
                double.Parse(match.Groups["x1"].Value, CultureInfo.InvariantCulture),
                double.Parse(match.Groups["y1"].Value, CultureInfo.InvariantCulture),
                System.Net.WebUtility.HtmlDecode(match.Groups["text"].Value)));
        }
        return words;
    }

    private static async Task<string> RunOnFileAsync(byte[] pdf, string tool, params string[] arguments)
    {
        var path = Path.Combine(Path.GetTempPath(), $"attestation-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var start = new ProcessStartInfo(tool)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
            };
            foreach (var argument in arguments)
                start.ArgumentList.Add(string.Format(CultureInfo.InvariantCulture, argument, path));

            using var process = Process.Start(start)
                ?? throw new InvalidOperationException($"{tool} did not start (install poppler-utils).");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await errors}");
            return await output;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [GeneratedRegex(@"^(?<name>\S+)\s+.+?\s+(?<emb>yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$")]
    private static partial Regex FontLine();

    [GeneratedRegex(@"^[A-Z]{6}\+")]
    private static partial Regex SubsetTag();

    [GeneratedRegex("""<page\b(?<page>)[^>]*>|<word xMin="(?<x0>[\d.]+)" yMin="(?<y0>[\d.]+)" xMax="(?<x1>[\d.]+)" yMax="(?<y1>[\d.]+)">(?<text>[^<]*)</word>""")]
    private static partial Regex BboxElement();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"([\d.]+) x ([\d.]+) pts")]
    private static partial Regex PageSize();
}

/// <summary>A font of a PDF: its name without the subset tag, and whether it is embedded.</summary>
public sealed record PdfFont(string Name, bool Embedded);

/// <summary>A word of a PDF page and its box in points, the origin at the top left.</summary>
public sealed record PdfWord(int Page, double XMin, double YMin, double XMax, double YMax, string Text);
