using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Microsoft.AspNetCore.WebUtilities;

namespace Attestation.Web.Tests.Account;

public sealed partial class PasswordResetTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string NewPassword = "Новый-пароль-из-письма";
    private const string InvalidLinkMessage = "Ссылка недействительна или устарела. Запросите сброс пароля ещё раз.";

    [Fact]
    public async Task Reset_request_sends_one_email_with_the_link_in_both_parts()
    {
        await factory.CreateUserAsync(Roles.Teacher, "reset.mail", user => user.Email = "reset.mail@school.example.ru");
        using var client = factory.CreatePortalClient();
        var before = (await factory.SentMailsAsync()).Count;

        using var response = await RequestResetAsync(client, "reset.mail");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/ForgotPasswordConfirmation", response.RedirectPath());
        var mail = Assert.Single((await factory.SentMailsAsync()).Skip(before));
        Assert.Equal("Сброс пароля в системе «Аттестация»", mail.Subject);
        Assert.Equal("reset.mail@school.example.ru", mail.To.Trim('<', '>'));
        var link = PlainLink(mail);
        Assert.Equal(link, HtmlLink(mail));
        Assert.Equal("/Account/ResetPassword", link.AbsolutePath);
        Assert.Contains("Проверкина Анна Сергеевна", mail.PlainText, StringComparison.Ordinal);
        Assert.Contains("«reset.mail»", mail.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Following_the_link_sets_the_new_password_and_retires_the_old_one()
    {
        await factory.CreateUserAsync(Roles.Teacher, "reset.follow");
        using var client = factory.CreatePortalClient();
        var link = await RequestLinkAsync(client, "reset.follow");

        using var response = await SetPasswordAsync(client, link, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/ResetPasswordConfirmation", response.RedirectPath());
        Assert.Equal("Пароль изменён", (await client.GetDocumentAsync("/Account/ResetPasswordConfirmation")).Heading());

        using var withOld = await LoginTests.SubmitLoginFromNewBrowserAsync(factory, "reset.follow", PortalFactory.Password);
        Assert.Equal(HttpStatusCode.OK, withOld.StatusCode);
        Assert.Equal(["Неверный логин или пароль."], (await withOld.ReadDocumentAsync()).SummaryErrors());
        using var withNew = await LoginTests.SubmitLoginFromNewBrowserAsync(factory, "reset.follow", NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, withNew.StatusCode);
        Assert.Equal("/Teacher", withNew.RedirectPath());
    }

    [Fact]
    public async Task The_link_works_only_once()
    {
        await factory.CreateUserAsync(Roles.Teacher, "reset.once");
        using var client = factory.CreatePortalClient();
        var link = await RequestLinkAsync(client, "reset.once");
        (await SetPasswordAsync(client, link, NewPassword)).Dispose();

        using var again = await SetPasswordAsync(client, link, "Ещё-один-новый-пароль");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal([InvalidLinkMessage], (await again.ReadDocumentAsync()).SummaryErrors());
        using var withFirst = await LoginTests.SubmitLoginFromNewBrowserAsync(factory, "reset.once", NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, withFirst.StatusCode);
    }

    [Fact]
    public async Task A_reset_requested_by_email_address_reaches_that_address()
    {
        await factory.CreateUserAsync(Roles.Expert, "reset.by.email", user => user.Email = "expert.reset@example.org");
        using var client = factory.CreatePortalClient();
        var before = (await factory.SentMailsAsync()).Count;

        using var response = await RequestResetAsync(client, "Expert.Reset@example.org");

        Assert.Equal("/Account/ForgotPasswordConfirmation", response.RedirectPath());
        Assert.Equal("expert.reset@example.org", Assert.Single((await factory.SentMailsAsync()).Skip(before)).To.Trim('<', '>'));
    }

    [Fact]
    public async Task Unknown_login_gets_the_same_confirmation_and_no_email_is_sent()
    {
        using var client = factory.CreatePortalClient();
        var before = (await factory.SentMailsAsync()).Count;

        using var response = await RequestResetAsync(client, "nobody.at.all");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/ForgotPasswordConfirmation", response.RedirectPath());
        Assert.Equal("Проверьте почту", (await client.GetDocumentAsync("/Account/ForgotPasswordConfirmation")).Heading());
        Assert.Equal(before, (await factory.SentMailsAsync()).Count);
    }

    [Fact]
    public async Task A_tampered_code_is_refused_in_russian_and_the_password_stays()
    {
        await factory.CreateUserAsync(Roles.Teacher, "reset.tampered");
        using var client = factory.CreatePortalClient();
        var link = await RequestLinkAsync(client, "reset.tampered");
        var query = QueryHelpers.ParseQuery(link.Query);
        var code = query["code"].ToString();
        var middle = code.Length / 2;
        var tampered = code[..middle] + (code[middle] == 'A' ? 'B' : 'A') + code[(middle + 1)..];
        var tamperedLink = new Uri(QueryHelpers.AddQueryString("http://localhost/Account/ResetPassword",
            new Dictionary<string, string?> { ["userId"] = query["userId"], ["code"] = tampered }));

        using var response = await SetPasswordAsync(client, tamperedLink, NewPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([InvalidLinkMessage], (await response.ReadDocumentAsync()).SummaryErrors());
        using var withOld = await LoginTests.SubmitLoginFromNewBrowserAsync(factory, "reset.tampered", PortalFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, withOld.StatusCode);
    }

    [Fact]
    public async Task A_nine_character_password_is_refused_next_to_the_field()
    {
        await factory.CreateUserAsync(Roles.Teacher, "reset.short");
        using var client = factory.CreatePortalClient();
        var link = await RequestLinkAsync(client, "reset.short");

        using var response = await SetPasswordAsync(client, link, "Девять-99");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("не менее 12 символов", page.FieldError("Input.Password"), StringComparison.Ordinal);
        using var withOld = await LoginTests.SubmitLoginFromNewBrowserAsync(factory, "reset.short", PortalFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, withOld.StatusCode);
    }

    [Fact]
    public async Task The_link_expires_after_the_24_hours_the_confirmation_page_promises()
    {
        await factory.CreateUserAsync(Roles.Teacher, "reset.expired");
        using var client = factory.CreatePortalClient();
        var link = await RequestLinkAsync(client, "reset.expired");

        factory.Clock.Advance(TimeSpan.FromHours(25));
        using var response = await SetPasswordAsync(client, link, NewPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([InvalidLinkMessage], (await response.ReadDocumentAsync()).SummaryErrors());
    }

    [Fact]
    public async Task The_reset_page_without_a_code_is_a_bad_request_in_russian()
    {
        using var client = factory.CreatePortalClient();

        using var response = await client.GetAsync("/Account/ResetPassword");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Неверный запрос", (await response.ReadDocumentAsync()).Heading());
    }

    [Fact]
    public async Task The_link_in_the_email_points_at_the_configured_portal_address_whatever_host_the_request_named()
    {
        await factory.CreateUserAsync(Roles.Teacher, "reset.host");
        using var configured = factory.WithWebHostBuilder(builder =>
            builder.UseSetting("Email:PublicBaseUrl", "https://attestation.example.ru"));
        using var client = configured.CreateClient(new() { AllowAutoRedirect = false });
        // A password-reset poisoning attempt: the request names the attacker's host.
        client.DefaultRequestHeaders.Host = "evil.example";
        var before = (await factory.SentMailsAsync()).Count;

        using var response = await RequestResetAsync(client, "reset.host");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var link = PlainLink(Assert.Single((await factory.SentMailsAsync()).Skip(before)));
        Assert.Equal("https://attestation.example.ru", link.GetLeftPart(UriPartial.Authority));
    }

    private static Task<HttpResponseMessage> RequestResetAsync(HttpClient client, string login) =>
        client.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Login"] = login });

    private async Task<Uri> RequestLinkAsync(HttpClient client, string login)
    {
        var before = (await factory.SentMailsAsync()).Count;
        (await RequestResetAsync(client, login)).Dispose();
        return PlainLink(Assert.Single((await factory.SentMailsAsync()).Skip(before)));
    }

    private static Task<HttpResponseMessage> SetPasswordAsync(HttpClient client, Uri link, string password) =>
        client.SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

    private static Uri PlainLink(SentMail mail) => new(LinkPattern().Match(mail.PlainText).Value);

    private static Uri HtmlLink(SentMail mail)
    {
        var anchor = new HtmlParser().ParseDocument(mail.Html).QuerySelector("a[href]")
            ?? throw new InvalidOperationException("The HTML part has no link.");
        return new Uri(anchor.GetAttribute("href")!);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
