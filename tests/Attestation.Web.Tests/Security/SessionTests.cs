using System.Net;
using System.Text;
using Attestation.Testing;
using Attestation.Web.Tests.Account;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Attestation.Web.Tests.Security;

/// <summary>
/// Issue 14, item 2 (ASVS V7): the session cookie's attributes directly and behind a TLS proxy; the idle and absolute
/// ends of a session on the portal's clock; a saved cookie opening nothing after «Выйти», a new password or a block.
/// </summary>
public sealed class SessionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Cabinet = "/Teacher";

    [Fact]
    public async Task On_plain_http_the_session_cookie_is_httponly_and_lax_without_the_host_prefix()
    {
        await factory.CreateUserAsync(Roles.Teacher, "sessions.http");
        using var client = factory.CreatePortalClient();

        using var response = await LoginTests.SubmitLoginAsync(client, "sessions.http", PortalFactory.Password);

        var cookie = response.SetCookie(LoginTests.AuthCookie);
        Assert.NotNull(cookie);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Lax, cookie.SameSite);
        Assert.False(cookie.Secure);
        Assert.Equal("/", cookie.Path.ToString());
        Assert.Null(response.SetCookie(SessionCookies.HostPrefix + LoginTests.AuthCookie));
    }

    [Fact]
    public async Task Behind_a_tls_proxy_the_session_cookie_is_host_prefixed_secure_httponly_and_lax()
    {
        await factory.CreateUserAsync(Roles.Teacher, "sessions.proxy");
        using var proxied = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        proxied.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        proxied.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        using var form = await proxied.GetAsync("/Account/Login");
        var antiforgery = Assert.Single(SetCookies(form), c => c.Name.ToString().StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.True(antiforgery.Secure);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Login"] = "sessions.proxy",
                ["Input.Password"] = PortalFactory.Password,
                ["__RequestVerificationToken"] = (await form.ReadDocumentAsync())
                    .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            }),
        };
        post.Headers.Add("Cookie", $"{antiforgery.Name}={antiforgery.Value}");
        using var signedIn = await proxied.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = signedIn.SetCookie(SessionCookies.HostPrefix + LoginTests.AuthCookie);
        Assert.NotNull(cookie);
        Assert.True(cookie.Secure);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Lax, cookie.SameSite);
        Assert.Equal("/", cookie.Path.ToString());
        Assert.Null(cookie.Domain.Value);
        Assert.Null(signedIn.SetCookie(LoginTests.AuthCookie));

        var session = $"{cookie.Name}={cookie.Value}";
        using (var page = await SessionCookie.GetAsync(proxied, Cabinet, session))
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // The same cookie over plain http is no session: a browser would not even send it there.
        using var direct = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using (var page = await SessionCookie.GetAsync(direct, Cabinet, session))
            Assert.StartsWith("/Account/Login", page.RedirectPath(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_left_alone_for_thirty_minutes_ends_and_one_in_use_goes_on()
    {
        await factory.CreateUserAsync(Roles.Teacher, "sessions.idle");
        using var client = await factory.SignInAsync("sessions.idle");

        factory.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Cabinet)).StatusCode);
        factory.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Cabinet)).StatusCode);

        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        using var idle = await client.GetAsync(Cabinet);

        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
        Assert.StartsWith("/Account/Login", idle.RedirectPath(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_in_constant_use_ends_twelve_hours_after_the_sign_in()
    {
        await factory.CreateUserAsync(Roles.Teacher, "sessions.absolute");
        using var client = await factory.SignInAsync("sessions.absolute");

        for (var step = 1; step <= 28; step++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(25));
            using var busy = await client.GetAsync(Cabinet);
            Assert.True(busy.StatusCode == HttpStatusCode.OK, $"Closed after {step * 25} minutes.");
        }
        factory.Clock.Advance(TimeSpan.FromMinutes(25));
        using var over = await client.GetAsync(Cabinet);

        Assert.Equal(HttpStatusCode.Redirect, over.StatusCode);
        Assert.StartsWith("/Account/Login", over.RedirectPath(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_saved_cookie_opens_nothing_after_sign_out()
    {
        await factory.CreateUserAsync(Roles.Teacher, "sessions.signout");
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var saved = await SessionCookie.SignInAsync(client, "sessions.signout");

        using (var cabinet = await SessionCookie.GetAsync(client, Cabinet, saved))
        {
            Assert.Equal(HttpStatusCode.OK, cabinet.StatusCode);
            var token = (await cabinet.ReadDocumentAsync()).QuerySelector("header form[action='/Account/Logout'] input[name=__RequestVerificationToken]")!
                .GetAttribute("value")!;
            using var signOut = new HttpRequestMessage(HttpMethod.Post, "/Account/Logout")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
            };
            signOut.Headers.Add("Cookie", saved);
            using var signedOut = await client.SendAsync(signOut);
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        await AssertClosedAsync(client, saved);
    }

    [Fact]
    public async Task A_password_change_ends_the_other_sessions_and_keeps_this_one()
    {
        await factory.CreateUserAsync(Roles.Teacher, "sessions.change");
        using var other = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var saved = await SessionCookie.SignInAsync(other, "sessions.change");
        using var client = await factory.SignInAsync("sessions.change");

        using var changed = await client.SubmitFormAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = PortalFactory.Password,
            ["Input.Password"] = "Смена-пароля-сессии-2026",
            ["Input.ConfirmPassword"] = "Смена-пароля-сессии-2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        await AssertClosedAsync(other, saved);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Cabinet)).StatusCode);
    }

    [Fact]
    public async Task A_password_reset_by_the_letters_link_ends_every_session()
    {
        var user = await factory.CreateUserAsync(Roles.Teacher, "sessions.reset");
        using var other = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var saved = await SessionCookie.SignInAsync(other, "sessions.reset");
        var token = await factory.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            return await users.GeneratePasswordResetTokenAsync((await users.FindByIdAsync(user.Id.ToString()))!);
        });
        using var anonymous = factory.CreatePortalClient();

        using var reset = await anonymous.SubmitFormAsync(
            $"/Account/ResetPassword?userId={user.Id}&code={WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token))}",
            new Dictionary<string, string>
            {
                ["Input.Password"] = "Пароль-по-ссылке-2026",
                ["Input.ConfirmPassword"] = "Пароль-по-ссылке-2026",
            });
        Assert.Equal("/Account/ResetPasswordConfirmation", reset.RedirectPath());

        await AssertClosedAsync(other, saved);
    }

    [Fact]
    public async Task A_cookie_saved_before_a_block_opens_nothing_after_the_unblock()
    {
        await factory.CreateUserAsync(Roles.Teacher, "sessions.block");
        using var other = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var saved = await SessionCookie.SignInAsync(other, "sessions.block");
        await factory.CreateUserAsync(Roles.Operator, "sessions.block.op");
        using var operatorClient = await factory.SignInAsync("sessions.block.op");

        foreach (var action in new[] { "block", "unblock" })
        {
            var list = await operatorClient.GetDocumentAsync("/Operator/Users?q=sessions.block");
            using var done = await operatorClient.SubmitFormAsync(list, "/Operator/Users?q=sessions.block",
                new Dictionary<string, string>(), "#users form", action);
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }

        await AssertClosedAsync(other, saved);
    }

    private static async Task AssertClosedAsync(HttpClient client, string cookie)
    {
        using var response = await SessionCookie.GetAsync(client, Cabinet, cookie);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.RedirectPath(), StringComparison.Ordinal);
    }

    private static IList<SetCookieHeaderValue> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues(HeaderNames.SetCookie, out var values) ? SetCookieHeaderValue.ParseList(values.ToList()) : [];
}
