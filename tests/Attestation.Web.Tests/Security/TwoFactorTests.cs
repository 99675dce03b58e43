using System.Net;
using Attestation.Testing;
using Attestation.Web.Tests.Account;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Pages.Account;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attestation.Web.Tests.Security;

/// <summary>The portal as in production: the operator's cabinet requires two-factor sign-in.</summary>
public sealed class TwoFactorPortalFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Accounts:RequireOperatorTwoFactor", "true");
    }
}

/// <summary>Issue 14, item 1: TOTP two-factor sign-in for the staff (Identity's authenticator), required of the operator.</summary>
public sealed class TwoFactorTests(TwoFactorPortalFactory factory) : IClassFixture<TwoFactorPortalFactory>
{
    [Fact]
    public async Task A_coordinator_enables_it_with_the_shown_key_and_sees_ten_recovery_codes_once()
    {
        await factory.CreateUserAsync(Roles.SchoolCoordinator, "tfa.enrol");
        using var client = await factory.SignInAsync("tfa.enrol");

        var page = await client.GetDocumentAsync("/Account/TwoFactor");
        var image = page.QuerySelector("#qr-code")!.GetAttribute("src")!;
        Assert.StartsWith("data:image/png;base64,", image, StringComparison.Ordinal);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], Convert.FromBase64String(image["data:image/png;base64,".Length..])[..4]);
        var key = page.QuerySelector("#shared-key")!.TextContent;

        using var enabled = await client.SubmitFormAsync(page, "/Account/TwoFactor",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) }, "#enable-form");
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);

        var after = await client.GetDocumentAsync(enabled.RedirectPath()!);
        var codes = after.QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(TwoFactorModel.RecoveryCodeCount, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Matches("^[A-Z0-9]{5}-[A-Z0-9]{5}$", code));
        Assert.Equal("10", after.QuerySelector("#codes-left")?.TextContent);
        Assert.Empty((await client.GetDocumentAsync("/Account/TwoFactor")).QuerySelectorAll("#recovery-codes li"));
        Assert.True(await TwoFactorEnabledAsync("tfa.enrol"));
    }

    [Fact]
    public async Task A_wrong_first_code_leaves_it_off_and_says_so_next_to_the_field()
    {
        await factory.CreateUserAsync(Roles.Expert, "tfa.wrong.first");
        using var client = await factory.SignInAsync("tfa.wrong.first");
        var page = await client.GetDocumentAsync("/Account/TwoFactor");
        var wrong = Totp.Code(page.QuerySelector("#shared-key")!.TextContent, DateTimeOffset.UtcNow.AddHours(-1));

        using var response = await client.SubmitFormAsync(page, "/Account/TwoFactor",
            new Dictionary<string, string> { ["Input.Code"] = wrong }, "#enable-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Код не подошёл.", (await response.ReadDocumentAsync()).FieldError("Input.Code"), StringComparison.Ordinal);
        Assert.False(await TwoFactorEnabledAsync("tfa.wrong.first"));
    }

    [Fact]
    public async Task Sign_in_asks_for_the_code_after_the_password_and_lets_in_with_it()
    {
        var (key, _) = await EnrolAsync(Roles.Expert, "tfa.sign.in");
        using var client = factory.CreatePortalClient();

        using var password = await LoginTests.SubmitLoginAsync(client, "tfa.sign.in", PortalFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/Account/LoginWithCode", password.RedirectPath(), StringComparison.Ordinal);
        Assert.Null(password.SetCookie(LoginTests.AuthCookie));
        Assert.StartsWith("/Account/Login", (await client.GetAsync("/Expert")).RedirectPath(), StringComparison.Ordinal);

        using var wrong = await client.SubmitFormAsync(password.RedirectPath()!,
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow.AddHours(-1)) });
        Assert.Equal(LoginWithCodeModel.WrongCode, (await wrong.ReadDocumentAsync()).FieldError("Input.Code"));

        using var code = await client.SubmitFormAsync(password.RedirectPath()!,
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });

        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/Expert", code.RedirectPath());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Expert")).StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_lets_in_once()
    {
        var (_, codes) = await EnrolAsync(Roles.MunicipalCoordinator, "tfa.recovery");

        using var first = await SignInWithCodeAsync("tfa.recovery", codes[3].ToLowerInvariant());
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/Municipality", first.RedirectPath());

        using var again = await SignInWithCodeAsync("tfa.recovery", codes[3]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(LoginWithCodeModel.WrongCode, (await again.ReadDocumentAsync()).FieldError("Input.Code"));
    }

    [Fact]
    public async Task An_operator_without_it_is_sent_to_enable_it_before_any_operator_page_and_may_not_turn_it_off()
    {
        await factory.CreateUserAsync(Roles.Operator, "tfa.operator");
        using var client = await factory.SignInAsync("tfa.operator");

        foreach (var url in new[] { "/Operator", "/Operator/Users" })
        {
            using var sent = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            Assert.Equal("/Account/TwoFactor?returnUrl=" + Uri.EscapeDataString(url), sent.RedirectPath());
        }
        var page = await client.GetDocumentAsync("/Account/TwoFactor?returnUrl=%2FOperator");
        Assert.NotNull(page.QuerySelector("#required"));

        using var enabled = await client.SubmitFormAsync(page, "/Account/TwoFactor?returnUrl=%2FOperator",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(page.QuerySelector("#shared-key")!.TextContent) },
            "#enable-form");
        var done = await client.GetDocumentAsync(enabled.RedirectPath()!);
        Assert.Equal("/Operator", done.QuerySelector("#continue")?.GetAttribute("href"));
        Assert.Null(done.QuerySelector("#disable-form"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Operator")).StatusCode);

        var antiforgery = done.QuerySelector("#codes-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var refused = await client.PostAsync("/Account/TwoFactor?handler=Disable",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery }));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.True(await TwoFactorEnabledAsync("tfa.operator"));
    }

    [Fact]
    public async Task A_teacher_has_no_such_page()
    {
        await factory.CreateUserAsync(Roles.Teacher, "tfa.teacher");
        using var client = await factory.SignInAsync("tfa.teacher");

        using var response = await client.GetAsync("/Account/TwoFactor");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    /// <summary>A person of <paramref name="role"/> with an authenticator enrolled; his key and recovery codes.</summary>
    private Task<(string Key, string[] Codes)> EnrolAsync(string role, string login) =>
        factory.WithServicesAsync(async services =>
        {
            var user = await factory.CreateUserAsync(role, login);
            var users = services.GetRequiredService<UserManager<AppUser>>();
            user = (await users.FindByIdAsync(user.Id.ToString()))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToArray();
            return ((await users.GetAuthenticatorKeyAsync(user))!, codes);
        });

    private async Task<HttpResponseMessage> SignInWithCodeAsync(string login, string code)
    {
        using var client = factory.CreatePortalClient();
        using var password = await LoginTests.SubmitLoginAsync(client, login, PortalFactory.Password);
        var response = await client.SubmitFormAsync(password.RedirectPath()!, new Dictionary<string, string> { ["Input.Code"] = code });
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private async Task<bool> TwoFactorEnabledAsync(string login)
    {
        await using var db = factory.OpenDb();
        return await db.Users.Where(u => u.UserName == login).Select(u => u.TwoFactorEnabled).SingleAsync();
    }
}
