using System.Text.RegularExpressions;
using Attestation.Domain.Names;

namespace Attestation.Domain;

/// <summary>Фамилия, имя, отчество as the documents print them.</summary>
public sealed partial record PersonName
{
    public const int PartMaxLength = 60;

    public PersonName(string lastName, string firstName, string? middleName)
    {
        LastName = Text.Required(lastName, "Фамилия", PartMaxLength);
        FirstName = Text.Required(firstName, "Имя", PartMaxLength);
        MiddleName = Text.Optional(middleName, "Отчество", PartMaxLength);
    }

    public string LastName { get; }

    public string FirstName { get; }

    /// <summary>Not everybody has a patronymic.</summary>
    public string? MiddleName { get; }

    /// <summary>«Иванова Ольга Петровна».</summary>
    public string FullName => Join(LastName, FirstName, MiddleName);

    /// <summary>«Иванова О. П.», as signatures and schedules abbreviate it.</summary>
    public string ShortName => MiddleName is null
        ? $"{LastName} {FirstName[0]}."
        : $"{LastName} {FirstName[0]}. {MiddleName[0]}.";

    /// <summary>From the patronymic, or from the first name when there is none.</summary>
    public GrammaticalGender Gender => RussianDeclension.GenderOf(FirstName, MiddleName);

    /// <summary>«Ивановой Ольги Петровны», by the rules of <see cref="RussianDeclension"/>.</summary>
    public string FullNameGenitive => RussianDeclension.Genitive(this);

    /// <summary>«от Ивановой Ольги Петровны» as the documents print it: the person's own correction when it was written for this name.</summary>
    public string FullNameGenitiveWith(GenitiveCorrection? correction) =>
        correction is not null && correction.AppliesTo(this) ? correction.FullNameGenitive : FullNameGenitive;

    /// <summary>The registration check starts with the spelling: names are written in Russian letters.</summary>
    public bool IsInRussianLetters =>
        IsRussianWord(LastName) && IsRussianWord(FirstName) && (MiddleName is null || IsRussianWord(MiddleName));

    public static bool IsRussianWord(string value) => RussianWord().IsMatch(value);

    public override string ToString() => FullName;

    /// <summary>The full name from columns already checked when they were stored (a query's projection).</summary>
    public static string Join(string lastName, string firstName, string? middleName) =>
        middleName is null ? $"{lastName} {firstName}" : $"{lastName} {firstName} {middleName}";

    // Double-barrelled names and patronymics such as «Али оглы» use a hyphen or a space.
    [GeneratedRegex(@"^[А-Яа-яЁё]+(?:[ \-'][А-Яа-яЁё]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RussianWord();
}
