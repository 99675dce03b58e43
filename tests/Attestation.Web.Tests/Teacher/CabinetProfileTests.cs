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
    private const string GenitiveForm = "main form[action$='handler=Genitive']";

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
    public async Task A_profile_form_from_an_older_tab_is_refused_and_keeps_what_was_typed()
    {
        var teacher = await _cabinet.CreateTeacherAsync("cabinet.tabs");
        using var client = await factory.SignInAsync("cabinet.tabs");
        var older = await client.GetDocumentAsync(ProfileUrl);
        using (var newer = await client.SubmitFormAsync(ProfileUrl,
                   new Dictionary<string, string> { ["Input.Phone"] = "+7 913 111-11-11" }, ProfileForm, submitter: "save-profile"))
            Assert.Equal(HttpStatusCode.Redirect, newer.StatusCode);

        using var refused = await client.SubmitFormAsync(older, ProfileUrl,
            new Dictionary<string, string> { ["Input.LastName"] = "Смирнова" }, ProfileForm, submitter: "save-profile");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ReadDocumentAsync();
        Assert.Contains("Профиль изменили, пока вы его редактировали", string.Join(" ", page.SummaryErrors()), StringComparison.Ordinal);
        Assert.Equal("Смирнова", page.FieldValue("Input.LastName"));
        await using (var db = factory.OpenDb())
        {
            var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == teacher.Id);
            Assert.Equal(("Проверкина", "+7 913 111-11-11"), (stored.LastName, stored.PhoneNumber));
        }

        // Sent again from the page that told him, the older tab's values are saved knowingly.
        using (var again = await client.SubmitFormAsync(page, ProfileUrl, new Dictionary<string, string>(), ProfileForm, submitter: "save-profile"))
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await using (var db = factory.OpenDb())
            Assert.Equal("Смирнова", (await db.Users.AsNoTracking().SingleAsync(u => u.Id == teacher.Id)).LastName);
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

    [Fact]
    public async Task A_category_decided_by_an_order_dated_in_the_future_is_refused_and_the_fields_are_kept()
    {
        var teacher = await _cabinet.CreateTeacherAsync("cabinet.category.order2030");
        using var client = await factory.SignInAsync("cabinet.category.order2030");
        var future = new DateOnly(_cabinet.Today.Year + 4, 3, 16).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var response = await client.SubmitFormAsync(ProfileUrl, new Dictionary<string, string>
        {
            ["Category.Kind"] = nameof(QualificationCategory.Highest),
            ["Category.PositionName"] = "учитель",
            ["Category.SetOn"] = _cabinet.Today.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Category.DecisionNumber"] = "2030-р",
            ["Category.DecisionDate"] = future,
        }, CategoryForm, submitter: "add-category");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Дата распоряжения не может быть в будущем.", page.FieldError("Category.DecisionDate"));
        Assert.Equal("2030-р", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name='Category.DecisionNumber']")!).Value);
        await using var db = factory.OpenDb();
        Assert.False(await db.HeldCategories.AnyAsync(c => c.TeacherId == teacher.Id));
    }

    [Fact]
    public async Task The_profile_shows_the_name_as_the_documents_decline_it()
    {
        await _cabinet.CreateTeacherAsync("cabinet.genitive.show", user => user.LastName = "Шевчук");
        using var client = await factory.SignInAsync("cabinet.genitive.show");

        var page = await client.GetDocumentAsync(ProfileUrl);

        Assert.Equal("Шевчук Анны Сергеевны", page.QuerySelector("#printed-genitive")!.TextContent.Trim());
        Assert.Equal("Шевчук Анны Сергеевны", page.FieldValue("Genitive.FullName"));
        Assert.Null(page.QuerySelector("#reset-genitive"));
    }

    [Fact]
    public async Task A_corrected_genitive_is_kept_with_the_name_it_was_written_for()
    {
        var teacher = await _cabinet.CreateTeacherAsync("cabinet.genitive.save", user => user.LastName = "Калина");
        using var client = await factory.SignInAsync("cabinet.genitive.save");

        using var response = await client.SubmitFormAsync(ProfileUrl,
            new Dictionary<string, string> { ["Genitive.FullName"] = "  Калины   Анны Сергеевны " }, GenitiveForm, submitter: "save-genitive");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using (var db = factory.OpenDb())
        {
            var saved = await db.Users.AsNoTracking().SingleAsync(u => u.Id == teacher.Id);
            Assert.Equal(("Калины Анны Сергеевны", "Калина Анна Сергеевна"), (saved.GenitiveFullName, saved.GenitiveFullNameFor));
        }
        var page = await client.GetDocumentAsync(ProfileUrl);
        Assert.Equal("Имя в родительном падеже сохранено: документы напечатают «от Калины Анны Сергеевны».", StatusMessage(page));
        Assert.Equal("Калины Анны Сергеевны", page.QuerySelector("#printed-genitive")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#reset-genitive"));
    }

    [Theory]
    [InlineData("Kalina Anna", "Используйте русские буквы (допускаются дефис и пробел).")]
    [InlineData("Калины Анны 2", "Используйте русские буквы (допускаются дефис и пробел).")]
    [InlineData("", "Укажите фамилию, имя и отчество в родительном падеже.")]
    public async Task A_wrong_genitive_is_refused_next_to_the_field_and_what_was_typed_stays(string typed, string error)
    {
        var login = "cabinet.genitive.wrong." + typed.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var teacher = await _cabinet.CreateTeacherAsync(login);
        using var client = await factory.SignInAsync(login);

        using var response = await client.SubmitFormAsync(ProfileUrl,
            new Dictionary<string, string> { ["Genitive.FullName"] = typed }, GenitiveForm, submitter: "save-genitive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(error, page.FieldError("Genitive.FullName"));
        Assert.Equal(typed, page.FieldValue("Genitive.FullName"));
        // The other forms are shown as saved, not emptied.
        Assert.Equal("Проверкина", page.FieldValue("Input.LastName"));
        await using var db = factory.OpenDb();
        Assert.Null(await db.Users.Where(u => u.Id == teacher.Id).Select(u => u.GenitiveFullName).SingleAsync());
    }

    [Fact]
    public async Task A_genitive_longer_than_the_limit_is_refused()
    {
        await _cabinet.CreateTeacherAsync("cabinet.genitive.long");
        using var client = await factory.SignInAsync("cabinet.genitive.long");
        var typed = string.Join(" ", Enumerable.Repeat("Проверкиной", 20));

        using var response = await client.SubmitFormAsync(ProfileUrl,
            new Dictionary<string, string> { ["Genitive.FullName"] = typed }, GenitiveForm, submitter: "save-genitive");

        var page = await response.ReadDocumentAsync();
        Assert.Equal("Не более 200 символов.", page.FieldError("Genitive.FullName"));
        Assert.Equal(typed, page.FieldValue("Genitive.FullName"));
    }

    [Fact]
    public async Task After_a_change_of_name_the_old_correction_is_not_shown_as_the_printed_form()
    {
        await _cabinet.CreateTeacherAsync("cabinet.genitive.renamed", user => user.LastName = "Калина");
        using var client = await factory.SignInAsync("cabinet.genitive.renamed");
        using (var saved = await client.SubmitFormAsync(ProfileUrl,
            new Dictionary<string, string> { ["Genitive.FullName"] = "Калины Анны Сергеевны" }, GenitiveForm, submitter: "save-genitive"))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using (var renamed = await client.SubmitFormAsync(ProfileUrl,
            new Dictionary<string, string> { ["Input.LastName"] = "Соколова" }, ProfileForm, submitter: "save-profile"))
            Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);

        var page = await client.GetDocumentAsync(ProfileUrl);
        Assert.Equal("Соколовой Анны Сергеевны", page.QuerySelector("#printed-genitive")!.TextContent.Trim());
        Assert.Equal("Соколовой Анны Сергеевны", page.FieldValue("Genitive.FullName"));
        Assert.Contains("«Калина Анна Сергеевна»", page.QuerySelector("#stale-genitive")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rules_can_be_brought_back()
    {
        var teacher = await _cabinet.CreateTeacherAsync("cabinet.genitive.reset", user => user.LastName = "Калина");
        using var client = await factory.SignInAsync("cabinet.genitive.reset");
        using (var saved = await client.SubmitFormAsync(ProfileUrl,
            new Dictionary<string, string> { ["Genitive.FullName"] = "Калины Анны Сергеевны" }, GenitiveForm, submitter: "save-genitive"))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var reset = await client.SubmitFormAsync(ProfileUrl, new Dictionary<string, string>(), GenitiveForm, submitter: "reset-genitive");

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await using var db = factory.OpenDb();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == teacher.Id);
        Assert.Equal((null, null), (user.GenitiveFullName, user.GenitiveFullNameFor));
        var page = await client.GetDocumentAsync(ProfileUrl);
        Assert.Equal("Калиной Анны Сергеевны", page.QuerySelector("#printed-genitive")!.TextContent.Trim());
    }

    private static string NavigationName(AngleSharp.Dom.IParentNode page) =>
        page.QuerySelector("header .navbar-nav span.nav-link")!.TextContent.Trim();
}
