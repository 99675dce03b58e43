using System.Net;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Infrastructure;

namespace Attestation.Web.Tests.Operator.Users;

/// <summary>«Пользователи»: the operator finds any account, blocks it (its sessions end at once), unblocks it, sends it
/// the letter to set a new password.</summary>
public sealed class UsersTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Url = "/Operator/Users";

    [Fact]
    public async Task A_part_of_the_name_finds_the_person_whatever_the_case_and_the_letter_yo()
    {
        await factory.CreateUserAsync(Roles.Teacher, "users.search.a", u => (u.LastName, u.FirstName) = ("Фёдорова", "Алёна"));
        await factory.CreateUserAsync(Roles.Expert, "users.search.b", u => (u.LastName, u.FirstName) = ("Федоренко", "Павел"));
        await factory.CreateUserAsync(Roles.Teacher, "users.search.c", u => (u.LastName, u.FirstName) = ("Соколова", "Нина"));
        using var client = await OperatorAsync("users.search.op");

        Assert.Equal(["users.search.b", "users.search.a"], await LoginsAsync(client, "?q=ФЁДОР"));
        Assert.Equal(["users.search.a"], await LoginsAsync(client, "?q=федорова алена"));
        Assert.Equal(["users.search.a"], await LoginsAsync(client, $"?q=федор&role={Roles.Teacher}"));
        Assert.Equal(["users.search.c"], await LoginsAsync(client, "?q=search.c@EXAMPLE"));
        // The pattern's own characters are text.
        Assert.Empty(await LoginsAsync(client, "?q=users_search%25"));
    }

    /// <summary>A search found first and sorted then (AccountDirectory.SearchedFirst): its pages still follow the names.</summary>
    [Fact]
    public async Task The_pages_of_a_search_follow_the_names_without_a_row_twice_or_lost()
    {
        var surnames = Enumerable.Range(0, 53).Select(i => $"Пагинова-{i:D2}").ToList();
        foreach (var (surname, i) in surnames.Select((n, i) => (n, i)).Reverse())
            await factory.CreateUserAsync(Roles.Teacher, $"users.paging.{i:D2}", u => (u.LastName, u.FirstName) = (surname, "Ольга"));
        using var client = await OperatorAsync("users.paging.op");

        var first = await LoginsAsync(client, "?q=пагинова");
        var second = await LoginsAsync(client, "?q=пагинова&p=2");
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"users.paging.{i:D2}"), first);
        Assert.Equal(["users.paging.50", "users.paging.51", "users.paging.52"], second);
    }

    [Fact]
    public async Task A_blocked_persons_open_session_ends_at_once_and_he_cannot_sign_in_until_unblocked()
    {
        await factory.CreateUserAsync(Roles.Teacher, "users.block.t");
        using var teacher = await factory.SignInAsync("users.block.t");
        using var before = await teacher.GetAsync("/Teacher");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        using var client = await OperatorAsync("users.block.op");

        using var blocked = await client.SubmitFormAsync(await ListAsync(client, "users.block.t"), Url + "?q=users.block.t",
            new Dictionary<string, string>(), "#users form", "block");

        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        // Back to the list as it was searched, not to its first page unsearched.
        Assert.Equal($"{Url}?q=users.block.t", blocked.RedirectPath());
        var blockedList = await ListAsync(client, "users.block.t");
        Assert.StartsWith("Учётная запись users.block.t заблокирована", blockedList.QuerySelector("[role=status]")!.TextContent.Trim(),
            StringComparison.Ordinal);
        Assert.Equal("Заблокирована", blockedList.QuerySelector("#users td.state")!.TextContent);
        using var after = await teacher.GetAsync("/Teacher");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.RedirectPath(), StringComparison.Ordinal);
        using (var signIn = await Tests.Account.LoginTests.SubmitLoginFromNewBrowserAsync(factory, "users.block.t", PortalFactory.Password))
        {
            Assert.Equal("/Account/Lockout?blocked=True", signIn.Headers.Location!.OriginalString);
            using var anonymous = factory.CreatePortalClient();
            var lockout = await anonymous.GetDocumentAsync("/Account/Lockout?blocked=True");
            Assert.Contains("заблокирована оператором", lockout.QuerySelector("#blocked")!.TextContent, StringComparison.Ordinal);
        }

        // A new password by the letter's link does not lift the operator's block.
        var sent = (await factory.SentMailsAsync()).Count;
        (await client.SubmitFormAsync(await ListAsync(client, "users.block.t"), Url, new Dictionary<string, string>(),
            "#users form", "reset")).Dispose();
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(
            Assert.Single((await factory.SentMailsAsync()).Skip(sent)).PlainText, @"https?://\S+/Account/ResetPassword\S+").Value);
        using var stranger = factory.CreatePortalClient();
        using var reset = await stranger.SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Password"] = "Новый пароль по ссылке",
            ["Input.ConfirmPassword"] = "Новый пароль по ссылке",
        });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        using (var withNew = await Tests.Account.LoginTests.SubmitLoginFromNewBrowserAsync(factory, "users.block.t", "Новый пароль по ссылке"))
            Assert.Equal("/Account/Lockout?blocked=True", withNew.RedirectPath());
        var list = await ListAsync(client, "users.block.t");

        using var unblocked = await client.SubmitFormAsync(list, Url + "?q=users.block.t", new Dictionary<string, string>(),
            "#users form", "unblock");
        Assert.Equal(HttpStatusCode.Redirect, unblocked.StatusCode);
        using var again = await factory.SignInAsync("users.block.t", "Новый пароль по ссылке");
    }

    [Fact]
    public async Task An_action_from_a_list_older_than_the_accounts_last_change_is_refused()
    {
        await factory.CreateUserAsync(Roles.Expert, "users.stale.e");
        using var client = await OperatorAsync("users.stale.op");
        var older = await ListAsync(client, "users.stale.e");
        using var first = await client.SubmitFormAsync(older, Url, new Dictionary<string, string>(), "#users form",
            "block");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        using var stale = await client.SubmitFormAsync(older, Url, new Dictionary<string, string>(), "#users form",
            "reset");

        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        var page = await ListAsync(client, "users.stale.e");
        Assert.Equal(AccountDirectory.EditedMeanwhile, page.QuerySelector("#error")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_letter_to_set_a_new_password_goes_to_the_persons_address()
    {
        await factory.CreateUserAsync(Roles.Expert, "users.reset.e", u => u.Email = "users.reset.e@school.example.ru");
        using var client = await OperatorAsync("users.reset.op");
        var sent = (await factory.SentMailsAsync()).Count;

        using var response = await client.SubmitFormAsync(await ListAsync(client, "users.reset.e"), Url,
            new Dictionary<string, string>(), "#users form", "reset");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mail = Assert.Single((await factory.SentMailsAsync()).Skip(sent));
        Assert.Equal("users.reset.e@school.example.ru", mail.To.Trim('<', '>'));
        Assert.Contains("/Account/ResetPassword", mail.PlainText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.MunicipalCoordinator)]
    [InlineData(Roles.Expert)]
    public async Task Only_the_operator_opens_the_list(string role)
    {
        var login = $"users.denied.{role.ToLowerInvariant()}";
        await factory.CreateUserAsync(role, login);
        using var client = await factory.SignInAsync(login);

        using var response = await client.GetAsync(Url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<HttpClient> OperatorAsync(string login)
    {
        await factory.CreateUserAsync(Roles.Operator, login);
        return await factory.SignInAsync(login);
    }

    private static Task<AngleSharp.Html.Dom.IHtmlDocument> ListAsync(HttpClient client, string q) =>
        client.GetDocumentAsync($"{Url}?q={Uri.EscapeDataString(q)}");

    private static async Task<List<string>> LoginsAsync(HttpClient client, string query) =>
        (await client.GetDocumentAsync(Url + query)).QuerySelectorAll("#users tbody tr .login")
            .Select(td => td.TextContent).Where(l => l.StartsWith("users.", StringComparison.Ordinal)).ToList();
}
