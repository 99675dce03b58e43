using System.Buffers;
using System.Globalization;
using System.Text;

namespace Attestation.Web.Storage;

/// <summary>
/// The name a downloaded file is saved under: the Russian name as the portal writes it, tidied («Белоусова З. Н..pdf»
/// becomes «Белоусова З. Н.pdf»), and an ASCII fallback transliterated from it for the clients that ignore
/// <c>filename*</c> («Zayavlenie na attestatsiyu - Belousova Z. N.pdf» rather than a row of underscores).
/// </summary>
public static class DownloadName
{
    private const int MaxLength = 150;

    /// <summary>Characters no file system or browser accepts in a name, and control characters.</summary>
    private static readonly SearchValues<char> Forbidden = SearchValues.Create("/\\:*?\"<>|");

    /// <summary>The readable transliteration of Russian letters (close to the BGN/PCGN system, without diacritics).</summary>
    private static readonly Dictionary<char, string> Latin = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e", ['ж'] = "zh",
        ['з'] = "z", ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o",
        ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts",
        ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu",
        ['я'] = "ya", ['«'] = "", ['»'] = "", ['—'] = "-", ['–'] = "-", ['№'] = "N",
    };

    /// <summary>
    /// The name cleaned for saving: forbidden characters replaced, spaces collapsed, no dot doubled before the
    /// extension, at most 150 characters with the extension kept.
    /// </summary>
    public static string Clean(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var text = new StringBuilder(name.Length);
        foreach (var c in name.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                if (text.Length > 0 && text[^1] != ' ')
                    text.Append(' ');
            }
            else if (char.IsControl(c) || Forbidden.Contains(c))
                text.Append('_');
            else
                text.Append(c);
        }

        var cleaned = text.ToString();
        var extension = Path.GetExtension(cleaned);
        var stem = cleaned[..^extension.Length].TrimEnd(' ', '.');
        if (stem.Length == 0)
            stem = "document";
        if (stem.Length + extension.Length > MaxLength)
            stem = stem[..Math.Max(1, MaxLength - extension.Length)].TrimEnd(' ', '.');
        return stem + extension;
    }

    /// <summary>The cleaned name in printable ASCII: Russian letters transliterated, anything else left out or «_».</summary>
    public static string AsciiFallback(string name)
    {
        var cleaned = Clean(name);
        var text = new StringBuilder(cleaned.Length + 16);
        foreach (var c in cleaned)
        {
            if (c is >= ' ' and <= '~' && c != '"' && c != '%')
            {
                text.Append(c);
                continue;
            }
            var lower = char.ToLower(c, CultureInfo.InvariantCulture);
            if (Latin.TryGetValue(lower, out var latin))
            {
                if (lower != c && latin.Length > 0)
                    latin = char.ToUpperInvariant(latin[0]) + latin[1..];
                text.Append(latin);
            }
            else
                text.Append('_');
        }
        return Clean(text.ToString());
    }

    /// <summary>
    /// The Content-Disposition value of an attachment: the ASCII fallback in <c>filename</c>, the real name in
    /// <c>filename*</c> (RFC 6266, RFC 5987).
    /// </summary>
    public static string ContentDisposition(string name)
    {
        var cleaned = Clean(name);
        return $"attachment; filename=\"{AsciiFallback(cleaned)}\"; filename*=UTF-8''{Uri.EscapeDataString(cleaned)}";
    }
}
