using System.Net;
using ClosedXML.Excel;

namespace Attestation.Web.Tests.Support;

/// <summary>Files downloaded as a user would, and read back: PDFs with pdftotext, workbooks with ClosedXML.</summary>
public static class Downloads
{
    public const string ExcelType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<byte[]> DownloadAsync(this HttpClient client, string url, string contentType)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>
    /// The text of a PDF in the order Chromium wrote it (<c>pdftotext -raw</c>), which is the order of the HTML: a table
    /// reads cell by cell and row by row, whatever the lines a cell wraps into. White space made single spaces.
    /// </summary>
    public static async Task<string> RawTextAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"attestation-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("pdftotext")
            {
                RedirectStandardOutput = true,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
            };
            foreach (var argument in new[] { "-raw", "-enc", "UTF-8", path, "-" })
                start.ArgumentList.Add(argument);
            using var process = System.Diagnostics.Process.Start(start)
                ?? throw new InvalidOperationException("pdftotext did not start (install poppler-utils).");
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ").Trim();
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static XLWorkbook OpenWorkbook(byte[] content) => new(new MemoryStream(content));

    /// <summary>
    /// The text of a row's cells from column 1 to <paramref name="columns"/>; dates as dd.MM.yyyy (they are stored as
    /// dates with that display format, which ClosedXML 0.95 does not apply when reading back).
    /// </summary>
    public static IReadOnlyList<string> RowText(this IXLWorksheet sheet, int row, int columns) =>
        Enumerable.Range(1, columns)
            .Select(column => sheet.Cell(row, column))
            .Select(cell => cell.DataType == XLDataType.DateTime
                ? cell.GetDateTime().ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)
                : cell.GetFormattedString())
            .ToList();

    /// <summary>
    /// The column headers of a PDF table, in order. A header that wraps inside its cell comes out of pdftotext
    /// interleaved with its neighbours' lines, so each header is looked for as its words in order, after the previous.
    /// </summary>
    public static void AssertHeaders(string text, IReadOnlyList<string> headers)
    {
        // A word that wraps at a slash («(очно/ дистанционно)») is one word again without the white space.
        var squeezed = Squeeze(text);
        var start = 0;
        foreach (var header in headers)
        {
            var words = header.Split(' ');
            var first = squeezed.IndexOf(words[0], start, StringComparison.Ordinal);
            Assert.True(first >= 0, $"The header «{header}» is not in the text after position {start}.");
            var position = first;
            foreach (var word in words)
            {
                position = squeezed.IndexOf(word, position, StringComparison.Ordinal);
                Assert.True(position >= 0, $"The header «{header}»: «{word}» is missing.");
                position += word.Length;
            }
            start = first + 1;
        }
    }

    /// <summary>Each part after the one before, white space ignored (cells wrap where the PDF's layout wants).</summary>
    public static void AssertInOrder(string text, params string[] parts)
    {
        var squeezed = Squeeze(text);
        var position = 0;
        foreach (var part in parts)
        {
            var found = squeezed.IndexOf(Squeeze(part), position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"«{part}» is not in the text after what came before it.");
            position = found + Squeeze(part).Length;
        }
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Where the tests leave the files they downloaded, for a person to look at.</summary>
    public static async Task SaveArtifactAsync(string name, byte[] content)
    {
        var directory = Path.Combine(
            Environment.GetEnvironmentVariable("ARTIFACTS_DIR") ?? Path.Combine(Path.GetTempPath(), "attestation-artifacts"),
            "documents");
        Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(Path.Combine(directory, name), content);
    }
}

/// <summary>Requests a browser would never send, made with a real page's antiforgery token.</summary>
public static class Forgery
{
    /// <summary>
    /// Posts the first post form of <paramref name="page"/> (its token and fields, with <paramref name="values"/> over
    /// them) to <paramref name="target"/> instead of where the form points.
    /// </summary>
    public static Task<HttpResponseMessage> ForgePostAsync(this HttpClient client, AngleSharp.Html.Dom.IHtmlDocument page,
        string target, IReadOnlyDictionary<string, string> values, string formSelector = "main form[method=post]")
    {
        var form = page.QuerySelector(formSelector) as AngleSharp.Html.Dom.IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on the page.");
        var fields = new Dictionary<string, string>();
        foreach (var input in form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>())
        {
            if (!string.IsNullOrEmpty(input.Name) && input.Type == "hidden")
                fields.TryAdd(input.Name, input.Value);
        }
        foreach (var (name, value) in values)
            fields[name] = value;
        return client.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    /// <summary>A multipart post (a form with a file), as a browser sends it.</summary>
    public static Task<HttpResponseMessage> PostMultipartAsync(this HttpClient client, string target,
        IReadOnlyDictionary<string, string> fields, string fileField, string fileName, byte[] content)
    {
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
            multipart.Add(new StringContent(value), name);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        multipart.Add(file, fileField, fileName);
        return client.PostAsync(target, multipart);
    }
}
