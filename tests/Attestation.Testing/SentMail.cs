using System.Text;
using System.Text.RegularExpressions;

namespace Attestation.Testing;

/// <summary>An e-mail read back from the pickup folder, with its MIME parts decoded.</summary>
public sealed partial record SentMail(string To, string Subject, string PlainText, string Html)
{
    public static IReadOnlyList<SentMail> ReadAll(string directory) =>
        !Directory.Exists(directory)
            ? []
            : Directory.GetFiles(directory, "*.eml")
                .Select(path => (path, File.GetLastWriteTimeUtc(path)))
                .OrderBy(file => file.Item2)
                .Select(file => Parse(File.ReadAllText(file.path)))
                .ToList();

    public static SentMail Parse(string eml)
    {
        var headerEnd = eml.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = Unfold(eml[..headerEnd]);
        var to = Header(headers, "To");
        var subject = DecodeWords(Header(headers, "Subject"));

        var boundary = BoundaryPattern().Match(headers).Groups[1].Value;
        var parts = eml[(headerEnd + 4)..].Split("--" + boundary);
        string plain = "", html = "";
        foreach (var part in parts)
        {
            var end = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0)
                continue;
            var partHeaders = Unfold(part[..end]);
            var body = part[(end + 4)..].Trim();
            var text = partHeaders.Contains("base64", StringComparison.OrdinalIgnoreCase)
                ? Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Split("\r\n"))))
                : body;
            if (partHeaders.Contains("text/plain", StringComparison.OrdinalIgnoreCase))
                plain = text;
            else if (partHeaders.Contains("text/html", StringComparison.OrdinalIgnoreCase))
                html = text;
        }
        return new SentMail(to, subject, plain, html);
    }

    private static string Unfold(string headers) => Regex.Replace(headers, "\r\n[ \t]+", " ");

    private static string Header(string headers, string name) =>
        Regex.Match(headers, $"^{name}: (.*)$", RegexOptions.Multiline).Groups[1].Value.Trim();

    private static string DecodeWords(string value) =>
        EncodedWordPattern().Replace(value, m => m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[3].Value))
            : m.Groups[3].Value).Replace("  ", " ", StringComparison.Ordinal);

    [GeneratedRegex("boundary=\"?([^\";\\r\\n]+)\"?")]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*")]
    private static partial Regex EncodedWordPattern();
}
