using System.Net;
using Attestation.Domain.Categories;
using Attestation.Testing;
using Microsoft.EntityFrameworkCore;
using static Attestation.Web.Tests.Teacher.TeacherCabinet;

namespace Attestation.Web.Tests.Teacher;

/// <summary>«Личный кабинет» of a teacher: his name, contacts, workplace and the categories he holds.</summary>
public sealed class CabinetProfileTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private const string ProfileForm = "main form[method=post]";
    private const string CategoryForm = "main form[action$='handler=AddCategory']";

    private readonly TeacherCabinet _cabinet = new(factory);

    private TestDirectory Directory => factory.Directory;

    [Fact]
    public async Task The_profile_shows_what_the_teacher_registered_with()
    {
        await _cabinet.CreateTeacherAsync("cabinet.show");
        using var client = await factory.SignInAsync("cabinet.show");

        var page = await client.GetDocumentAsync(ProfileUrl);

        Assert.Equal("Проверкина", page.FieldValue("Input.LastName"));
        Assert.Equal("cabinet.show@example.org", page.FieldValue("Input.Email"));
        Assert.Equal("+7 913 000-00-00", page.FieldValue("Input.Phone"));
        Assert.Equal(Number(Directory.Tomsk.Id), page.FieldValue("Input.MunicipalityId"));
        Assert.Equal(Number(Directory.Lyceum.Id), page.FieldValue("Input.OrganisationId"));
        Assert.Equal("Проверкина А. С.", NavigationName(page));
    }

    [Fact]
    public async Task Editing_the_name_phone_and_organisation_is_saved_and_the_navigation_shows_the_new_short_name()
    {
        var teacher = await _cabinet.CreateTeacherAsync("cabinet.edit");
        using var client = await factory.SignInAsync("cabinet.edit");

        using var response = await client.SubmitFormAsync(ProfileUrl, new Dictionary<string, string>
        {
            ["Input.LastName"] = "  иванова-петрова ",
            ["Input.FirstName"] = "мария",
            ["Input.MiddleName"] = "",
            ["Input.Phone"] = "+7 (3822) 55-44-33",
            ["Input.OrganisationId"] = Number(Directory.Gymnasium.Id),
            ["Input.SubjectId"] = Number(Directory.Physics.Id),
        }, ProfileForm, submitter: "save-profile");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ProfileUrl, response.RedirectPath());
        await using (var db = factory.OpenDb())
        {
            var saved = await db.Users.AsNoTracking().SingleAsync(u => u.Id == teacher.Id);
            Assert.Equal(("Иванова-Петрова", "Мария", (string?)null), (saved.LastName, saved.FirstName, saved.MiddleName));
            Assert.Equal("+7 (3822) 55-44-33", saved.PhoneNumber);
            Assert.Equal(Directory.Gymnasium.Id, saved.OrganisationId);
            Assert.Equal(Directory.Physics.Id, saved.SubjectId);
        }
        var page = await client.GetDocumentAsync(ProfileUrl);
        Assert.Equal("Профиль сохранён.", StatusMessage(page));
        Assert.Equal("Иванова-Петрова М.", NavigationName(page));
        // The next application starts from the new profile.
        var application = await client.GetDocumentAsync(NewApplicationUrl);
        Assert.Equal("Иванова-Петрова", application.FieldValue("Input.LastName"));
        Assert.Equal(Number(Directory.Gymnasium.Id), application.FieldValue("Input.OrganisationId"));
    }

    [Theory]
    [InlineData("of another municipality")]
    [InlineData("closed")]
    public async Task An_organisation_outside_the_chosen_municipality_in_a_forged_post_is_refused(string organisation)
    {
        var login = "cabinet.forged." + organisation.Replace(' ', '.');
        var teacher = await _cabinet.CreateTeacherAsync(login);
        using var client = await factory.SignInAsync(login);
        var organisationId = organisation == "closed" ? Directory.ClosedSchool.Id : Directory.VillageSchool.Id;
        var municipalityId = organisation == "closed" ? Directory.District.Id : Directory.Tomsk.Id;

        using var response = await client.SubmitFormAsync(ProfileUrl, new Dictionary<string, string>
        {
            ["Input.MunicipalityId"] = Number(municipalityId),
            ["Input.OrganisationId"] = Number(organisationId),
            ["Input.Phone"] = "+7 913 999-99-99",
        }, ProfileForm, submitter: "save-profile");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Выберите образовательную организацию выбранного муниципалитета.", page.FieldError("Input.OrganisationId"));
        Assert.Equal("+7 913 999-99-99", page.FieldValue("Input.Phone"));
        await using var db = factory.OpenDb();
        var saved = await db.Users.AsNoTracking().SingleAsync(u => u.Id == teacher.Id);
        Assert.Equal((Directory.Tomsk.Id, Directory.Lyceum.Id, "+7 913 000-00-00"),
            (saved.MunicipalityId!.Value, saved.OrganisationId!.Value, saved.PhoneNumber));
    }

    [Fact]
    public async Task A_wrong_name_is_refused_next_to_the_field()
    {
        var teacher = await _cabinet.CreateTeacherAsync("cabinet.latin");
        using var client = await factory.SignInAsync("cabinet.latin");

        using var response = await client.SubmitFormAsync(ProfileUrl,
            new Dictionary<string, string> { ["Input.LastName"] = "Ivanova" }, ProfileForm, submitter: "save-profile");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Используйте русские буквы (допускаются дефис и пробел).", page.FieldError("Input.LastName"));
        Assert.Equal("Ivanova", page.FieldValue("Input.LastName"));
        await using var db = factory.OpenDb();
        Assert.Equal("Проверкина", await db.Users.Where(u => u.Id == teacher.Id).Select(u => u.LastName).SingleAsync());
    }

    [Fact]
    public async Task A_category_held_is_added_and_listed()
    {
        var teacher = await _cabinet.CreateTeacherAsync("cabinet.category");
        using var client = await factory.SignInAsync("cabinet.category");

        using var response = await client.SubmitFormAsync(ProfileUrl, new Dictionary<string, string>
        {
            ["Category.Kind"] = nameof(QualificationCategory.First),
            ["Category.PositionName"] = "учитель",
            ["Category.SetOn"] = "2021-11-02",
            ["Category.DecisionNumber"] = "1234-р",
            ["Category.DecisionDate"] = "2021-11-02",
        }, CategoryForm, submitter: "add-category");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using (var db = factory.OpenDb())
        {
            var held = await db.HeldCategories.AsNoTracking().SingleAsync(c => c.TeacherId == teacher.Id);
            Assert.Equal(QualificationCategory.First, held.Category);
            // Set before 01.09.2023: a legacy five-year term.
            Assert.Equal(new DateOnly(2026, 11, 2), held.ExpiresOn);
        }
        var page = await client.GetDocumentAsync(ProfileUrl);
        Assert.Equal(["первая", "учитель", "02.11.2021", "02.11.2026", "№ 1234-р от 02.11.2021"],
            page.QuerySelectorAll("#categories tbody td").Select(td => td.TextContent.Trim()));
    }

    [Fact]
    public async Task A_category_set_in_the_future_is_refused()
    {
        var teacher = await _cabinet.CreateTeacherAsync("cabinet.category.future");
        using var client = await factory.SignInAsync("cabinet.category.future");

        using var response = await client.SubmitFormAsync(ProfileUrl, new Dictionary<string, string>
        {
            ["Category.Kind"] = nameof(QualificationCategory.Highest),
            ["Category.PositionName"] = "учитель",
            ["Category.SetOn"] = _cabinet.Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, CategoryForm, submitter: "add-category");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Дата установления не может быть в будущем.",
            (await response.ReadDocumentAsync()).FieldError("Category.SetOn"));
        await using var db = factory.OpenDb();
        Assert.False(await db.HeldCategories.AnyAsync(c => c.TeacherId == teacher.Id));
    }

    private static string NavigationName(AngleSharp.Dom.IParentNode page) =>
        page.QuerySelector("header .navbar-nav span.nav-link")!.TextContent.Trim();
}
