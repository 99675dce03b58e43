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

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"([\d.]+) x ([\d.]+) pts")]
    private static partial Regex PageSize();
}
