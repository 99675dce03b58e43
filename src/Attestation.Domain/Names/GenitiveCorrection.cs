using System.Text.RegularExpressions;

namespace Attestation.Domain.Names;

/// <summary>
/// A person's own spelling of his full name in the genitive, where <see cref="RussianDeclension"/> gets it wrong. It is
/// kept with the full name it was written for and applies to that name only: once the name changes (a marriage, a typo
/// fixed), the old correction would print a wrong name, so the rules take over again until a new one is written.
/// </summary>
public sealed partial record GenitiveCorrection
{
    /// <summary>Three parts of <see cref="PersonName.PartMaxLength"/> and their endings.</summary>
    public const int MaxLength = 200;

    /// <summary>Russian words joined by hyphens or by spaces (runs of spaces are made one), for the form's own check.</summary>
    public const string InputPattern = @"^\s*[А-Яа-яЁё]+(?:(?:\s+|-)[А-Яа-яЁё]+)*\s*$";

    public const string InvalidMessage = "Используйте русские буквы (допускаются дефис и пробел).";

    public GenitiveCorrection(string forFullName, string fullNameGenitive)
    {
        ForFullName = Text.Required(forFullName, "ФИО", MaxLength);
        var genitive = Spaces().Replace(Text.Required(fullNameGenitive, "ФИО в родительном падеже", MaxLength), " ");
        if (!RussianWords().IsMatch(genitive))
            throw new DomainException(InvalidMessage);
        FullNameGenitive = genitive;
    }

    /// <summary>«Шевчук Анна Петровна»: the name as it was when the correction was written.</summary>
    public string ForFullName { get; }

    /// <summary>«Шевчук Анны Петровны».</summary>
    public string FullNameGenitive { get; }

    public bool AppliesTo(PersonName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Equals(ForFullName, name.FullName, StringComparison.Ordinal);
    }

    /// <summary>The stored pair, or null when either half is missing.</summary>
    public static GenitiveCorrection? From(string? forFullName, string? fullNameGenitive) =>
        string.IsNullOrWhiteSpace(forFullName) || string.IsNullOrWhiteSpace(fullNameGenitive)
            ? null
            : new GenitiveCorrection(forFullName, fullNameGenitive);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^[А-Яа-яЁё]+(?:[ \-][А-Яа-яЁё]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RussianWords();
}
