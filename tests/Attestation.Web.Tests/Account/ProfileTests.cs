using System.Net;
using Attestation.Testing;
using Attestation.Web.Authorization;

namespace Attestation.Web.Tests.Account;

public sealed class ProfileTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    [Fact]
    public async Task Profile_requires_sign_in()
    {
        using var client = factory.CreatePortalClient();

        using var response = await client.GetAsync("/Account/Profile");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login?ReturnUrl=%2FAccount%2FProfile", response.RedirectPath());
    }

    [Fact]
    public async Task Profile_shows_the_users_name_login_and_contacts_to_edit_and_the_role_and_workplace_as_read()
    {
        var directory = factory.Directory;
        await factory.CreateUserAsync(Roles.Teacher, "profile.teacher", user =>
        {
            user.LastName = "Салтыкова-Щедрина";
            user.FirstName = "Мария";
            user.MiddleName = "Ильинична";
            user.MunicipalityId = directory.District.Id;
            user.OrganisationId = directory.VillageSchool.Id;
            user.PositionId = directory.SchoolTeacher.Id;
            user.SubjectId = directory.Physics.Id;
        });
        using var client = await factory.SignInAsync("profile.teacher");

        var page = await client.GetDocumentAsync("/Account/Profile");

        var rows = page.QuerySelectorAll("dl dt").ToDictionary(
            dt => dt.TextContent.Trim(), dt => dt.NextElementSibling!.TextContent.Trim());
        Assert.Equal(("Салтыкова-Щедрина", "Мария", "Ильинична"),
            (page.FieldValue("Input.LastName"), page.FieldValue("Input.FirstName"), page.FieldValue("Input.MiddleName")));
        Assert.Equal("profile.teacher", page.QuerySelector("#login")!.TextContent);
        Assert.Equal("Педагогический работник", rows["Роль"]);
        Assert.Equal("profile.teacher@example.org", page.FieldValue("Input.Email"));
        Assert.Equal("Томский район", rows["Муниципальное образование"]);
        Assert.Equal("МБОУ «Корниловская СОШ» Томского района", rows["Место работы"]);
        Assert.Equal("Учитель", rows["Должность"]);
        Assert.Equal("физики", rows["Предмет (направление)"]);
    }

    [Fact]
    public async Task Profile_of_a_coordinator_names_his_role_and_municipality()
    {
        await factory.CreateUserAsync(Roles.MunicipalCoordinator, "profile.coordinator",
            user => user.MunicipalityId = factory.Directory.Tomsk.Id);
        using var client = await factory.SignInAsync("profile.coordinator");

        var page = await client.GetDocumentAsync("/Account/Profile");

        var rows = page.QuerySelectorAll("dl dt").ToDictionary(
            dt => dt.TextContent.Trim(), dt => dt.NextElementSibling!.TextContent.Trim());
        Assert.Equal("Координатор по аттестации по муниципальному образованию", rows["Роль"]);
        Assert.Equal("Город Томск", rows["Муниципальное образование"]);
        Assert.Equal("—", rows["Место работы"]);
    }
}
