using System.Globalization;
using System.Net;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Tests.Account;

/// <summary>
/// Issue 14: five wrong passwords in a row lock an account for a minute, each further one for twice as long up to
/// thirty minutes (appsettings.json, «Accounts»); the page says until when; a success forgives.
/// </summary>
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
    public async Task The_lockout_page_says_until_when_in_the_regions_time()
    {
        await factory.CreateUserAsync(Roles.Teacher, "lockout.until");
        using var client = factory.CreatePortalClient();
        for (var attempt = 1; attempt <= 4; attempt++)
            (await LoginTests.SubmitLoginAsync(client, "lockout.until", WrongPassword)).Dispose();

        using var fifth = await LoginTests.SubmitLoginAsync(client, "lockout.until", WrongPassword);
        var page = await client.GetDocumentAsync(fifth.RedirectPath()!);

        var end = await LockoutEndAsync("lockout.until");
        var tomsk = TimeZoneInfo.ConvertTime(end, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tomsk"));
        Assert.Equal(factory.Clock.GetUtcNow().AddMinutes(1), end, TimeSpan.FromSeconds(1));
        Assert.Equal($"Вход заблокирован до {tomsk.ToString("HH:mm dd.MM.yyyy", CultureInfo.InvariantCulture)} (по местному времени).",
            page.QuerySelector("#locked-until")?.TextContent.Trim());
    }

    [Fact]
    public async Task Each_wrong_password_after_a_lockout_doubles_the_wait_up_to_thirty_minutes()
    {
        await factory.CreateUserAsync(Roles.Teacher, "lockout.growing");
        using var client = factory.CreatePortalClient();
        for (var attempt = 1; attempt <= 4; attempt++)
            (await LoginTests.SubmitLoginAsync(client, "lockout.growing", WrongPassword)).Dispose();

        var waits = new List<double>();
        for (var lockout = 1; lockout <= 7; lockout++)
        {
            using var refused = await LoginTests.SubmitLoginAsync(client, "lockout.growing", WrongPassword);
            Assert.Equal("/Account/Lockout", refused.RedirectPath());
            var end = await LockoutEndAsync("lockout.growing");
            waits.Add(Math.Round((end - factory.Clock.GetUtcNow()).TotalMinutes));

            // Guessing while locked changes nothing: the password is not even checked.
            using var whileLocked = await LoginTests.SubmitLoginAsync(client, "lockout.growing", WrongPassword);
            Assert.Equal("/Account/Lockout", whileLocked.RedirectPath());
            Assert.Equal(end, await LockoutEndAsync("lockout.growing"));
            factory.Clock.Advance(end - factory.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        }

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], waits);
        using var right = await LoginTests.SubmitLoginAsync(client, "lockout.growing", PortalFactory.Password);
        Assert.Equal("/Teacher", right.RedirectPath());
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
    public async Task The_account_opens_again_when_the_portal_clock_passes_the_first_minute()
    {
        await factory.CreateUserAsync(Roles.Teacher, "lockout.clock");
        using var client = factory.CreatePortalClient();
        for (var attempt = 1; attempt <= 5; attempt++)
            (await LoginTests.SubmitLoginAsync(client, "lockout.clock", WrongPassword)).Dispose();

        factory.Clock.Advance(TimeSpan.FromSeconds(50));
        using var tooEarly = await LoginTests.SubmitLoginAsync(client, "lockout.clock", PortalFactory.Password);
        Assert.Equal("/Account/Lockout", tooEarly.RedirectPath());

        factory.Clock.Advance(TimeSpan.FromSeconds(15));
        using var afterLockout = await LoginTests.SubmitLoginAsync(client, "lockout.clock", PortalFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, afterLockout.StatusCode);
        Assert.Equal("/Teacher", afterLockout.RedirectPath());
    }

    [Fact]
    public async Task Someone_guessing_the_password_does_not_end_the_owners_open_session()
    {
        await factory.CreateUserAsync(Roles.Teacher, "lockout.owner");
        using var owner = await factory.SignInAsync("lockout.owner");
        using var guesser = factory.CreatePortalClient();
        for (var attempt = 1; attempt <= 5; attempt++)
            (await LoginTests.SubmitLoginAsync(guesser, "lockout.owner", WrongPassword)).Dispose();

        using var response = await owner.GetAsync("/Teacher");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<DateTimeOffset> LockoutEndAsync(string login)
    {
        await using var db = factory.OpenDb();
        return await db.Users.Where(u => u.UserName == login).Select(u => u.LockoutEnd!.Value).SingleAsync();
    }
}
