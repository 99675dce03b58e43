using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;

namespace Attestation.Web.Documents;

/// <summary>How the printed documents write dates, counts and empty fields.</summary>
public static partial class DocumentText
{
    /// <summary>A line to fill in by hand where the application has no value yet.</summary>
    public const string Blank = "____________________";

    /// <summary>dd.MM.yyyy, as every regional document writes dates.</summary>
    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } value ? Date(value) : Blank;

    /// <summary>«1 год», «3 года», «15 лет».</summary>
    public static string Years(int count) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + Plural(count, "год", "года", "лет");

    public static string Plural(int count, string one, string few, string many)
    {
        var n = Math.Abs(count) % 100;
        if (n is >= 11 and <= 14)
            return many;
        return (n % 10) switch
        {
            1 => one,
            2 or 3 or 4 => few,
            _ => many,
        };
    }

    /// <summary>«Учитель» → «учитель» inside a sentence; an abbreviation such as «ПДО» stays as it is.</summary>
    public static string LowerFirst(string value) =>
        value.Length > 1 && char.IsUpper(value[0]) && !char.IsUpper(value[1])
            ? char.ToLower(value[0], CultureInfo.GetCultureInfo("ru-RU")) + value[1..]
            : value;

    /// <summary>
    /// «<span class="nb">высшую</span> квалификационную категорию», «квалификационную категорию
    /// <span class="nb">«педагог-методист»</span>»: the category word never breaks (not even at its hyphen).
    /// </summary>
    public static MarkupString CategoryMarkup(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var noun = CategoryNoun().Match(phrase);
        if (!noun.Success)
            return new MarkupString(NoBreak(phrase));
        var before = phrase[..noun.Index].Trim();
        var after = phrase[(noun.Index + noun.Length)..].Trim();
        return new MarkupString(string.Join(" ",
            new[] { before.Length > 0 ? NoBreak(before) : null, Escape(noun.Value), after.Length > 0 ? NoBreak(after) : null }
                .OfType<string>()));
    }

    /// <summary>
    /// Running text (a status, a reason) with its values kept whole: «№ 12/2026», dates and quoted names such as
    /// «педагог-наставник» never break; the words between them wrap as usual.
    /// </summary>
    public static MarkupString ValuesWhole(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var html = new System.Text.StringBuilder();
        var at = 0;
        foreach (Match value in WholeValue().Matches(text))
        {
            html.Append(Escape(text[at..value.Index])).Append(NoBreak(value.Value));
            at = value.Index + value.Length;
        }
        return new MarkupString(html.Append(Escape(text[at..])).ToString());
    }

    /// <summary>A value that must stay on one line: a date, «№ 12/2026», «дистанционно».</summary>
    public static string NoBreak(string value) => $"<span class=\"nb\">{Escape(value)}</span>";

    /// <summary>Only what HTML needs escaped: the Russian letters and quotes stay readable in the page source.</summary>
    private static string Escape(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal);

    [GeneratedRegex(@"\(?№ [^\s)]+\)?|\d{2}\.\d{2}\.\d{4}\)?|«[^»]+»")]
    private static partial Regex WholeValue();

    [GeneratedRegex("квалификационн[а-я]+ категори[а-я]+")]
    private static partial Regex CategoryNoun();
}
