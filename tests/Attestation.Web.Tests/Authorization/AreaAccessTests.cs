using System.Net;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Microsoft.AspNetCore.WebUtilities;

namespace Attestation.Web.Tests.Authorization;

public sealed class AreaAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>Each area, the one role it belongs to, and the heading of its home page.</summary>
    private static readonly (string Area, string Role, string Heading)[] Areas =
    [
        ("/Teacher", Roles.Teacher, "Личный кабинет педагогического работника"),
        ("/School", Roles.SchoolCoordinator, "Личный кабинет координатора по аттестации в ОО"),
        ("/Municipality", Roles.MunicipalCoordinator, "Личный кабинет муниципального координатора по аттестации"),
        ("/Expert", Roles.Expert, "Личный кабинет специалиста по аттестации"),
        ("/Operator", Roles.Operator, "Личный кабинет оператора"),
    ];

    public static TheoryData<string> AreaPaths => new(Areas.Select(a => a.Area));

    public static TheoryData<string, string, string> OwnRoles
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var (area, role, heading) in Areas)
                data.Add(area, role, heading);
            return data;
        }
    }

    public static TheoryData<string, string> OtherRoles
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var area in Areas)
                foreach (var role in Roles.All.Where(role => role != area.Role))
                    data.Add(area.Area, role);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(AreaPaths))]
    public async Task Anonymous_visitor_is_sent_to_the_login_page_and_back(string area)
    {
        using var client = factory.CreatePortalClient();

        using var response = await client.GetAsync(area);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(new Uri("http://localhost"), response.RedirectPath());
        Assert.Equal("/Account/Login", location.AbsolutePath);
        Assert.Equal(area, QueryHelpers.ParseQuery(location.Query)["ReturnUrl"].ToString());
    }

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task User_of_another_role_gets_the_russian_access_denied_page(string area, string role)
    {
        var login = Login(role, area);
        await factory.CreateUserAsync(role, login);
        using var client = await factory.SignInAsync(login);

        using var response = await client.GetAsync(area);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Доступ запрещён", page.Heading());
        Assert.StartsWith("Доступ запрещён", page.Title, StringComparison.Ordinal);
        Assert.DoesNotContain(Areas.Single(a => a.Area == area).Heading, page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OwnRoles))]
    public async Task User_of_the_area_role_sees_its_home_page(string area, string role, string heading)
    {
        var login = Login(role, area);
        await factory.CreateUserAsync(role, login);
        using var client = await factory.SignInAsync(login);

        using var response = await client.GetAsync(area);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(heading, (await response.ReadDocumentAsync()).Heading());
    }

    private static string Login(string role, string area) => $"{role}{area.Replace('/', '.')}".ToLowerInvariant();
}
