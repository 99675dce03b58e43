using System.Net;
using Attestation.Testing;
using Attestation.Web.Authorization;

namespace Attestation.Web.Tests.Account;

public sealed class LoginTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public const string AuthCookie = "attestation.auth";

    [Fact]
    public async Task Teacher_signs_in_with_his_login_and_lands_on_the_teacher_page()
    {
        await factory.CreateUserAsync(Roles.Teacher, "login.by.name");
        using var client = factory.CreatePortalClient();

        using var response = await SubmitLoginAsync(client, "login.by.name", PortalFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Teacher", response.RedirectPath());
        Assert.NotNull(response.SetCookie(AuthCookie));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Teacher")).StatusCode);
    }

    [Fact]
    public async Task Operator_signs_in_with_his_email_and_lands_on_the_operator_page()
    {
        await factory.CreateUserAsync(Roles.Operator, "login.by.email", user => user.Email = "Operator.Mail@Example.org");
        using var client = factory.CreatePortalClient();

        using var response = await SubmitLoginAsync(client, "operator.mail@example.org", PortalFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Operator", response.RedirectPath());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Operator")).StatusCode);
    }

    [Fact]
    public async Task Wrong_password_is_refused_in_russian_and_the_login_stays_in_the_field()
    {
        await factory.CreateUserAsync(Roles.Teacher, "login.wrong.password");
        using var client = factory.CreatePortalClient();

        using var response = await SubmitLoginAsync(client, "login.wrong.password", "Not-the-password-at-all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.SetCookie(AuthCookie));
        var page = await response.ReadDocumentAsync();
        Assert.Equal(["Неверный логин или пароль."], page.SummaryErrors());
        Assert.Equal("login.wrong.password", page.FieldValue("Input.Login"));
        Assert.Equal("", page.FieldValue("Input.Password"));
    }

    [Fact]
    public async Task Unknown_login_gets_the_same_answer_as_a_wrong_password()
    {
        using var client = factory.CreatePortalClient();

        using var response = await SubmitLoginAsync(client, "nobody.here", PortalFactory.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(["Неверный логин или пароль."], page.SummaryErrors());
        Assert.Equal("nobody.here", page.FieldValue("Input.Login"));
    }

    [Fact]
    public async Task Remember_me_makes_the_auth_cookie_outlive_the_browser_session()
    {
        await factory.CreateUserAsync(Roles.Teacher, "login.remembered");
        using var client = factory.CreatePortalClient();

        using var response = await SubmitLoginAsync(client, "login.remembered", PortalFactory.Password, rememberMe: true);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.SetCookie(AuthCookie);
        Assert.NotNull(cookie);
        Assert.NotNull(cookie.Expires);
        Assert.True(cookie.Expires > factory.Clock.GetUtcNow(), $"The cookie expires in the past: {cookie.Expires}.");
    }

    [Fact]
    public async Task Without_remember_me_the_auth_cookie_ends_with_the_browser_session()
    {
        await factory.CreateUserAsync(Roles.Teacher, "login.session");
        using var client = factory.CreatePortalClient();

        using var response = await SubmitLoginAsync(client, "login.session", PortalFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.SetCookie(AuthCookie);
        Assert.NotNull(cookie);
        Assert.Null(cookie.Expires);
        Assert.Null(cookie.MaxAge);
        Assert.True(cookie.HttpOnly);
    }

    [Fact]
    public async Task Sign_in_returns_to_the_page_that_asked_for_it()
    {
        await factory.CreateUserAsync(Roles.Teacher, "login.return");
        using var client = factory.CreatePortalClient();

        using var response = await SubmitLoginAsync(client, "login.return", PortalFactory.Password,
            url: "/Account/Login?ReturnUrl=%2FAccount%2FProfile");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Profile", response.RedirectPath());
    }

    [Theory]
    [InlineData("https://evil.example/Teacher")]
    [InlineData("//evil.example/Teacher")]
    public async Task Sign_in_ignores_a_return_address_on_another_site(string returnUrl)
    {
        var login = "login.foreign." + (returnUrl.StartsWith("https", StringComparison.Ordinal) ? "absolute" : "relative");
        await factory.CreateUserAsync(Roles.Teacher, login);
        using var client = factory.CreatePortalClient();

        using var response = await SubmitLoginAsync(client, login, PortalFactory.Password,
            url: "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Teacher", response.RedirectPath());
    }

    [Fact]
    public async Task Sign_out_clears_the_auth_cookie_and_closes_the_area()
    {
        await factory.CreateUserAsync(Roles.Teacher, "login.signout");
        using var client = await factory.SignInAsync("login.signout");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Teacher")).StatusCode);

        using var response = await client.SubmitFormAsync("/Teacher", new Dictionary<string, string>(),
            formSelector: "header form[action='/Account/Logout']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.RedirectPath());
        var cleared = response.SetCookie(AuthCookie);
        Assert.NotNull(cleared);
        Assert.Equal("", cleared.Value.ToString());
        Assert.True(cleared.Expires < factory.Clock.GetUtcNow(), $"The cookie is not expired: {cleared.Expires}.");

        using var after = await client.GetAsync("/Teacher");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.RedirectPath(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_by_a_plain_link_does_not_sign_out()
    {
        await factory.CreateUserAsync(Roles.Teacher, "login.signout.get");
        using var client = await factory.SignInAsync("login.signout.get");

        using var response = await client.GetAsync("/Account/Logout");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(response.SetCookie(AuthCookie));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Teacher")).StatusCode);
    }

    /// <summary>A sign-in from a browser of its own, holding no earlier cookie.</summary>
    internal static async Task<HttpResponseMessage> SubmitLoginFromNewBrowserAsync(PortalFactory factory, string login,
        string password)
    {
        using var client = factory.CreatePortalClient();
        var response = await SubmitLoginAsync(client, login, password);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    internal static Task<HttpResponseMessage> SubmitLoginAsync(HttpClient client, string login, string password,
        bool rememberMe = false, string url = "/Account/Login")
    {
        var values = new Dictionary<string, string> { ["Input.Login"] = login, ["Input.Password"] = password };
        if (rememberMe)
            values["Input.RememberMe"] = "true";
        return client.SubmitFormAsync(url, values);
    }
}
