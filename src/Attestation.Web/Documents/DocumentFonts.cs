using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Attestation.Web.Documents;

/// <summary>
/// The serif every printed document is set in: Tinos (metric-compatible with Times New Roman, SIL OFL 1.1) from the
/// npm package <c>@fontsource/tinos</c>, embedded in this assembly at build time (Attestation.Web.csproj). So a PDF looks
/// the same on any server, whatever fonts it has or lacks: Chromium never falls back to a system font with other widths
/// (which broke dates and words in the tables).
/// The page asks for the files at <see cref="Origin"/>, which no network has: the renderer answers those requests from
/// memory (<see cref="TryGetFile"/>), and Chromium keeps them in its cache from one document to the next, where inline
/// <c>data:</c> URLs of every face cost ~0.2 s of parsing per document. Only the regular Latin and Cyrillic files are
/// inline, for the page-number footer, which Chromium renders apart from the page and which cannot load anything.
/// </summary>
public static class DocumentFonts
{
    /// <summary>A family name no system font has, so an installed font of the same name can never stand in.</summary>
    public const string Family = "Attestation Tinos";

    /// <summary>The <c>font-family</c> value: our font only; the generic fallback is never reached for Russian text.</summary>
    public const string FontFamily = $"\"{Family}\", serif";

    /// <summary>Where the page asks for the font files; <c>.invalid</c> never resolves (RFC 6761).</summary>
    public const string Origin = "https://documents.invalid";

    private const string Path = "/fonts/";

    private const string ResourcePrefix = "DocumentFonts.";

    /// <summary>The subsets of <c>@fontsource/tinos</c> a document may need and their <c>unicode-range</c>s (its unicode.json).</summary>
    private static readonly (string Subset, string Range)[] Subsets =
    [
        ("latin", "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD"),
        ("latin-ext", "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF"),
        ("cyrillic", "U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116"),
        ("cyrillic-ext", "U+0460-052F,U+1C80-1C8A,U+20B4,U+2DE0-2DFF,U+A640-A69F,U+FE2E-FE2F"),
    ];

    private static readonly ConcurrentDictionary<string, byte[]> Files = new(StringComparer.Ordinal);

    private static readonly Lazy<string> AllFaces = new(() => Faces(
        from weight in new[] { 400, 700 }
        from style in new[] { "normal", "italic" }
        from subset in Subsets
        select (subset.Subset, subset.Range, weight, style),
        static file => FooterFiles.Contains(file) ? DataUrl(file) : Origin + Path + file));

    /// <summary>
    /// «стр. 2 из 5»: Latin digits and Cyrillic letters in the regular face are all the footer prints. The page carries
    /// the same two files as the same <c>data:</c> URLs: Chromium then has them decoded when it paints the footer, which
    /// it does without waiting for a font to load (a face of its own would be printed in a fallback font).
    /// </summary>
    private static readonly string[] FooterFiles = ["tinos-latin-400-normal.woff2", "tinos-cyrillic-400-normal.woff2"];

    private static readonly Lazy<string> FooterFaces = new(() => Faces(
        from subset in Subsets
        where FooterFiles.Contains($"tinos-{subset.Subset}-400-normal.woff2")
        select (subset.Subset, subset.Range, 400, "normal"),
        DataUrl));

    private static readonly ConcurrentDictionary<string, string> DataUrls = new(StringComparer.Ordinal);

    /// <summary>The <c>@font-face</c> rules of every weight and style the templates use.</summary>
    public static string FaceCss => AllFaces.Value;

    /// <summary>The regular face alone, for the page-number footer (it has its own, separate stylesheet).</summary>
    public static string FooterFaceCss => FooterFaces.Value;

    /// <summary>The bytes of a font file the page asked for at <see cref="Origin"/>; false for any other address.</summary>
    public static bool TryGetFile(string url, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (!url.StartsWith(Origin + Path, StringComparison.Ordinal))
            return false;
        var file = url[(Origin.Length + Path.Length)..];
        if (!file.StartsWith("tinos-", StringComparison.Ordinal) || !file.EndsWith(".woff2", StringComparison.Ordinal)
            || file.Contains('/', StringComparison.Ordinal))
            return false;
        try
        {
            bytes = File(file);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Faces(IEnumerable<(string Subset, string Range, int Weight, string Style)> faces, Func<string, string> url)
    {
        var css = new StringBuilder();
        foreach (var (subset, range, weight, style) in faces)
        {
            css.Append("@font-face{font-family:\"").Append(Family).Append("\";font-style:").Append(style)
                .Append(";font-weight:").Append(weight)
                .Append(";src:url(").Append(url($"tinos-{subset}-{weight}-{style}.woff2")).Append(") format(\"woff2\")")
                .Append(";unicode-range:").Append(range).Append(";}\n");
        }
        return css.ToString();
    }

    private static string DataUrl(string file) =>
        DataUrls.GetOrAdd(file, static name => "data:font/woff2;base64," + Convert.ToBase64String(File(name)));

    private static byte[] File(string file) => Files.GetOrAdd(file, static name =>
    {
        using var stream = typeof(DocumentFonts).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException(
                $"The document font {name} is not embedded in the portal. Build it after scripts/lib/common.sh's ensure_frontend has copied @fontsource/tinos into wwwroot/lib/fonts.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    });
}
