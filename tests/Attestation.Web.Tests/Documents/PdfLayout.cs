using System.Globalization;
using Attestation.Testing;

namespace Attestation.Web.Tests.Documents;

/// <summary>
/// Assertions on where words stand in a PDF (<see cref="PdfReading.WordsAsync"/>): that a date, a number or a phrase is
/// printed whole on one line, never broken across two, and that a heading is wrapped only between its words.
/// </summary>
public static class PdfLayout
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

    /// <summary>Every word of the text appears whole somewhere (a heading may wrap between its words, never inside one).</summary>
    public static void AssertWordsWhole(IReadOnlyList<PdfWord> words, string text)
    {
        ArgumentNullException.ThrowIfNull(words);
        var printed = words.Select(w => Bare(w.Text)).ToHashSet(StringComparer.Ordinal);
        var broken = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(word => !printed.Contains(Bare(word))).ToList();
        Assert.True(broken.Count == 0, $"Broken or missing words of «{text}»: {string.Join(", ", broken.Select(w => $"«{w}»"))}");
    }

    /// <summary>No word of the PDF is cut off at the right edge of the page (a table wider than the page).</summary>
    public static void AssertWithinPage(IReadOnlyList<PdfWord> words, double pageWidth)
    {
        ArgumentNullException.ThrowIfNull(words);
        var outside = words.Where(w => w.XMax > pageWidth - 1 || w.XMin < 1).Take(5).ToList();
        Assert.True(outside.Count == 0, $"Words outside the page: {string.Join(", ", outside.Select(w => w.Text))}");
    }

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
