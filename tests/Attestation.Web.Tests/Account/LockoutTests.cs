using System.Net;
using Attestation.Testing;
using Attestation.Web.Authorization;

namespace Attestation.Web.Tests.Account;

/// <summary>Five wrong passwords in a row lock an account for fifteen minutes (appsettings.json, «Accounts»).</summary>
public sealed class LockoutTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string WrongPassword = "Wrong-password-again";

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_then_even_the_right_one_is_refused()
    {
        await factory.CreateUserAsync(Roles.Teacher, "lockout.five");
        using var client = factory.CreatePortalClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var refused = await LoginTests.SubmitLoginAsync(client, "lockout.five", WrongPassword);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Equal(["Неверный логин или пароль."], (await refused.ReadDocumentAsync()).SummaryErrors());
        }
        using var fifth = await LoginTests.SubmitLoginAsync(client, "lockout.five", WrongPassword);
        Assert.Equal(HttpStatusCode.Redirect, fifth.StatusCode);
        Assert.Equal("/Account/Lockout", fifth.RedirectPath());

        using var right = await LoginTests.SubmitLoginAsync(client, "lockout.five", PortalFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/Account/Lockout", right.RedirectPath());
        Assert.Null(right.SetCookie(LoginTests.AuthCookie));
        var lockoutPage = await client.GetDocumentAsync("/Account/Lockout");
        Assert.Equal("Учётная запись временно заблокирована", lockoutPage.Heading());
    }

    [Fact]
    public async Task A_successful_sign_in_forgives_the_earlier_wrong_passwords()
    {
        await factory.CreateUserAsync(Roles.Teacher, "lockout.forgiven");
        using var client = factory.CreatePortalClient();
        for (var attempt = 1; attempt <= 4; attempt++)
            (await LoginTests.SubmitLoginAsync(client, "lockout.forgiven", WrongPassword)).Dispose();
        (await LoginTests.SubmitLoginFromNewBrowserAsync(factory, "lockout.forgiven", PortalFactory.Password)).Dispose();

        for (var attempt = 1; attempt <= 4; attempt++)
            (await LoginTests.SubmitLoginAsync(client, "lockout.forgiven", WrongPassword)).Dispose();
        using var response = await LoginTests.SubmitLoginAsync(client, "lockout.forgiven", PortalFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Teacher", response.RedirectPath());
    }

    [Fact]
    public async Task The_account_opens_again_when_the_portal_clock_passes_fifteen_minutes()
    {
        await factory.CreateUserAsync(Roles.Teacher, "lockout.clock");
        using var client = factory.CreatePortalClient();
        for (var attempt = 1; attempt <= 5; attempt++)
            (await LoginTests.SubmitLoginAsync(client, "lockout.clock", WrongPassword)).Dispose();

        factory.Clock.Advance(TimeSpan.FromMinutes(14));
        using var tooEarly = await LoginTests.SubmitLoginAsync(client, "lockout.clock", PortalFactory.Password);
        Assert.Equal("/Account/Lockout", tooEarly.RedirectPath());

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        using var afterLockout = await LoginTests.SubmitLoginAsync(client, "lockout.clock", PortalFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, afterLockout.StatusCode);
        Assert.Equal("/Teacher", afterLockout.RedirectPath());
    }
}
