using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Attestation.Domain;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Notifications;
using Attestation.Web.Tests.Municipality;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Attestation.Web.Tests.Operator.OperatorDesk;

namespace Attestation.Web.Tests.Operator.Invitations;

/// <summary>
/// «Приглашение» of municipal coordinators by the operator: the same letter and single-use link as the coordinators'
/// own invitations, the role and the municipality fixed by the invitation, and nobody else may invite a coordinator.
/// </summary>
public sealed partial class OperatorInvitationTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private const string NewPassword = "Сосна-берёза-ель-2026";

    private readonly OperatorDesk _desk = new(factory);

    private TestDirectory Directory => factory.Directory;

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_invited_coordinator_registers_in_the_chosen_municipality_and_opens_its_cabinet()
    {
        var @operator = await _desk.CreateOperatorAsync("oi.operator");
        using var client = await factory.SignInAsync("oi.operator");
        var form = await client.GetDocumentAsync("/Operator/Invitations/Create");
        Assert.Equal(InvitationEmails.DefaultSubject, form.FieldValue("Input.Subject"));
        Assert.Equal(["Город Томск", "Томский район"],
            form.Options("Input.MunicipalityId").Where(o => o.Value.Length > 0).Select(o => o.Text).Intersect(["Город Томск", "Томский район"]));
        Assert.Empty(form.QuerySelectorAll("input[name='Input.Role']"));
        var mails = (await factory.SentMailsAsync()).Count;

        using var sent = await client.SubmitFormAsync(form, "/Operator/Invitations/Create", new Dictionary<string, string>
        {
            ["Input.MunicipalityId"] = Id(Directory.District.Id),
            ["Input.Email"] = "new.coordinator@district.example.ru",
            // A forged post names a role: the operator's page has none, the role is the invitation's.
            ["Input.Role"] = Roles.Operator,
        });

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/Operator/Invitations", sent.RedirectPath());
        var mail = Assert.Single((await factory.SentMailsAsync()).Skip(mails));
        Assert.Equal("new.coordinator@district.example.ru", mail.To.Trim('<', '>'));
        Assert.Contains("Роль: Координатор по аттестации по муниципальному образованию", mail.PlainText, StringComparison.Ordinal);
        Assert.Contains("Муниципальное образование: Томский район", mail.PlainText, StringComparison.Ordinal);
        Assert.Contains("попросите оператора ЦОПМиКП прислать новое приглашение", mail.PlainText, StringComparison.Ordinal);
        await using (var db = factory.OpenDb())
        {
            var stored = await db.Invitations.AsNoTracking().SingleAsync(i => i.Email == "new.coordinator@district.example.ru");
            Assert.Equal((Roles.MunicipalCoordinator, Directory.District.Id, (int?)null, @operator.Id),
                (stored.Role, stored.MunicipalityId, stored.OrganisationId, stored.InvitedBy));
        }

        var link = PlainLink(mail);
        using var invitee = factory.CreatePortalClient();
        var registration = await invitee.GetDocumentAsync(link);
        Assert.Equal("Координатор по аттестации по муниципальному образованию", Text(registration.QuerySelector("#role")!));
        Assert.Equal("Томский район", Text(registration.QuerySelector("#municipality")!));
        Assert.StartsWith("Оператор ЦОПМиКП пригласил вас", Text(registration.QuerySelector("main p.text-muted")!), StringComparison.Ordinal);
        Assert.Null(registration.QuerySelector("select[name='Input.OrganisationId']"));

        // The work phone is printed in the schedule: it is asked for.
        var values = CoordinatorForm("oi.new.coordinator");
        values.Remove("Input.WorkPhone");
        using var withoutPhone = await invitee.SubmitFormAsync(registration, link, values);
        Assert.Equal("Укажите рабочий телефон: он печатается в графике аттестации.",
            (await withoutPhone.ReadDocumentAsync()).FieldError("Input.WorkPhone"));

        values = CoordinatorForm("oi.new.coordinator");
        // Forged: another municipality, a school, another role.
        values["Input.MunicipalityId"] = Id(Directory.Tomsk.Id);
        values["Input.OrganisationId"] = Id(Directory.Lyceum.Id);
        values["Input.Role"] = Roles.Operator;
        using var registered = await invitee.SubmitFormAsync(link, values);

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/Municipality", registered.RedirectPath());
        var (user, roles) = await FindUserAsync("oi.new.coordinator");
        Assert.Equal([Roles.MunicipalCoordinator], roles);
        Assert.Equal((Directory.District.Id, (int?)null, "+7 (38222) 2-11-33"), (user!.MunicipalityId, user.OrganisationId, user.WorkPhone));
        Assert.Equal(("Громова", "Наталья", "Викторовна"), (user.LastName, user.FirstName, user.MiddleName));

        // Signed in by the registration, in the cabinet of his municipality.
        var cabinet = await invitee.GetDocumentAsync("/Municipality");
        Assert.Contains("Томский район", cabinet.QuerySelector("main p.text-muted")!.TextContent, StringComparison.Ordinal);

        // The operator's list: the login, the municipality, the state.
        var list = await client.GetDocumentAsync("/Operator/Invitations");
        var row = list.QuerySelectorAll("#invitations tbody tr").Single(r => r.TextContent.Contains("new.coordinator@district.example.ru", StringComparison.Ordinal));
        var cells = row.QuerySelectorAll("td").Select(Text).ToList();
        Assert.Equal(["oi.new.coordinator", "new.coordinator@district.example.ru", "Громова", "Наталья", "Викторовна",
            "Координатор по аттестации по муниципальному образованию", "Томский район"], cells.Take(7));
        Assert.Equal(nameof(InvitationState.Accepted), row.GetAttribute("data-state"));
    }

    [Fact]
    public async Task A_municipal_coordinator_cannot_invite_a_municipal_coordinator_whatever_the_form_sends()
    {
        using var coordinator = await Coordinators.SignedInAsync(factory, "oi.coord", Directory.Tomsk.Id);
        var form = await coordinator.GetDocumentAsync("/Municipality/Invitations/Create");
        Assert.DoesNotContain(Roles.MunicipalCoordinator, form.QuerySelectorAll("input[name='Input.Role']").Select(r => r.GetAttribute("value")));
        var mails = (await factory.SentMailsAsync()).Count;

        foreach (var role in new[] { Roles.MunicipalCoordinator, Roles.Operator })
        {
            using var forged = await coordinator.SubmitFormAsync(form, "/Municipality/Invitations/Create", new Dictionary<string, string>
            {
                ["Input.Role"] = role,
                ["Input.Email"] = "colleague@example.org",
            });

            Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
            var page = await forged.ReadDocumentAsync();
            Assert.Equal("Выберите роль: специалист по аттестации или координатор по аттестации в ОО.", page.FieldError("Input.Role"));
            Assert.Equal("colleague@example.org", page.FieldValue("Input.Email"));
        }
        using var operatorPage = await coordinator.GetAsync("/Operator/Invitations/Create");

        Assert.Equal(HttpStatusCode.Forbidden, operatorPage.StatusCode);
        Assert.Equal(mails, (await factory.SentMailsAsync()).Count);
        Assert.Equal(0, await _desk.CountAsync(db => db.Invitations.Where(i => i.Email == "colleague@example.org")));
        // The rule holds below the pages too.
        Assert.Throws<ArgumentOutOfRangeException>(() => Invitation.Create("colleague@example.org", Roles.MunicipalCoordinator,
            Directory.Tomsk.Id, null, new Actor(Guid.NewGuid(), Roles.MunicipalCoordinator), _desk.Now, TimeSpan.FromDays(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Invitation.Create("expert@example.org", Roles.Expert,
            Directory.Tomsk.Id, null, new Actor(Guid.NewGuid(), Roles.Operator), _desk.Now, TimeSpan.FromDays(1)));
    }

    [Fact]
    public async Task The_operator_chooses_a_municipality_of_the_list_and_an_address_without_an_account()
    {
        await factory.CreateUserAsync(Roles.Expert, "oi.existing", user => user.Email = "existing.coordinator@example.org");
        await _desk.CreateOperatorAsync("oi.fields.operator");
        using var client = await factory.SignInAsync("oi.fields.operator");
        var mails = (await factory.SentMailsAsync()).Count;

        using var none = await client.SubmitFormAsync("/Operator/Invitations/Create", new Dictionary<string, string>
        {
            ["Input.Email"] = "fields@example.org",
            ["Input.Message"] = "Набранный текст письма",
        });
        using var unknown = await client.SubmitFormAsync("/Operator/Invitations/Create", new Dictionary<string, string>
        {
            ["Input.MunicipalityId"] = "999999",
            ["Input.Email"] = "fields@example.org",
        });
        using var existing = await client.SubmitFormAsync("/Operator/Invitations/Create", new Dictionary<string, string>
        {
            ["Input.MunicipalityId"] = Id(Directory.Tomsk.Id),
            ["Input.Email"] = "Existing.Coordinator@example.org",
        });

        var nonePage = await none.ReadDocumentAsync();
        Assert.Equal("Выберите муниципальное образование координатора.", nonePage.FieldError("Input.MunicipalityId"));
        Assert.Equal("fields@example.org", nonePage.FieldValue("Input.Email"));
        Assert.Equal("Набранный текст письма", nonePage.FieldValue("Input.Message"));
        Assert.Equal("Выберите муниципальное образование из списка.", (await unknown.ReadDocumentAsync()).FieldError("Input.MunicipalityId"));
        Assert.Equal("Адрес «Existing.Coordinator@example.org» уже зарегистрирован в системе: приглашение не нужно.",
            (await existing.ReadDocumentAsync()).FieldError("Input.Email"));
        Assert.Equal(mails, (await factory.SentMailsAsync()).Count);
    }

    [Fact]
    public async Task A_used_or_expired_link_of_the_operator_is_refused_and_names_the_operator()
    {
        var used = await InviteAsync("oi.used.operator", "used.coordinator@example.org");
        var expired = await InviteAsync("oi.expired.operator", "expired.coordinator@example.org");
        // Both forms are open before anything happens to the links.
        using var again = factory.CreatePortalClient();
        var againForm = await again.GetDocumentAsync(used);
        using var late = factory.CreatePortalClient();
        var lateForm = await late.GetDocumentAsync(expired);
        using (var first = factory.CreatePortalClient())
            Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitFormAsync(used, CoordinatorForm("oi.used.first"))).StatusCode);

        using var usedAgain = await again.SubmitFormAsync(againForm, used, CoordinatorForm("oi.used.second"));

        Assert.Equal(HttpStatusCode.Gone, usedAgain.StatusCode);
        var usedPage = await usedAgain.ReadDocumentAsync();
        Assert.Equal("Приглашение уже использовано", usedPage.Heading());
        Assert.Contains("обратитесь к оператору ЦОПМиКП", usedPage.QuerySelector("#problem")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await FindUserAsync("oi.used.second")).User);

        factory.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
        using var expiredPost = await late.SubmitFormAsync(lateForm, expired, CoordinatorForm("oi.expired.user"));

        Assert.Equal(HttpStatusCode.Gone, expiredPost.StatusCode);
        var expiredPage = await expiredPost.ReadDocumentAsync();
        Assert.Equal("Срок действия приглашения истёк", expiredPage.Heading());
        Assert.Contains("Попросите оператора ЦОПМиКП", expiredPage.QuerySelector("#problem")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await FindUserAsync("oi.expired.user")).User);

        await _desk.CreateOperatorAsync("oi.list.operator");
        using var client = await factory.SignInAsync("oi.list.operator");
        var list = await client.GetDocumentAsync("/Operator/Invitations");
        Assert.Equal(nameof(InvitationState.Expired), list.QuerySelectorAll("#invitations tbody tr")
            .Single(r => r.TextContent.Contains("expired.coordinator@example.org", StringComparison.Ordinal)).GetAttribute("data-state"));
    }

    [Fact]
    public async Task The_municipal_list_keeps_to_its_own_invitations_and_the_operator_list_to_coordinators()
    {
        await InviteAsync("oi.lists.operator", "lists.coordinator@example.org", Directory.Tomsk.Id);
        using var coordinator = await Coordinators.SignedInAsync(factory, "oi.lists.coord", Directory.Tomsk.Id);
        (await coordinator.SubmitFormAsync("/Municipality/Invitations/Create",
            new Dictionary<string, string> { ["Input.Email"] = "lists.expert@example.org" })).Dispose();
        using var @operator = await factory.SignInAsync("oi.lists.operator");

        var municipal = (await coordinator.GetDocumentAsync("/Municipality/Invitations")).QuerySelector("#invitations")!.TextContent;
        var regional = (await @operator.GetDocumentAsync("/Operator/Invitations")).QuerySelector("#invitations")!.TextContent;

        Assert.Contains("lists.expert@example.org", municipal, StringComparison.Ordinal);
        Assert.DoesNotContain("lists.coordinator@example.org", municipal, StringComparison.Ordinal);
        Assert.Contains("lists.coordinator@example.org", regional, StringComparison.Ordinal);
        Assert.DoesNotContain("lists.expert@example.org", regional, StringComparison.Ordinal);
    }

    /// <summary>An operator invites a coordinator of <paramref name="municipalityId"/> (the district by default); the link's path and query.</summary>
    private async Task<string> InviteAsync(string operatorLogin, string email, int? municipalityId = null)
    {
        await _desk.CreateOperatorAsync(operatorLogin);
        using var client = await factory.SignInAsync(operatorLogin);
        var mails = (await factory.SentMailsAsync()).Count;
        using var response = await client.SubmitFormAsync("/Operator/Invitations/Create", new Dictionary<string, string>
        {
            ["Input.MunicipalityId"] = Id(municipalityId ?? Directory.District.Id),
            ["Input.Email"] = email,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return PlainLink(Assert.Single((await factory.SentMailsAsync()).Skip(mails)));
    }

    private static Dictionary<string, string> CoordinatorForm(string login) => new()
    {
        ["Input.LastName"] = "громова",
        ["Input.FirstName"] = "Наталья",
        ["Input.MiddleName"] = "Викторовна",
        ["Input.Phone"] = "+7 913 555-44-33",
        ["Input.WorkPhone"] = "+7 (38222) 2-11-33",
        ["Input.Login"] = login,
        ["Input.Password"] = NewPassword,
        ["Input.ConfirmPassword"] = NewPassword,
        ["Input.PersonalDataConsent"] = "true",
    };

    private Task<(AppUser? User, IList<string> Roles)> FindUserAsync(string login) =>
        factory.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByNameAsync(login);
            return (user, user is null ? [] : await users.GetRolesAsync(user));
        });

    private static string PlainLink(SentMail mail) => new Uri(LinkPattern().Match(mail.PlainText).Value).PathAndQuery;

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
