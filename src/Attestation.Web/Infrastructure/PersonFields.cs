using System.Text.RegularExpressions;

namespace Attestation.Web.Infrastructure;

/// <summary>Shared checks and normalisation of the fields people type about themselves.</summary>
public static partial class PersonFields
{
    /// <summary>Russian letters, with a hyphen or space inside double names («Салтыков-Щедрин»).</summary>
    public const string RussianPattern = @"^\s*[А-Яа-яЁё]+([ -][А-Яа-яЁё]+)*\s*$";
    public const string RussianMessage = "Используйте русские буквы (допускаются дефис и пробел).";

    public const int EmailMaxLength = 120;

    public const int PhoneMaxLength = 40;

    public const string PhonePattern = @"^\s*\+?[0-9][0-9 ()\-]{8,20}\s*$";
    public const string PhoneMessage = "Укажите телефон цифрами, например +7 913 123-45-67.";

    public const string LoginPattern = @"^[A-Za-z0-9._\-]{3,40}$";
    public const string LoginMessage = "Логин: от 3 до 40 латинских букв, цифр, точек, дефисов или подчёркиваний.";

    /// <summary>«иванова-петрова» → «Иванова-Петрова».</summary>
    public static string Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return "";
        var trimmed = Spaces().Replace(value.Trim(), " ");
        return WordStart().Replace(trimmed.ToLower(WebSetup.Russian), m => m.Value.ToUpper(WebSetup.Russian));
    }

    public static string NormalizePhone(string value) => Spaces().Replace(value.Trim(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(^|[ -])[а-яё]")]
    private static partial Regex WordStart();
}
