using System.Net;
using Attestation.Testing;
using Attestation.Web.Authorization;

namespace Attestation.Web.Tests.Account;

/// <summary>«Справка»: each role lands on its own part, with this month's dates from the region's calendar.</summary>
public sealed class HelpTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData(Roles.Teacher, "Педагогическому работнику")]
    [InlineData(Roles.SchoolCoordinator, "Координатору по аттестации в образовательной организации")]
    [InlineData(Roles.MunicipalCoordinator, "Муниципальному координатору")]
    [InlineData(Roles.Expert, "Специалисту по аттестации")]
    [InlineData(Roles.Operator, "Оператору Центра аттестации")]
    public async Task Each_role_lands_on_its_own_part_from_the_link_in_the_navigation(string role, string heading)
    {
        var login = $"help.{role.ToLowerInvariant()}";
        await factory.CreateUserAsync(role, login);
        using var client = await factory.SignInAsync(login);
        var home = await client.GetDocumentAsync("/Account/Profile");
        var link = home.QuerySelector("nav a#help-link")!.GetAttribute("href")!;

        var page = await client.GetDocumentAsync(link);

        Assert.Equal(role, page.QuerySelector("#help")!.GetAttribute("data-role"));
        Assert.Equal(heading, page.QuerySelector("#help h2")!.TextContent.Trim());
        Assert.Equal(Roles.DisplayName(role), page.QuerySelector("#help-parts a.active")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_coordinators_part_gives_this_months_deadlines_and_the_checks_of_the_seed()
    {
        // 28 February 2030 in UTC is already 1 March in Tomsk (UTC+7): the region's calendar counts.
        factory.Clock.SetUtcNow(new DateTimeOffset(2030, 2, 28, 20, 30, 0, TimeSpan.Zero));
        using var client = factory.CreatePortalClient();

        var page = await client.GetDocumentAsync("/Help/municipality");

        Assert.Equal(
            ["11.03.2030", "12.03.2030", "15.03.2030"],
            page.QuerySelectorAll("#month-deadlines li strong").Select(s => s.TextContent.Trim()));
        var text = page.QuerySelector("#help")!.TextContent;
        Assert.Contains("Нельзя выбирать период аттестации с надписью «Период закрыт».", text, StringComparison.Ordinal);
        Assert.Contains("Не назначайте эксперта, у которого неправильно указана должность", text, StringComparison.Ordinal);
        Assert.Contains("Статус заявления смотрят не все — желательно позвонить педагогу.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_part_is_not_found()
    {
        using var client = factory.CreatePortalClient();

        using var response = await client.GetAsync("/Help/director");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_accessibility_statement_is_linked_from_every_footer_and_names_the_configured_contact()
    {
        await factory.CreateUserAsync(Roles.Teacher, "a11y.teacher");
        using var signedIn = await factory.SignInAsync("a11y.teacher");
        using var configured = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Accessibility:Email", "dostupnost@example.ru");
            builder.UseSetting("Accessibility:Phone", "+7 3822 00-00-00");
        });
        using var guest = configured.CreateClient(new() { AllowAutoRedirect = false });

        foreach (var (client, path) in new[] { (guest, "/"), (guest, "/Account/Login"), (signedIn, "/Teacher"), (signedIn, "/Help") })
        {
            var page = await client.GetDocumentAsync(path);
            Assert.Equal("/Accessibility", page.QuerySelector("footer a[href='/Accessibility']")?.GetAttribute("href"));
        }

        var statement = await guest.GetDocumentAsync("/Accessibility");

        Assert.Equal("О доступности портала", statement.QuerySelector("h1")!.TextContent.Trim());
        var headings = statement.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Стандарт", "Что проверено", "Известные ограничения", "Как сообщить о проблеме"], headings);
        Assert.Contains("WCAG 2.2", statement.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var contact = statement.QuerySelector("#accessibility-contact")!;
        Assert.Equal("mailto:dostupnost@example.ru", contact.QuerySelector("a[href^='mailto:']")!.GetAttribute("href"));
        Assert.Equal("tel:+73822000000", contact.QuerySelector("a[href^='tel:']")!.GetAttribute("href"));
    }
}
