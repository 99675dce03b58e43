using System.Globalization;

namespace Attestation.Web.Areas.Operator.Pages;

/// <summary>
/// A date field of the operator's forms (the commission's, the journals' dates). A browser's date picker posts
/// «2026-02-26»; where there is no picker, people type the date as every regional document writes it, «26.02.2026».
/// Both are accepted.
/// </summary>
public static class DateInput
{
    public const string Invalid = "Дата указана неверно: введите её в виде дд.мм.гггг, например 26.02.2026.";

    private static readonly string[] Formats = ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy"];

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>The value a date input shows: the picker's format for a date that parses, the text as typed otherwise.</summary>
    public static string? Value(string? text) =>
        TryParse(text, out var date) ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : text;
}
