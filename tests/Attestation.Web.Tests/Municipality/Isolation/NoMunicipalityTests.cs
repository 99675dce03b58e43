using System.Net;
using Attestation.Testing;
using Attestation.Web.Authorization;

namespace Attestation.Web.Tests.Municipality.Isolation;

/// <summary>
/// A municipal coordinator whose profile names no municipality (an account the operator has not finished) gets one
/// clear Russian page on every page of his cabinet: never an empty list that looks like «nothing to do», never a 500.
/// His home page says the same in its own place, and his profile stays open.
/// </summary>
public sealed class NoMunicipalityTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    public static TheoryData<string> Pages => new(
    [
        "/Municipality/Registration",
        "/Municipality/Attestation",
        "/Municipality/Invitations",
        "/Municipality/Invitations/Create",
        "/Municipality/Journals",
        "/Municipality/Journals?handler=Registration&format=pdf",
        "/Municipality/NotApplied",
        "/Municipality/Schedule/Fill",
        "/Municipality/Schedule/View",
        "/Municipality/Withdraw",
        "/Municipality/Withdrawals",
        "/Municipality/Work",
        $"/Municipality/Applications/Details?id={Guid.Empty}",
    ]);

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_says_the_municipality_is_missing_instead_of_failing(string url)
    {
        var login = $"nomun{Math.Abs(url.GetHashCode(StringComparison.Ordinal))}";
        await factory.CreateUserAsync(Roles.MunicipalCoordinator, login, user =>
        {
            user.LastName = "Безмуниципальная";
            user.MunicipalityId = null;
        });
        using var client = await factory.SignInAsync(login);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("не указан муниципалитет", page.QuerySelector("#no-municipality")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_profile_stays_open()
    {
        await factory.CreateUserAsync(Roles.MunicipalCoordinator, "nomun.profile", user => user.MunicipalityId = null);
        using var client = await factory.SignInAsync("nomun.profile");

        using var response = await client.GetAsync("/Municipality/Profile");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
