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
}
