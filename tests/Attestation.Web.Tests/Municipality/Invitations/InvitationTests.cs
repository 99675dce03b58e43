using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attestation.Web.Tests.Municipality.Invitations;

public sealed partial class InvitationTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private const string NewPassword = "Сосна-берёза-ель-2026";

    private TestDirectory Directory => factory.Directory;

    [Fact]
    public async Task The_invitation_form_offers_the_two_roles_and_the_seed_subject_and_text()
    {
        using var client = await Coordinators.SignedInAsync(factory, "inv.form.coord", Directory.Tomsk.Id);

        var page = await client.GetDocumentAsync("/Municipality/Invitations/Create");

        Assert.Equal(InvitationEmails.DefaultSubject, page.FieldValue("Input.Subject"));
        Assert.Equal("Приглашаем Вас зарегистрироваться на сайте Центра аттестации педагогических работников ТОИПКРО",
            page.FieldValue("Input.Subject"));
        Assert.StartsWith("Добрый день.\nВас приветствуют специалисты Центра аттестации педагогических работников ТОИПКРО.",
            page.FieldValue("Input.Message").Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal([Roles.SchoolCoordinator, Roles.Expert],
            page.QuerySelectorAll("input[name='Input.Role']").Select(r => r.GetAttribute("value")));
        Assert.Equal(Roles.Expert, page.FieldValue("Input.Role"));
        // Only the coordinator's own schools can be chosen for a school coordinator.
        Assert.Equal([Directory.Gymnasium.Name, Directory.Lyceum.Name], page.Options("Input.OrganisationId").Select(o => o.Text));
    }

    [Fact]
    public async Task The_same_invitation_form_sent_ten_times_at_once_invites_once_and_sends_one_letter()
    {
        using var coordinator = await Coordinators.SignedInAsync(factory, "inv.ten.coord", Directory.Tomsk.Id);
        var form = await coordinator.GetDocumentAsync("/Municipality/Invitations/Create");
        var mails = (await factory.SentMailsAsync()).Count;
        var values = new Dictionary<string, string>
        {
            ["Input.Role"] = Roles.Expert,
            ["Input.Email"] = "ten.times@school.example.ru",
        };

        var answers = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => coordinator.SubmitFormAsync(form, "/Municipality/Invitations/Create", values)));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode));
        foreach (var answer in answers)
            answer.Dispose();
        await using (var db = factory.OpenDb())
            Assert.Equal(1, await db.Invitations.CountAsync(i => i.Email == "ten.times@school.example.ru"));
        Assert.Single((await factory.SentMailsAsync()).Skip(mails), mail => mail.To.Contains("ten.times@", StringComparison.Ordinal));

        // The same form with another address (the browser's «back») is another invitation.
        using var other = await coordinator.SubmitFormAsync(form, "/Municipality/Invitations/Create",
            new Dictionary<string, string> { ["Input.Role"] = Roles.Expert, ["Input.Email"] = "other.address@school.example.ru" });
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        await using (var db = factory.OpenDb())
            Assert.Equal(1, await db.Invitations.CountAsync(i => i.Email == "other.address@school.example.ru"));
    }

    [Fact]
    public async Task An_invited_expert_registers_through_the_link_with_the_role_and_municipality_of_the_invitation()
    {
        using var coordinator = await Coordinators.SignedInAsync(factory, "inv.expert.coord", Directory.Tomsk.Id);
        var mails = (await factory.SentMailsAsync()).Count;

        using var sent = await coordinator.SubmitFormAsync("/Municipality/Invitations/Create", new Dictionary<string, string>
        {
            ["Input.Role"] = Roles.Expert,
            ["Input.Email"] = "new.expert@school.example.ru",
            ["Input.Subject"] = "Приглашение для эксперта",
            ["Input.Message"] = "Добрый день, Анна Сергеевна!\nПриглашаем вас.",
        });

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/Municipality/Invitations", sent.RedirectPath());
        var mail = Assert.Single((await factory.SentMailsAsync()).Skip(mails));
        Assert.Equal("new.expert@school.example.ru", mail.To.Trim('<', '>'));
        Assert.Equal("Приглашение для эксперта", mail.Subject);
        Assert.StartsWith("Добрый день, Анна Сергеевна!\nПриглашаем вас.", mail.PlainText.Replace("\r\n", "\n", StringComparison.Ordinal),
            StringComparison.Ordinal);
        Assert.Contains("Роль: Специалист по аттестации", mail.PlainText, StringComparison.Ordinal);
        Assert.Contains("Муниципальное образование: Город Томск", mail.PlainText, StringComparison.Ordinal);
        var link = PlainLink(mail);
        Assert.Equal(link, HtmlLink(mail));
        Assert.Equal("/Account/Invitation", link.AbsolutePath);

        // Only the hash of the token is kept.
        var token = QueryHelpers.ParseQuery(link.Query)["token"].ToString();
        await using (var db = factory.OpenDb())
        {
            var stored = await db.Invitations.AsNoTracking().SingleAsync(i => i.Email == "new.expert@school.example.ru");
            Assert.Equal(SHA256.HashData(WebEncoders.Base64UrlDecode(token)), stored.TokenHash);
            Assert.Equal((Roles.Expert, Directory.Tomsk.Id), (stored.Role, stored.MunicipalityId));
            Assert.Equal(factory.Clock.GetUtcNow().AddDays(14), stored.ExpiresAt, TimeSpan.FromSeconds(1));
        }

        using var invitee = factory.CreatePortalClient();
        var form = await invitee.GetDocumentAsync(link.PathAndQuery);
        Assert.Equal("Регистрация по приглашению", form.Heading());
        Assert.Equal("Специалист по аттестации", form.QuerySelector("#role")!.TextContent.Trim());
        Assert.Equal("Город Томск", form.QuerySelector("#municipality")!.TextContent.Trim());
        Assert.Equal([Directory.Gymnasium.Name, Directory.Lyceum.Name], form.Options("Input.OrganisationId").Select(o => o.Text));

        var values = ExpertForm("inv.new.expert");
        // A forged post tries to choose its own role and municipality: they are not fields of this form.
        values["Input.Role"] = Roles.Operator;
        values["Input.MunicipalityId"] = Directory.District.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var registered = await invitee.SubmitFormAsync(form, link.PathAndQuery, values);

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/Expert", registered.RedirectPath());
        var (user, roles) = await FindUserAsync("inv.new.expert");
        Assert.NotNull(user);
        Assert.Equal([Roles.Expert], roles);
        Assert.Equal(Directory.Tomsk.Id, user.MunicipalityId);
        Assert.Equal(Directory.Lyceum.Id, user.OrganisationId);
        Assert.Equal(Directory.SchoolTeacher.Id, user.PositionId);
        Assert.Equal(Directory.Physics.Id, user.SubjectId);
        Assert.Equal(("Новикова", "Анна", "Сергеевна"), (user.LastName, user.FirstName, user.MiddleName));
        Assert.Equal("new.expert@school.example.ru", user.Email);
        Assert.True(user.EmailConfirmed);

        // The coordinator's list answers «I forgot my login».
        var list = await coordinator.GetDocumentAsync("/Municipality/Invitations");
        var row = list.QuerySelectorAll("#invitations tbody tr").Single(r => r.TextContent.Contains("new.expert@school.example.ru", StringComparison.Ordinal));
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["inv.new.expert", "new.expert@school.example.ru", "Новикова", "Анна", "Сергеевна"], cells.Take(5));
        Assert.StartsWith("Специалист по аттестации", cells[5], StringComparison.Ordinal);
        Assert.Equal("Город Томск", cells[6]);
        Assert.Equal(nameof(InvitationState.Accepted), row.GetAttribute("data-state"));
        Assert.Contains("зарегистрирован", cells[7], StringComparison.Ordinal);

        // Found by a part of the registered person's name or of the address; the Excel file holds what was found.
        var byName = await coordinator.GetDocumentAsync("/Municipality/Invitations?q=НОВИК");
        var byAddress = await coordinator.GetDocumentAsync("/Municipality/Invitations?q=expert@school");
        var none = await coordinator.GetDocumentAsync("/Municipality/Invitations?q=Несуществующая");
        // (The other tests of the class register their invitees with the same name.)
        Assert.Contains("new.expert@school.example.ru", byName.QuerySelectorAll("#invitations tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()));
        Assert.All(byName.QuerySelectorAll("#invitations tbody tr td:nth-child(3)"), td => Assert.Equal("Новикова", td.TextContent.Trim()));
        Assert.Equal("expert@school", byAddress.QuerySelector("#q")?.GetAttribute("value"));
        Assert.Equal(["new.expert@school.example.ru"], byAddress.QuerySelectorAll("#invitations tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()));
        Assert.Equal("Никого не нашлось.", none.QuerySelector("#empty")!.TextContent.Trim());
        using var book = Support.Downloads.OpenWorkbook(await coordinator.DownloadAsync(
            byAddress.QuerySelector("#excel")!.GetAttribute("href")!, Support.Downloads.ExcelType));
        var sheet = book.Worksheet(1);
        Assert.Equal("Пользователи, зарегистрированные по приглашению", sheet.Cell(1, 1).GetString());
        Assert.Equal("поиск по ФИО или адресу: «expert@school»", sheet.Cell(2, 1).GetString());
        Assert.Equal(["inv.new.expert", "new.expert@school.example.ru", "Новикова Анна Сергеевна"], Support.Downloads.RowText(sheet, 4, 3));
        Assert.StartsWith("Специалист по аттестации", sheet.Cell(4, 4).GetString(), StringComparison.Ordinal);
        Assert.Equal(["Город Томск"], Support.Downloads.RowText(sheet, 4, 5).Skip(4));
        Assert.Equal("зарегистрирован", sheet.Cell(4, 7).GetString());
        Assert.Equal("Всего: 1", sheet.Cell(6, 1).GetString());
    }

    [Fact]
    public async Task The_link_works_only_once()
    {
        var link = await InviteAsync("inv.once.coord", "once@example.org");
        using var invitee = factory.CreatePortalClient();
        (await invitee.SubmitFormAsync(link, ExpertForm("inv.once.first"))).Dispose();

        using var again = factory.CreatePortalClient();
        using var page = await again.GetAsync(link);

        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        var document = await page.ReadDocumentAsync();
        Assert.Equal("Приглашение уже использовано", document.Heading());
        Assert.Contains("обратитесь к муниципальному координатору", document.QuerySelector("#problem")!.TextContent, StringComparison.Ordinal);
        Assert.Null(document.QuerySelector("main form[method=post]"));
        Assert.NotNull((await FindUserAsync("inv.once.first")).User);
    }

    [Fact]
    public async Task A_stale_form_posted_after_the_link_was_used_registers_nobody()
    {
        var link = await InviteAsync("inv.stale.coord", "stale@example.org");
        using var first = factory.CreatePortalClient();
        using var second = factory.CreatePortalClient();
        var firstForm = await first.GetDocumentAsync(link);
        var secondForm = await second.GetDocumentAsync(link);

        using var winner = await first.SubmitFormAsync(firstForm, link, ExpertForm("inv.stale.winner"));
        using var loser = await second.SubmitFormAsync(secondForm, link, ExpertForm("inv.stale.loser", "stale.loser@example.org"));

        Assert.Equal(HttpStatusCode.Redirect, winner.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, loser.StatusCode);
        Assert.Equal("Приглашение уже использовано", (await loser.ReadDocumentAsync()).Heading());
        Assert.Null((await FindUserAsync("inv.stale.loser")).User);
    }

    [Fact]
    public async Task Two_people_following_one_link_at_the_same_moment_make_one_account()
    {
        var link = await InviteAsync("inv.race.coord", "race@example.org");
        using var first = factory.CreatePortalClient();
        using var second = factory.CreatePortalClient();
        var forms = await Task.WhenAll(first.GetDocumentAsync(link), second.GetDocumentAsync(link));

        var responses = await Task.WhenAll(
            first.SubmitFormAsync(forms[0], link, ExpertForm("inv.race.one")),
            second.SubmitFormAsync(forms[1], link, ExpertForm("inv.race.two")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var accounts = new[] { (await FindUserAsync("inv.race.one")).User, (await FindUserAsync("inv.race.two")).User };
        Assert.Single(accounts, user => user is not null);
        await using var db = factory.OpenDb();
        var invitation = await db.Invitations.AsNoTracking().SingleAsync(i => i.Email == "race@example.org");
        Assert.Equal(accounts.Single(user => user is not null)!.Id, invitation.AcceptedUserId);
    }

    [Fact]
    public async Task An_expired_link_is_refused_with_a_clear_page_and_registers_nobody()
    {
        var link = await InviteAsync("inv.expired.coord", "expired@example.org");
        using var invitee = factory.CreatePortalClient();
        var form = await invitee.GetDocumentAsync(link);

        factory.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
        using var posted = await invitee.SubmitFormAsync(form, link, ExpertForm("inv.expired.user"));
        using var opened = await invitee.GetAsync(link);

        Assert.Equal(HttpStatusCode.Gone, posted.StatusCode);
        Assert.Equal("Срок действия приглашения истёк", (await posted.ReadDocumentAsync()).Heading());
        Assert.Equal(HttpStatusCode.Gone, opened.StatusCode);
        var page = await opened.ReadDocumentAsync();
        Assert.Contains("прислать новое приглашение", page.QuerySelector("#problem")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await FindUserAsync("inv.expired.user")).User);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task An_unknown_token_gets_a_clear_russian_page(string token)
    {
        using var client = factory.CreatePortalClient();

        using var response = await client.GetAsync($"/Account/Invitation?token={token}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Приглашение не найдено", page.Heading());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task A_school_coordinator_is_invited_to_a_school_of_the_municipality_and_gets_it_fixed()
    {
        using var coordinator = await Coordinators.SignedInAsync(factory, "inv.school.coord", Directory.Tomsk.Id);
        var invite = new Dictionary<string, string>
        {
            ["Input.Role"] = Roles.SchoolCoordinator,
            ["Input.Email"] = "school.coordinator@example.org",
        };

        using var withoutSchool = await coordinator.SubmitFormAsync("/Municipality/Invitations/Create", invite);
        invite["Input.OrganisationId"] = Directory.VillageSchool.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var foreignSchool = await coordinator.SubmitFormAsync("/Municipality/Invitations/Create", invite);
        invite["Input.OrganisationId"] = Directory.Gymnasium.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var mails = (await factory.SentMailsAsync()).Count;
        using var sent = await coordinator.SubmitFormAsync("/Municipality/Invitations/Create", invite);

        Assert.Equal("Выберите образовательную организацию координатора.",
            (await withoutSchool.ReadDocumentAsync()).FieldError("Input.OrganisationId"));
        Assert.Equal("Выберите образовательную организацию вашего муниципалитета.",
            (await foreignSchool.ReadDocumentAsync()).FieldError("Input.OrganisationId"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var mail = Assert.Single((await factory.SentMailsAsync()).Skip(mails));
        Assert.Contains($"Образовательная организация: {Directory.Gymnasium.Name}", mail.PlainText, StringComparison.Ordinal);

        using var invitee = factory.CreatePortalClient();
        var link = PlainLink(mail).PathAndQuery;
        var form = await invitee.GetDocumentAsync(link);
        Assert.Equal(Directory.Gymnasium.Name, form.QuerySelector("#organisation")!.TextContent.Trim());
        var values = ExpertForm("inv.school.user");
        // Posted anyway: the school comes from the invitation.
        values["Input.OrganisationId"] = Directory.Lyceum.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var registered = await invitee.SubmitFormAsync(form, link, values);

        Assert.Equal("/School", registered.RedirectPath());
        var (user, roles) = await FindUserAsync("inv.school.user");
        Assert.Equal([Roles.SchoolCoordinator], roles);
        Assert.Equal((Directory.Tomsk.Id, Directory.Gymnasium.Id), (user!.MunicipalityId, user.OrganisationId));
    }

    [Fact]
    public async Task The_registration_form_checks_the_fields_in_russian_and_keeps_the_link_usable()
    {
        var link = await InviteAsync("inv.fields.coord", "fields@example.org");
        using var invitee = factory.CreatePortalClient();
        var values = ExpertForm("inv.fields.user");
        values["Input.LastName"] = "Novikova";
        values["Input.Password"] = "Короткий";
        values["Input.ConfirmPassword"] = "Короткий";
        values["Input.OrganisationId"] = Directory.VillageSchool.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        values["Input.PositionId"] = "";

        using var response = await invitee.SubmitFormAsync(link, values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Input.LastName"] = "Используйте русские буквы (допускаются дефис и пробел).",
                ["Input.Password"] = "Пароль должен содержать не менее 12 символов.",
                ["Input.PositionId"] = "Выберите должность.",
                ["Input.OrganisationId"] = "Выберите образовательную организацию выбранного муниципалитета.",
            },
            page.FieldErrors());
        Assert.Null((await FindUserAsync("inv.fields.user")).User);

        using var fixedUp = await invitee.SubmitFormAsync(link, ExpertForm("inv.fields.user"));
        Assert.Equal(HttpStatusCode.Redirect, fixedUp.StatusCode);
    }

    [Fact]
    public async Task A_taken_login_is_refused_next_to_the_field_and_the_invitation_stays_unused()
    {
        await factory.CreateUserAsync(Roles.Teacher, "inv.taken.login");
        var link = await InviteAsync("inv.taken.coord", "taken.login@example.org");
        using var invitee = factory.CreatePortalClient();

        using var refused = await invitee.SubmitFormAsync(link, ExpertForm("inv.taken.login"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(new Dictionary<string, string> { ["Input.Login"] = "Логин «inv.taken.login» уже занят." },
            (await refused.ReadDocumentAsync()).FieldErrors());
        await using (var db = factory.OpenDb())
            Assert.Null((await db.Invitations.AsNoTracking().SingleAsync(i => i.Email == "taken.login@example.org")).AcceptedAt);

        using var accepted = await invitee.SubmitFormAsync(link, ExpertForm("inv.taken.other"));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("taken.login@example.org", (await FindUserAsync("inv.taken.other")).User!.Email);
    }

    [Fact]
    public async Task An_address_that_already_has_an_account_is_not_invited()
    {
        await factory.CreateUserAsync(Roles.Expert, "inv.existing.expert", user => user.Email = "existing@example.org");
        using var coordinator = await Coordinators.SignedInAsync(factory, "inv.existing.coord", Directory.Tomsk.Id);
        var mails = (await factory.SentMailsAsync()).Count;

        using var response = await coordinator.SubmitFormAsync("/Municipality/Invitations/Create",
            new Dictionary<string, string> { ["Input.Email"] = "Existing@Example.org" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Адрес «Existing@Example.org» уже зарегистрирован в системе: приглашение не нужно.",
            (await response.ReadDocumentAsync()).FieldError("Input.Email"));
        Assert.Equal(mails, (await factory.SentMailsAsync()).Count);
    }

    [Fact]
    public async Task The_list_shows_the_invitations_of_the_own_municipality_only()
    {
        await InviteAsync("inv.list.tomsk", "list.tomsk@example.org");
        using var district = await Coordinators.SignedInAsync(factory, "inv.list.district", Directory.District.Id);
        (await district.SubmitFormAsync("/Municipality/Invitations/Create",
            new Dictionary<string, string> { ["Input.Email"] = "list.district@example.org" })).Dispose();

        var page = await district.GetDocumentAsync("/Municipality/Invitations");

        var text = page.QuerySelector("#invitations")!.TextContent;
        Assert.Contains("list.district@example.org", text, StringComparison.Ordinal);
        Assert.DoesNotContain("list.tomsk@example.org", text, StringComparison.Ordinal);
        Assert.All(page.QuerySelectorAll("#invitations tbody tr"), row => Assert.Equal("Томский район", row.QuerySelectorAll("td")[6].TextContent.Trim()));
    }

    [Fact]
    public async Task The_link_points_at_the_configured_portal_address_whatever_host_the_request_named()
    {
        await Coordinators.CoordinatorAsync(factory, "inv.host.coord", Directory.Tomsk.Id);
        using var configured = factory.WithWebHostBuilder(builder =>
            builder.UseSetting("Email:PublicBaseUrl", "https://attestation.example.ru"));
        using var client = configured.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Host = "evil.example";
        (await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Login"] = "inv.host.coord",
            ["Input.Password"] = PortalFactory.Password,
        })).Dispose();
        var mails = (await factory.SentMailsAsync()).Count;

        using var response = await client.SubmitFormAsync("/Municipality/Invitations/Create",
            new Dictionary<string, string> { ["Input.Email"] = "host@example.org" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var link = PlainLink(Assert.Single((await factory.SentMailsAsync()).Skip(mails)));
        Assert.Equal("https://attestation.example.ru", link.GetLeftPart(UriPartial.Authority));
    }

    /// <summary>A coordinator of Tomsk invites an expert with the prefilled letter; returns the link's path and query.</summary>
    private async Task<string> InviteAsync(string coordinatorLogin, string email)
    {
        using var coordinator = await Coordinators.SignedInAsync(factory, coordinatorLogin, Directory.Tomsk.Id);
        var mails = (await factory.SentMailsAsync()).Count;
        using var response = await coordinator.SubmitFormAsync("/Municipality/Invitations/Create",
            new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return PlainLink(Assert.Single((await factory.SentMailsAsync()).Skip(mails))).PathAndQuery;
    }

    private Dictionary<string, string> ExpertForm(string login, string? email = null) => new()
    {
        ["Input.LastName"] = "новикова",
        ["Input.FirstName"] = "Анна",
        ["Input.MiddleName"] = "Сергеевна",
        ["Input.Phone"] = "+7 913 555-44-33",
        ["Input.OrganisationId"] = Directory.Lyceum.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.PositionId"] = Directory.SchoolTeacher.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.SubjectId"] = Directory.Physics.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Login"] = login,
        ["Input.Password"] = NewPassword,
        ["Input.ConfirmPassword"] = NewPassword,
        ["Input.PersonalDataConsent"] = "true",
        ["Input.Email"] = email ?? "ignored@example.org",
    };

    private Task<(AppUser? User, IList<string> Roles)> FindUserAsync(string login) =>
        factory.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByNameAsync(login);
            return (user, user is null ? [] : await users.GetRolesAsync(user));
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
