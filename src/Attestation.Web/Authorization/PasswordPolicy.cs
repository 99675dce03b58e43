using System.Collections.Frozen;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Attestation.Web.Authorization;

/// <summary>
/// What a new password must not be, beyond its length (ASVS V6, NIST 800-63B: no composition rules): a common
/// password, a common word with digits or signs around it, a keyboard run or a repetition, or something that contains
/// the person's login, e-mail or name. Every error code starts with «Password», so the forms show it next to the field.
/// </summary>
public sealed class PortalPasswordValidator : IPasswordValidator<AppUser>
{
    public const string CommonMessage =
        "Этот пароль слишком распространён, его легко подобрать. Придумайте другой — например, фразу из нескольких слов.";

    public const string PredictableMessage =
        "Пароль из подряд идущих или повторяющихся символов легко подобрать. Придумайте другой — например, фразу из нескольких слов.";

    public const string LoginMessage = "Пароль не должен содержать логин или адрес электронной почты.";

    public const string NameMessage = "Пароль не должен содержать фамилию, имя или отчество.";

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = Check(password ?? "", user).ToArray();
        return Task.FromResult(errors.Length == 0 ? IdentityResult.Success : IdentityResult.Failed(errors));
    }

    /// <summary>The refusals of <paramref name="password"/> for <paramref name="user"/>, at most one of each kind.</summary>
    public static IEnumerable<IdentityError> Check(string password, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(user);
        var folded = Fold(password);
        if (folded.Length == 0)
            yield break;

        if (CommonPasswords.Contains(folded))
            yield return Error("PasswordCommon", CommonMessage);
        else if (KeyboardPatterns.IsPredictable(folded))
            yield return Error("PasswordPredictable", PredictableMessage);

        var emailName = user.Email?.Split('@')[0];
        if (new[] { user.UserName, emailName }.Any(part => Inside(folded, part, 3)))
            yield return Error("PasswordContainsLogin", LoginMessage);
        if (new[] { user.LastName, user.FirstName, user.MiddleName }.Any(part => Inside(folded, part, 3)))
            yield return Error("PasswordContainsName", NameMessage);
    }

    /// <summary>Case and «ё» do not make a password different.</summary>
    internal static string Fold(string text) => text.Trim().ToLowerInvariant().Replace('ё', 'е');

    private static bool Inside(string folded, string? part, int shortest)
    {
        if (string.IsNullOrWhiteSpace(part))
            return false;
        var word = Fold(part);
        return word.Length >= shortest && folded.Contains(word, StringComparison.Ordinal);
    }

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}

/// <summary>
/// The list of common passwords shipped with the portal (Authorization/common-passwords.txt, 49,263 entries, lower
/// case): the union of the password lists of zxcvbn 4.4.2 (Dropbox, MIT licence; 30,000 from Xato's ten million
/// leaked passwords) and @zxcvbn-ts/language-common 4.1.3 (MIT licence), both from npm. Read once into a frozen set.
/// A password typed on the Russian layout (йцукен, пароль) is looked up as the same keys on the Latin one (qwerty,
/// gfhjkm), which is how these lists hold Russian users' passwords.
/// </summary>
public static class CommonPasswords
{
    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    public static int Count => List.Value.Count;

    /// <summary>
    /// The password (case-folded), its letters without the digits and signs around them («password1234», «!!dragon77»)
    /// or either typed on the other keyboard layout is in the list.
    /// </summary>
    public static bool Contains(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        var core = folded.Trim(NotLetters(folded));
        string[] candidates = core.Length >= 4 && core.Length < folded.Length ? [folded, core] : [folded];
        return candidates.Any(candidate =>
            List.Value.Contains(candidate) || List.Value.Contains(KeyboardPatterns.ToLatinLayout(candidate)));
    }

    private static char[] NotLetters(string text) => text.Where(c => !char.IsLetter(c)).Distinct().ToArray();

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("CommonPasswords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var entries = new List<string>(50_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
                entries.Add(line);
        }
        return entries.ToFrozenSet(StringComparer.Ordinal);
    }
}

/// <summary>Keyboard runs, alphabet runs and repetitions: «123456789012», «йцукенгшщзхъ», «abcabcabcabc».</summary>
public static class KeyboardPatterns
{
    private const string Russian = "йцукенгшщзхъфывапролджэячсмитьбюё";
    private const string Latin = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";

    private static readonly string[] Runs =
    [
        "1234567890", "0123456789", "abcdefghijklmnopqrstuvwxyz", "абвгдежзийклмнопрстуфхцчшщъыьэюя",
        "qwertyuiop", "asdfghjkl", "zxcvbnm", "qwertyuiopasdfghjklzxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm",
        "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю", "йцукенгшщзхъфывапролджэячсмитьбю", "!@#$%^&*()_+", "1234567890-=",
    ];

    /// <summary>The same keys on the Latin layout: «пароль» is «gfhjkm».</summary>
    public static string ToLatinLayout(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var at = Russian.IndexOf(source[i], StringComparison.Ordinal);
                span[i] = at < 0 ? source[i] : Latin[at];
            }
        });
    }

    /// <summary>Pieces of runs and repeated characters (three or more each) leave fewer than this many others.</summary>
    private const int FewestOwnCharacters = 4;

    /// <summary>
    /// A run, a repetition, or pieces of them with a few characters of its own («1234567890ab», «mnopqr-54321»).
    /// </summary>
    public static bool IsPredictable(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        return IsRepetition(folded) || Runs.Any(run => IsInRun(folded, run)) || OwnCharacters(folded) < FewestOwnCharacters;
    }

    /// <summary>The characters left once every piece of a run or of one repeated character (3 or more) is taken out.</summary>
    private static int OwnCharacters(string text)
    {
        // Long passwords are long enough: the search is quadratic.
        if (text.Length > 64)
            return text.Length;
        var covered = new bool[text.Length];
        for (var start = 0; start < text.Length; start++)
        {
            var end = start + 3;
            while (end <= text.Length && IsPiece(text[start..end]))
                end++;
            for (var i = start; i < end - 1 && end - 1 - start >= 3; i++)
                covered[i] = true;
        }
        return covered.Count(c => !c);
    }

    private static bool IsPiece(string text) =>
        text.All(c => c == text[0]) || Runs.Any(run => IsInRun(text, run));

    private static bool IsRepetition(string text)
    {
        for (var unit = 1; unit <= text.Length / 2; unit++)
        {
            if (text.Length % unit != 0)
                continue;
            var first = text.AsSpan(0, unit);
            var repeated = true;
            for (var start = unit; start < text.Length && repeated; start += unit)
                repeated = text.AsSpan(start, unit).SequenceEqual(first);
            if (repeated)
                return true;
        }
        return false;
    }

    /// <summary>Read along the run, forwards or backwards, going round it as often as needed.</summary>
    private static bool IsInRun(string text, string run)
    {
        var cycled = string.Concat(Enumerable.Repeat(run, text.Length / run.Length + 2));
        var reversed = new string(cycled.Reverse().ToArray());
        return cycled.Contains(text, StringComparison.Ordinal) || reversed.Contains(text, StringComparison.Ordinal);
    }
}
