using System.Globalization;

namespace Attestation.Web.Documents;

/// <summary>How the printed documents write dates, counts and empty fields.</summary>
public static class DocumentText
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
}
