namespace Attestation.Web.Areas.Operator.Pages.Directories;

/// <summary>
/// How the operator's messages name an entry of one directory: «Должность … сохранена», «Предмет … сохранён»,
/// «Муниципальное образование … сохранено» — Russian agrees the participle with the noun's gender.
/// </summary>
/// <param name="Nominative">«Должность», «Предмет».</param>
/// <param name="Accusative">«Должность», «Организацию» (as in «… нельзя удалить»).</param>
/// <param name="Gender">The noun's gender.</param>
/// <param name="OfferedIn">Where a deactivated entry is no longer offered: «в списках».</param>
public sealed record EntryWords(string Nominative, string Accusative, EntryGender Gender, string OfferedIn = "в списках")
{
    public static readonly EntryWords Municipality = new("Муниципальное образование", "Муниципальное образование", EntryGender.Neuter);
    public static readonly EntryWords Organisation = new("Организация", "Организацию", EntryGender.Feminine, "при регистрации и в профилях");
    public static readonly EntryWords Position = new("Должность", "Должность", EntryGender.Feminine);
    public static readonly EntryWords Subject = new("Предмет", "Предмет", EntryGender.Masculine);

    public string Saved(string name) => $"{Nominative} «{name}» {Agree("сохранён", "сохранена", "сохранено")}.";

    public string Added(string name) => $"{Nominative} «{name}» {Agree("добавлен", "добавлена", "добавлено")}.";

    public string Deleted(string name) => $"{Nominative} «{name}» {Agree("удалён", "удалена", "удалено")}.";

    public string Activated(string name) => $"{Nominative} «{name}» снова в списках.";

    public string Deactivated(string name) =>
        $"{Nominative} «{name}» {Agree("отключён", "отключена", "отключено")}: {Agree("он", "она", "оно")} больше не предлагается {OfferedIn}; заявления и пользователи сохраняются.";

    public string CannotDelete(string name, DirectoryUsage.Usage usage) =>
        $"{Accusative} «{name}» нельзя удалить: на {Agree("него", "неё", "него")} ссылаются {usage.Text}. {Agree("Его", "Её", "Его")} можно только отключить.";

    private string Agree(string masculine, string feminine, string neuter) => Gender switch
    {
        EntryGender.Feminine => feminine,
        EntryGender.Neuter => neuter,
        _ => masculine,
    };
}

public enum EntryGender
{
    Masculine,
    Feminine,
    Neuter,
}
