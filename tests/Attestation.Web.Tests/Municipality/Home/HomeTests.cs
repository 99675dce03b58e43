using Attestation.Testing;
using Attestation.Web.Authorization;

namespace Attestation.Web.Tests.Municipality.Home;

public sealed class HomeTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private TestDirectory Directory => factory.Directory;

    [Fact]
    public async Task The_home_page_counts_new_near_and_overdue_applications_each_linking_to_its_list()
    {
        using var client = await Coordinators.SignedInAsync(factory, "home.counts.coord", Directory.District.Id);
        foreach (var (login, daysAgo) in new[] { ("home.fresh", 1), ("home.near1", 24), ("home.near2", 30), ("home.late", 31) })
        {
            await Coordinators.ApplicationAsync(factory, await Coordinators.TeacherAsync(factory, login, Directory.District.Id,
                Directory.VillageSchool.Id, Directory.SchoolTeacher.Id), daysAgo);
        }
        await Coordinators.ApplicationAsync(factory, await Coordinators.TeacherAsync(factory, "home.draft", Directory.District.Id,
            Directory.VillageSchool.Id, Directory.SchoolTeacher.Id), daysAgo: null);
        await Coordinators.ApplicationAsync(factory, await Coordinators.TeacherAsync(factory, "home.city", Directory.Tomsk.Id,
            Directory.Lyceum.Id, Directory.SchoolTeacher.Id), daysAgo: 40);

        var page = await client.GetDocumentAsync("/Municipality");

        Assert.Equal("Личный кабинет муниципального координатора по аттестации", page.Heading());
        Assert.Equal("Количество заявлений = 4.", page.QuerySelector("#application-count")!.TextContent.Trim());
        Assert.Equal(("4", "/Municipality/Registration"), Count(page, "#count-waiting"));
        // Submitted 24 and 30 days ago: 6 days and the deadline day itself left, amber.
        Assert.Equal(("2", "/Municipality/Registration?show=near"), Count(page, "#count-near"));
        Assert.Equal(("1", "/Municipality/Registration?show=overdue"), Count(page, "#count-overdue"));
        Assert.Equal(("0", "/Municipality/Withdrawals"), Count(page, "#count-withdrawals"));
        Assert.Equal("/Municipality/Schedule/Fill", page.QuerySelector("#schedule")!.GetAttribute("href"));
        Assert.Equal("/Municipality/Attestation", page.QuerySelector("#conclusions")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_coordinator_without_a_municipality_sees_nothing_and_is_told_why()
    {
        await factory.CreateUserAsync(Roles.MunicipalCoordinator, "home.nowhere.coord");
        using var client = await factory.SignInAsync("home.nowhere.coord");

        var page = await client.GetDocumentAsync("/Municipality");

        Assert.NotNull(page.QuerySelector("#no-municipality"));
        Assert.Equal("Количество заявлений = 0.", page.QuerySelector("#application-count")!.TextContent.Trim());
        Assert.Equal("0", page.QuerySelector("#count-waiting .display-6")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_work_page_lists_the_seven_sections_of_the_seed_with_their_links()
    {
        using var client = await Coordinators.SignedInAsync(factory, "home.work.coord", Directory.District.Id);

        var page = await client.GetDocumentAsync("/Municipality/Work");

        Assert.Equal("Работа с заявлениями", page.Heading());
        Assert.Equal(
            [
                ("Педагогические работники не подавшие заявление", "Открыть список педагогов", "/Municipality/NotApplied"),
                ("Зарегистрировать заявления о проведении аттестации", "Зарегистрировать заявления", "/Municipality/Registration"),
                ("Зарегистрировать заявления на отзыв", "Зарегистрировать отзывы", "/Municipality/Withdrawals"),
                ("Заполнение графика проведения аттестации", "Назначить период и специалистов", "/Municipality/Schedule/Fill"),
                ("Просмотр графика проведения аттестации", "Посмотреть график", "/Municipality/Schedule/View"),
                ("Аттестация педагогических работников", "Аттестовать", "/Municipality/Attestation"),
                ("Отзыв заявления педагогического работника муниципальным координатором", "Отозвать заявление", "/Municipality/Withdraw"),
            ],
            page.QuerySelectorAll("#sections .card").Select(card => (
                card.QuerySelector("h2")!.TextContent.Trim(),
                card.QuerySelector("a")!.TextContent.Trim(),
                card.QuerySelector("a")!.GetAttribute("href"))));
        // Each button says where it leads: no two sections share a button's words.
        var buttons = page.QuerySelectorAll("#sections .card a.btn").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(buttons.Count, buttons.Distinct(StringComparer.Ordinal).Count());
    }

    private static (string Count, string? Link) Count(AngleSharp.Html.Dom.IHtmlDocument page, string selector)
    {
        var card = page.QuerySelector(selector)!;
        return (card.QuerySelector(".display-6")!.TextContent.Trim(), card.GetAttribute("href"));
    }
}
