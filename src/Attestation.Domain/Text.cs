using System.Globalization;

namespace Attestation.Domain;

/// <summary>Normalising and checking user-entered text, with Russian messages.</summary>
internal static class Text
{
    public static string Required(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException($"Не заполнено поле «{field}».");
        }

        return CheckLength(trimmed, field, maxLength);
    }

    public static string? Optional(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : CheckLength(trimmed, field, maxLength);
    }

    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>«1 день», «2 дня», «5 дней».</summary>
    public static string Days(int count) => $"{count} {Plural(count, "день", "дня", "дней")}";

    public static string Plural(int count, string one, string few, string many)
    {
        var n = Math.Abs(count) % 100;
        if (n is >= 11 and <= 14)
        {
            return many;
        }

        return (n % 10) switch
        {
            1 => one,
            2 or 3 or 4 => few,
            _ => many,
        };
    }

    private static string CheckLength(string value, string field, int maxLength) =>
        value.Length <= maxLength
            ? value
            : throw new DomainException($"Поле «{field}» не должно быть длиннее {maxLength} символов.");
}
