using System.Text.RegularExpressions;
using Attestation.Testing;

namespace Attestation.Web.Tests.Conventions;

/// <summary>
/// The words a view writes for people are Russian, the ones a screen reader speaks included: an attribute that names an
/// element (<c>aria-label</c>, <c>title</c>, <c>placeholder</c>, <c>alt</c>) written in the view holds no English word.
/// Bootstrap's examples label a breadcrumb «breadcrumb», and a blind user heard it in English.
/// </summary>
public sealed partial class RussianTextTests
{
    private static readonly string WebSources = Path.Combine(Repository.Root, "src", "Attestation.Web");

    /// <summary>Latin words a Russian text may hold: formats, the QR code and an address's scheme.</summary>
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "PDF", "Excel", "QR", "https", "http",
    };

    [Fact]
    public void No_view_names_an_element_in_english()
    {
        var views = Directory.EnumerateFiles(WebSources, "*.cshtml", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(views.Count > 80, $"Only {views.Count} views under {WebSources}.");

        var english = (
            from file in views
            from line in File.ReadLines(file).Select((text, index) => (text, number: index + 1))
            from Match attribute in NamingAttribute().Matches(line.text)
            let value = attribute.Groups["value"].Value
            where !value.Contains('@', StringComparison.Ordinal)
            from Match word in LatinWord().Matches(value)
            where !Allowed.Contains(word.Value)
            select $"{Path.GetRelativePath(WebSources, file)}:{line.number}: {attribute.Value}").ToList();

        Assert.True(english.Count == 0, "English in the views:\n" + string.Join('\n', english));
    }

    [GeneratedRegex("""\b(?:aria-label|title|placeholder|alt)="(?<value>[^"]*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex NamingAttribute();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex LatinWord();
}
