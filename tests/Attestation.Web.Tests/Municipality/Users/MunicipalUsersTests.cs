using System.Net;
using Attestation.Testing;
using Attestation.Web.Authorization;

namespace Attestation.Web.Tests.Municipality.Users;

/// <summary>The municipal coordinator's «Пользователи»: his municipality's experts and school coordinators, no one else.</summary>
public sealed class MunicipalUsersTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private const string Url = "/Municipality/Users";

    [Fact]
    public async Task The_coordinator_sees_only_his_municipalitys_experts_and_school_coordinators()
    {
        var (tomsk, district) = (factory.Directory.Tomsk.Id, factory.Directory.District.Id);
        await factory.CreateUserAsync(Roles.Expert, "mu.list.expert", u => u.MunicipalityId = tomsk);
        await factory.CreateUserAsync(Roles.SchoolCoordinator, "mu.list.school", u => u.MunicipalityId = tomsk);
        await factory.CreateUserAsync(Roles.Teacher, "mu.list.teacher", u => u.MunicipalityId = tomsk);
        await factory.CreateUserAsync(Roles.Expert, "mu.list.other", u => u.MunicipalityId = district);
        using var client = await Coordinators.SignedInAsync(factory, "mu.list.coord", tomsk);

        var page = await client.GetDocumentAsync($"{Url}?q=mu.list");

        Assert.Equal(["mu.list.expert", "mu.list.school"],
            page.QuerySelectorAll("#users .login").Select(l => l.TextContent).Order(StringComparer.Ordinal));
        Assert.Null(page.QuerySelector("#municipalityId"));
        using var teachers = await client.GetAsync($"{Url}?role={Roles.Teacher}");
        Assert.Equal(HttpStatusCode.NotFound, teachers.StatusCode);
    }

    [Fact]
    public async Task The_coordinator_blocks_his_expert_but_an_account_of_another_municipality_is_not_found()
    {
        var (tomsk, district) = (factory.Directory.Tomsk.Id, factory.Directory.District.Id);
        await factory.CreateUserAsync(Roles.Expert, "mu.block.expert", u => u.MunicipalityId = tomsk);
        var other = await factory.CreateUserAsync(Roles.Expert, "mu.block.other", u => u.MunicipalityId = district);
        using var client = await Coordinators.SignedInAsync(factory, "mu.block.coord", tomsk);
        var list = await client.GetDocumentAsync($"{Url}?q=mu.block.expert");

        using var blocked = await client.SubmitFormAsync(list, $"{Url}?q=mu.block.expert", new Dictionary<string, string>(),
            "#users form", "block");
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        Assert.Equal("Заблокирована", (await client.GetDocumentAsync($"{Url}?q=mu.block.expert")).QuerySelector("#users td.state")!.TextContent);

        // The same form aimed at the other municipality's expert: nothing there for this coordinator.
        using var forged = await client.PostFormToAsync(list, $"{Url}?handler=Block", new Dictionary<string, string>
        {
            ["id"] = other.Id.ToString(),
            ["version"] = other.ConcurrencyStamp!,
        }, formSelector: "#users form");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        using var stillIn = await factory.SignInAsync("mu.block.other");
    }
}
