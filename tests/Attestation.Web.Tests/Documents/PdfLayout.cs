using System.Globalization;
using Attestation.Testing;

namespace Attestation.Web.Tests.Documents;

/// <summary>
/// Assertions on where words stand in a PDF (<see cref="PdfReading.WordsAsync"/>): that a date, a number or a phrase is
/// printed whole on one line, never broken across two, and that a heading is wrapped only between its words.
/// </summary>
public static partial class PdfLayout
{
    /// <summary>Words whose tops differ by less than this (points) stand on one line.</summary>
    private const double SameLine = 2.0;

    /// <summary>
    /// The phrase («04.01.2026», «№ 12/2026 от 05.11.2026», «не соответствует») appears at least once with all its
    /// words whole and on one line of one page.
    /// </summary>
    public static void AssertOnOneLine(IReadOnlyList<PdfWord> words, string phrase)
    {
        ArgumentNullException.ThrowIfNull(words);
        var tokens = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + tokens.Length <= words.Count; i++)
        {
            if (Matches(words, i, tokens))
                return;
        }
        Assert.Fail($"«{phrase}» is not printed whole on one line. Nearby: {Nearby(words, tokens[0])}");
    }

    /// <summary>Every word of the text appears whole somewhere (a heading may wrap between its words or after a slash, never inside a word).</summary>
    public static void AssertWordsWhole(IReadOnlyList<PdfWord> words, string text)
    {
        ArgumentNullException.ThrowIfNull(words);
        // A slash is a place to wrap too: «(очно/» «дистанционно)» in a header.
        static IEnumerable<string> Parts(string word) => AfterSlash().Split(word).Where(part => part.Length > 0).Select(Bare);
        var printed = words.SelectMany(w => Parts(w.Text)).ToHashSet(StringComparer.Ordinal);
        var broken = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(word => !Parts(word).All(printed.Contains)).ToList();
        Assert.True(broken.Count == 0, $"Broken or missing words of «{text}»: {string.Join(", ", broken.Select(w => $"«{w}»"))}");
    }

    /// <summary>No word of the PDF is cut off at the right edge of the page (a table wider than the page).</summary>
    public static void AssertWithinPage(IReadOnlyList<PdfWord> words, double pageWidth)
    {
        ArgumentNullException.ThrowIfNull(words);
        var outside = words.Where(w => w.XMax > pageWidth - 1 || w.XMin < 1).Take(5).ToList();
        Assert.True(outside.Count == 0, $"Words outside the page: {string.Join(", ", outside.Select(w => w.Text))}");
    }

    /// <summary>
    /// No text runs out of its cell into the next: words of one line never overlap, and no word is two values glued
    /// together («13.06.2026Заявление», «зарегистрированоНазначены»), which is how text spilling over a cell's edge
    /// reads back.
    /// </summary>
    public static void AssertNothingOverflows(IReadOnlyList<PdfWord> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var glued = words.Where(w => Glued().IsMatch(w.Text)).Select(w => w.Text).Take(5).ToList();
        Assert.True(glued.Count == 0, $"Values run into each other: {string.Join(", ", glued.Select(w => $"«{w}»"))}");

        var overlapping = new List<string>();
        foreach (var line in words.GroupBy(w => (w.Page, Top: Math.Round(w.YMin))))
        {
            var ordered = line.OrderBy(w => w.XMin).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].XMin < ordered[i - 1].XMax - 0.5)
                    overlapping.Add($"«{ordered[i - 1].Text}» / «{ordered[i].Text}»");
            }
        }
        Assert.True(overlapping.Count == 0, $"Words overlap: {string.Join(", ", overlapping.Take(5))}");
    }

    [System.Text.RegularExpressions.GeneratedRegex("(?<=/)")]
    private static partial System.Text.RegularExpressions.Regex AfterSlash();

    /// <summary>A digit, closing bracket or lower-case letter followed straight by a letter or a capital: two values in one word.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\d[А-Яа-яЁё]|[а-яё][А-ЯЁ]|[)»][А-Яа-яЁё]")]
    private static partial System.Text.RegularExpressions.Regex Glued();

    /// <summary>A word without the punctuation that clings to it in running text: «26.02.2027,» is «26.02.2027».</summary>
    private static string Bare(string word) => word.Trim(',', ';', ':', '.', '(', ')', '«', '»', '"', '!', '?');

    private static bool Matches(IReadOnlyList<PdfWord> words, int start, string[] tokens)
    {
        var first = words[start];
        for (var k = 0; k < tokens.Length; k++)
        {
            var word = words[start + k];
            if (!string.Equals(Bare(word.Text), Bare(tokens[k]), StringComparison.Ordinal) || word.Page != first.Page
                || Math.Abs(word.YMin - first.YMin) >= SameLine)
                return false;
        }
        return true;
    }

    private static string Nearby(IReadOnlyList<PdfWord> words, string token)
    {
        var prefix = token.Length > 4 ? token[..4] : token;
        var hits = words.Select((w, i) => (w, i))
            .Where(x => x.w.Text.StartsWith(prefix, StringComparison.Ordinal) || token.StartsWith(x.w.Text, StringComparison.Ordinal))
            .Take(3)
            .Select(x => string.Join(" ", words.Skip(Math.Max(0, x.i - 1)).Take(4)
                .Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.Text}@{w.Page}:{w.YMin:0}"))));
        return string.Join(" | ", hits);
    }
}
