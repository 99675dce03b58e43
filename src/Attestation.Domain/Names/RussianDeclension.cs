using System.Text;

namespace Attestation.Domain.Names;

/// <summary>
/// The genitive of Russian personal names, for «от Ивановой Марии Петровны» and «педагогического работника …»: each part
/// by its ending and the bearer's gender, as the reference grammars decline them (Д. Э. Розенталь, «Справочник по
/// правописанию и литературной правке», склонение фамилий и имён). Writing does not show stress or origin, so a few
/// names come out wrong (a French «Дюма», a woman's «Калина» taken for «Калинина»'s kind): the person corrects the
/// result, see <see cref="GenitiveCorrection"/>.
/// </summary>
public static class RussianDeclension
{
    /// <summary>After these letters the genitive ending «-ы» is spelt «-и»: «Ольги», «Глинки», «Наташи».</summary>
    private const string VelarsAndSibilants = "гкхжшчщ";

    private const string Vowels = "аеёиоуыэюя";

    /// <summary>Men's names that end in «-а» / «-я», which otherwise mark a woman's name.</summary>
    private static readonly HashSet<string> MenNamesInA = new(StringComparer.Ordinal)
    {
        "никита", "илья", "кузьма", "фома", "лука", "савва", "данила", "гаврила", "фока", "иона", "никола", "сила",
        "добрыня", "илия", "захария", "иеремия", "муса", "иса", "мустафа", "хамза",
    };

    /// <summary>Women's names that end in a consonant or «-ь», which otherwise mark a man's name.</summary>
    private static readonly HashSet<string> WomenNamesInConsonant = new(StringComparer.Ordinal)
    {
        "любовь", "нинель", "адель", "ассоль", "рахиль", "эсфирь", "юдифь", "руфь", "суламифь", "асель", "гузель",
        "жизель", "ирэн", "кармен", "элен", "мириам", "айгерим",
    };

    /// <summary>Words inside a surname that never decline: «фон Визин», «де Ла Гарди».</summary>
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "фон", "де", "ван", "дер", "да", "ди", "дю", "ла", "ле", "дель", "эль", "аль", "ибн", "бен",
    };

    /// <summary>
    /// The last word of a Turkic patronymic: «Гейдар оглы» (son of Гейдар), «Али кызы» (daughter of Али). Neither it nor
    /// the father's name before it declines.
    /// </summary>
    private static readonly HashSet<string> SonOf = new(StringComparer.Ordinal) { "оглы", "улы", "уулу" };

    private static readonly HashSet<string> DaughterOf = new(StringComparer.Ordinal) { "кызы", "гызы", "кизи" };

    /// <summary>Endings that make the first half of a double surname a surname of its own («Римский-Корсаков»).</summary>
    private static readonly string[] SurnameEndings =
    [
        "ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ёва", "ина", "ына", "ский", "цкий", "ской", "цкой", "ская", "цкая",
        "ый", "ой", "ий", "ая", "яя", "ич",
    ];

    /// <summary>Russian patronymics carry the gender: «-вна», «-чна», «кызы» / «-вич», «-ич», «оглы».</summary>
    public static GrammaticalGender GenderOf(string? middleName)
    {
        var patronymic = middleName?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(patronymic))
            return GrammaticalGender.Unknown;
        var lastWord = LastWord(patronymic);
        if (DaughterOf.Contains(lastWord) || patronymic.EndsWith("на", StringComparison.Ordinal))
            return GrammaticalGender.Female;
        if (SonOf.Contains(lastWord) || patronymic.EndsWith("ич", StringComparison.Ordinal))
            return GrammaticalGender.Male;
        return GrammaticalGender.Unknown;
    }

    /// <summary>The patronymic if it tells, else the first name: a name without a patronymic is still declined.</summary>
    public static GrammaticalGender GenderOf(string firstName, string? middleName)
    {
        var byPatronymic = GenderOf(middleName);
        return byPatronymic != GrammaticalGender.Unknown ? byPatronymic : GenderOfFirstName(firstName);
    }

    /// <summary>«Анна» a woman, «Иван» and «Никита» men, «Любовь» a woman; «Мики» cannot be told.</summary>
    public static GrammaticalGender GenderOfFirstName(string? firstName)
    {
        var name = FirstWord(firstName?.Trim().ToLowerInvariant() ?? "");
        if (name.Length < 2)
            return GrammaticalGender.Unknown;
        if (MenNamesInA.Contains(name))
            return GrammaticalGender.Male;
        if (WomenNamesInConsonant.Contains(name) || name.EndsWith("гуль", StringComparison.Ordinal))
            return GrammaticalGender.Female;
        return name[^1] switch
        {
            'а' or 'я' => GrammaticalGender.Female,
            'й' or 'ь' => GrammaticalGender.Male,
            var last when !IsVowel(last) => GrammaticalGender.Male,
            _ => GrammaticalGender.Unknown,
        };
    }

    /// <summary>«Иванова Мария Петровна» → «Ивановой Марии Петровны».</summary>
    public static string Genitive(PersonName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var gender = GenderOf(name.FirstName, name.MiddleName);
        var lastName = LastNameGenitive(name.LastName, gender);
        var firstName = FirstNameGenitive(name.FirstName, gender);
        return name.MiddleName is { } middleName
            ? $"{lastName} {firstName} {MiddleNameGenitive(middleName)}"
            : $"{lastName} {firstName}";
    }

    /// <summary>
    /// «Иванова» → «Ивановой», «Шевчук» → «Шевчука» for a man and «Шевчук» for a woman, «Шевченко» and «Черных» as they
    /// are; each half of «Римский-Корсаков» that is a surname by itself, but not «Бонч» of «Бонч-Бруевич».
    /// </summary>
    public static string LastNameGenitive(string lastName, GrammaticalGender gender)
    {
        ArgumentNullException.ThrowIfNull(lastName);
        return MapWords(lastName.Trim(), (word, index, count) =>
        {
            var lower = word.ToLowerInvariant();
            if (Particles.Contains(lower))
                return word;
            if (index < count - 1 && !SurnameEndings.Any(e => lower.EndsWith(e, StringComparison.Ordinal)))
                return word;
            return SurnameWord(word, lower, gender);
        });
    }

    /// <summary>«Мария» → «Марии», «Илья» → «Ильи», «Игорь» → «Игоря», «Любовь» → «Любови», «Лев» → «Льва».</summary>
    public static string FirstNameGenitive(string firstName, GrammaticalGender gender)
    {
        ArgumentNullException.ThrowIfNull(firstName);
        return MapWords(firstName.Trim(), (word, _, _) =>
            FirstNameWord(word, word.ToLowerInvariant(), gender == GrammaticalGender.Unknown ? GenderOfFirstName(word) : gender));
    }

    /// <summary>«Петрович» → «Петровича», «Ильинична» → «Ильиничны»; «Гейдар оглы» stays.</summary>
    public static string MiddleNameGenitive(string middleName)
    {
        ArgumentNullException.ThrowIfNull(middleName);
        var trimmed = middleName.Trim();
        var lastWord = LastWord(trimmed.ToLowerInvariant());
        if (SonOf.Contains(lastWord) || DaughterOf.Contains(lastWord))
            return trimmed;
        return MapWords(trimmed, (word, _, _) =>
        {
            var lower = word.ToLowerInvariant();
            if (lower.EndsWith("ич", StringComparison.Ordinal))
                return Replace(word, 0, "а");
            if (lower.EndsWith("на", StringComparison.Ordinal))
                return Replace(word, 1, "ы");
            return word;
        });
    }

    private static string SurnameWord(string word, string lower, GrammaticalGender gender)
    {
        if (lower.Length < 2)
            return word;
        // Old genitive plurals («Черных», «Долгих») and everything ending in a vowel other than «-а», «-я»
        // («Шевченко», «Дурново», «Живаго», «Гёте», «Ли», «Шоу», «Камю») never decline.
        if (lower.EndsWith("ых", StringComparison.Ordinal) || lower.EndsWith("их", StringComparison.Ordinal))
            return word;
        var last = lower[^1];
        if (IsVowel(last) && last is not ('а' or 'я'))
            return word;

        var feminine = gender == GrammaticalGender.Female || (gender == GrammaticalGender.Unknown && last is 'а' or 'я');
        if (feminine)
            return FeminineSurname(word, lower);
        if (gender == GrammaticalGender.Male || LooksMasculine(lower))
            return MasculineSurname(word, lower);
        // A surname ending in a consonant declines for a man only: with nobody to tell, it stays as it is.
        return word;
    }

    private static string FeminineSurname(string word, string lower)
    {
        if (lower.EndsWith("ая", StringComparison.Ordinal))
            return Replace(word, 2, lower.Length > 2 && "жшчщ".Contains(lower[^3], StringComparison.Ordinal) ? "ей" : "ой");
        if (lower.EndsWith("яя", StringComparison.Ordinal))
            return Replace(word, 2, "ей");
        if (EndsWithAny(lower, "ова", "ева", "ёва", "ина", "ына"))
            return Replace(word, 1, "ой");
        return lower[^1] is 'а' or 'я' ? NounInA(word, lower) : word;
    }

    private static string MasculineSurname(string word, string lower)
    {
        // «Цой», «Хой»: too short to be an adjective's ending on a stem, they decline as nouns («Цоя»).
        if (lower.Length <= 3 && lower.EndsWith("ой", StringComparison.Ordinal))
            return Replace(word, 1, "я");
        if (EndsWithAny(lower, "ский", "цкий", "ской", "цкой", "ый", "ой"))
            return Replace(word, 2, "ого");
        if (lower.EndsWith("ий", StringComparison.Ordinal))
            return Replace(word, 2, lower.Length > 2 && "гкх".Contains(lower[^3], StringComparison.Ordinal) ? "ого" : "его");
        return lower[^1] switch
        {
            'а' or 'я' => NounInA(word, lower),
            'й' or 'ь' => Replace(word, 1, "я"),
            _ => Replace(word, 0, "а"),
        };
    }

    /// <summary>«Глинка» → «Глинки», «Сковорода» → «Сковороды», «Берия» → «Берии»; «Моруа» after a vowel stays.</summary>
    private static string NounInA(string word, string lower)
    {
        if (lower.Length < 2)
            return word;
        var before = lower[^2];
        if (lower[^1] == 'я')
            return before is 'а' or 'е' or 'о' or 'у' or 'ю' or 'э' ? word : Replace(word, 1, "и");
        if (IsVowel(before))
            return word;
        return Replace(word, 1, VelarsAndSibilants.Contains(before, StringComparison.Ordinal) ? "и" : "ы");
    }

    private static string FirstNameWord(string word, string lower, GrammaticalGender gender)
    {
        if (lower.Length < 2)
            return word;
        if (gender == GrammaticalGender.Male)
        {
            // The vowel that drops out: «Лев» → «Льва», «Павел» → «Павла», «Пётр» → «Петра».
            switch (lower)
            {
                case "лев":
                    return Replace(word, 2, "ьва");
                case "павел":
                    return Replace(word, 2, "ла");
                case "пётр" or "петр":
                    return Replace(word, 3, "етра");
            }
        }

        var last = lower[^1];
        switch (last)
        {
            case 'а':
                return IsVowel(lower[^2]) ? word : Replace(word, 1, VelarsAndSibilants.Contains(lower[^2], StringComparison.Ordinal) ? "и" : "ы");
            case 'я':
                return Replace(word, 1, "и");
            case 'й':
                return gender == GrammaticalGender.Male ? Replace(word, 1, "я") : word;
            case 'ь':
                return gender switch
                {
                    GrammaticalGender.Male => Replace(word, 1, "я"),
                    GrammaticalGender.Female => Replace(word, 1, "и"),
                    _ => word,
                };
            default:
                return !IsVowel(last) && gender == GrammaticalGender.Male ? Replace(word, 0, "а") : word;
        }
    }

    /// <summary>Surnames that are a man's by their form: «Иванов», «Пушкин», «Достоевский», «Толстой».</summary>
    private static bool LooksMasculine(string lower) =>
        EndsWithAny(lower, "ов", "ев", "ёв", "ин", "ын", "ий", "ый", "ой");

    /// <summary>Declines each word of a name, keeping the hyphens and spaces between them.</summary>
    private static string MapWords(string value, Func<string, int, int, string> decline)
    {
        var words = new List<string>();
        var separators = new List<char>();
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] is ' ' or '-')
            {
                words.Add(value[start..i]);
                separators.Add(value[i]);
                start = i + 1;
            }
        }
        words.Add(value[start..]);

        var result = new StringBuilder(value.Length + 8);
        for (var i = 0; i < words.Count; i++)
        {
            if (i > 0)
                result.Append(separators[i - 1]);
            result.Append(words[i].Length == 0 ? words[i] : decline(words[i], i, words.Count));
        }
        return result.ToString();
    }

    /// <summary>Cuts <paramref name="cut"/> letters and appends the ending, in capitals if the word is written in them.</summary>
    private static string Replace(string word, int cut, string ending)
    {
        var allCapitals = word.Length > 1 && word.All(c => !char.IsLetter(c) || char.IsUpper(c));
        return string.Concat(word.AsSpan(0, word.Length - cut), allCapitals ? ending.ToUpperInvariant() : ending);
    }

    private static bool EndsWithAny(string lower, params ReadOnlySpan<string> endings)
    {
        foreach (var ending in endings)
        {
            if (lower.EndsWith(ending, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static bool IsVowel(char letter) => Vowels.Contains(letter, StringComparison.Ordinal);

    private static string FirstWord(string value)
    {
        var end = value.AsSpan().IndexOfAny(' ', '-');
        return end < 0 ? value : value[..end];
    }

    private static string LastWord(string value)
    {
        var start = value.AsSpan().LastIndexOfAny(' ', '-');
        return start < 0 ? value : value[(start + 1)..];
    }
}
