using System.Net;
using Attestation.Testing;
using Attestation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Tests.Municipality.Profile;

public sealed class ProfileTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private const string Url = "/Municipality/Profile";

    [Fact]
    public async Task The_profile_shows_the_coordinators_details_the_municipality_and_the_public_schedule_warning()
    {
        using var client = await Coordinators.SignedInAsync(factory, "prof.show.coord", factory.Directory.Tomsk.Id);

        var page = await client.GetDocumentAsync(Url);

        Assert.Equal("Личный кабинет", page.Heading());
        Assert.Equal("Лебедева", page.FieldValue("Input.LastName"));
        Assert.Equal("Олеся", page.FieldValue("Input.FirstName"));
        Assert.Equal("Игоревна", page.FieldValue("Input.MiddleName"));
        Assert.Equal("prof.show.coord@example.org", page.FieldValue("Input.Email"));
        Assert.Equal(Coordinators.WorkPhone, page.FieldValue("Input.WorkPhone"));
        Assert.Equal("Город Томск", page.QuerySelector("#municipality")!.GetAttribute("value"));
        Assert.True(page.QuerySelector("#municipality")!.HasAttribute("disabled"));
        Assert.Contains("Номер телефона должен быть рабочий, так как он отражается в графике, а графики размещаются в открытом доступе",
            page.QuerySelector("#work-phone-warning")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coordinator_changes_the_name_email_and_work_phone_and_the_navigation_follows()
    {
        var coordinator = await Coordinators.CoordinatorAsync(factory, "prof.edit.coord", factory.Directory.Tomsk.Id);
        using var client = await factory.SignInAsync("prof.edit.coord");

        using var response = await client.SubmitFormAsync(Url, new Dictionary<string, string>
        {
            ["Input.LastName"] = "пичугина",
            ["Input.FirstName"] = "олеся",
            ["Input.MiddleName"] = "владимировна",
            ["Input.Email"] = "gabota@edu.tomsk.example",
            ["Input.WorkPhone"] = " +7 (3822)  51-25-30 ",
            ["Input.Phone"] = "",
            // Not a field of the form: a forged post cannot move the coordinator to another municipality.
            ["Input.MunicipalityId"] = factory.Directory.District.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MunicipalityId"] = factory.Directory.District.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Url, response.RedirectPath());
        await using var db = factory.OpenDb();
        var saved = await db.Users.AsNoTracking().SingleAsync(u => u.Id == coordinator.Id);
        Assert.Equal(("Пичугина", "Олеся", "Владимировна"), (saved.LastName, saved.FirstName, saved.MiddleName));
        Assert.Equal("gabota@edu.tomsk.example", saved.Email);
        Assert.Equal("+7 (3822) 51-25-30", saved.WorkPhone);
        Assert.Null(saved.PhoneNumber);
        Assert.Equal(factory.Directory.Tomsk.Id, saved.MunicipalityId);
        var page = await client.GetDocumentAsync(Url);
        Assert.Equal("Личные сведения сохранены.", page.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Contains("Пичугина О. В.", page.QuerySelector("nav")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_latin_name_and_a_missing_work_phone_are_refused_in_russian()
    {
        using var client = await Coordinators.SignedInAsync(factory, "prof.bad.coord", factory.Directory.Tomsk.Id);

        using var response = await client.SubmitFormAsync(Url, new Dictionary<string, string>
        {
            ["Input.LastName"] = "Lebedeva",
            ["Input.WorkPhone"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Input.LastName"] = "Используйте русские буквы (допускаются дефис и пробел).",
                ["Input.WorkPhone"] = "Укажите рабочий номер телефона: он печатается в графике.",
            },
            (await response.ReadDocumentAsync()).FieldErrors());
    }

    [Fact]
    public async Task A_form_older_than_the_last_save_is_refused_and_keeps_what_was_typed()
    {
        var coordinator = await Coordinators.CoordinatorAsync(factory, "prof.stale.coord", factory.Directory.Tomsk.Id);
        using var client = await factory.SignInAsync("prof.stale.coord");
        var older = await client.GetDocumentAsync(Url);
        using var first = await client.SubmitFormAsync(Url, new Dictionary<string, string> { ["Input.Phone"] = "+7 913 222-22-22" });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        using var stale = await client.SubmitFormAsync(older, Url, new Dictionary<string, string> { ["Input.LastName"] = "Пичугина" });

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await stale.ReadDocumentAsync();
        Assert.Contains(Web.Infrastructure.AccountVersions.EditedMeanwhile, page.QuerySelector("[role=alert]")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal("Пичугина", page.FieldValue("Input.LastName"));
        await using var db = factory.OpenDb();
        var saved = await db.Users.AsNoTracking().SingleAsync(u => u.Id == coordinator.Id);
        Assert.Equal(("Лебедева", "+7 913 222-22-22"), (saved.LastName, saved.PhoneNumber));
    }

    [Fact]
    public async Task Another_users_email_is_refused()
    {
        await factory.CreateUserAsync(Web.Authorization.Roles.Expert, "prof.taken.owner", u => u.Email = "taken@example.org");
        using var client = await Coordinators.SignedInAsync(factory, "prof.taken.coord", factory.Directory.Tomsk.Id);

        using var response = await client.SubmitFormAsync(Url, new Dictionary<string, string> { ["Input.Email"] = "taken@example.org" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Адрес «taken@example.org» уже зарегистрирован в системе.",
            (await response.ReadDocumentAsync()).FieldError("Input.Email"));
    }

    [Fact]
    public async Task The_navigation_of_the_coordinator_has_the_seeds_tabs()
    {
        using var client = await Coordinators.SignedInAsync(factory, "prof.nav.coord", factory.Directory.Tomsk.Id);

        var page = await client.GetDocumentAsync("/Municipality");

        // The bell is no tab of the seed's: it sits with the name on the right, on every page.
        var links = page.QuerySelectorAll("nav a.nav-link:not(#bell):not(#help-link)").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Equal("/Notifications", page.QuerySelector("nav a#bell")?.GetAttribute("href"));
        Assert.Equal("/Help", page.QuerySelector("nav a#help-link")?.GetAttribute("href"));
        Assert.Equal(
            [
                ("Главная", "/Municipality"), ("Личный кабинет", "/Municipality/Profile"),
                ("Работа с заявлениями", "/Municipality/Work"), ("Приглашение", "/Municipality/Invitations"),
                ("Пользователи", "/Municipality/Users"), ("Мониторинг", "/Municipality/Monitoring"),
            ],
            links.Where(l => l.Item1 != "Аттестация"));
        Assert.NotNull(page.QuerySelector("nav form button"));
    }
}
