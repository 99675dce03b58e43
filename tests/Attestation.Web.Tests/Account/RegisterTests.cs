using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Attestation.Web.Tests.Account;

public sealed class RegisterTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private const string Url = "/Account/Register";
    private const string NewPassword = "Лес-река-гора-2026";

    /// <summary>The fields whose typed value must survive a refused post (passwords are never sent back).</summary>
    private static readonly string[] KeptFields =
    [
        "Input.LastName", "Input.FirstName", "Input.MiddleName", "Input.Login", "Input.Email", "Input.Phone",
        "Input.MunicipalityId", "Input.OrganisationId", "Input.PositionId", "Input.SubjectId",
    ];

    private TestDirectory Directory => factory.Directory;

    [Fact]
    public async Task Teacher_registers_with_normalised_name_and_lands_signed_in_on_the_teacher_page()
    {
        using var client = factory.CreatePortalClient();
        var form = ValidForm("reg.success");
        form["Input.LastName"] = "  иванова-ПЕТРОВА ";
        form["Input.FirstName"] = "анна";
        form["Input.MiddleName"] = "сергеевна";
        form["Input.Phone"] = " +7 913  123-45-67 ";
        form["Input.MunicipalityId"] = Id(Directory.District.Id);
        form["Input.OrganisationId"] = Id(Directory.VillageSchool.Id);
        form["Input.PositionId"] = Id(Directory.Methodist.Id);
        form["Input.SubjectId"] = Id(Directory.Physics.Id);

        using var response = await client.SubmitFormAsync(Url, form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Teacher", response.RedirectPath());
        using var home = await client.GetAsync("/Teacher");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        var (user, roles) = await FindUserAsync("reg.success");
        Assert.NotNull(user);
        Assert.Equal("Иванова-Петрова", user.LastName);
        Assert.Equal("Анна", user.FirstName);
        Assert.Equal("Сергеевна", user.MiddleName);
        Assert.Equal("reg.success@example.org", user.Email);
        Assert.Equal("+7 913 123-45-67", user.PhoneNumber);
        Assert.Equal(Directory.District.Id, user.MunicipalityId);
        Assert.Equal(Directory.VillageSchool.Id, user.OrganisationId);
        Assert.Equal(Directory.Methodist.Id, user.PositionId);
        Assert.Equal(Directory.Physics.Id, user.SubjectId);
        Assert.Equal(factory.Clock.GetUtcNow(), user.CreatedAt, TimeSpan.FromSeconds(1));
        Assert.Equal([Roles.Teacher], roles);
    }

    [Theory]
    [InlineData("Input.LastName", "Ivanova", "Используйте русские буквы (допускаются дефис и пробел).")]
    [InlineData("Input.FirstName", "Анна1", "Используйте русские буквы (допускаются дефис и пробел).")]
    [InlineData("Input.Email", "anna.example.org", "Адрес электронной почты указан неверно.")]
    [InlineData("Input.Phone", "позвоните мне", "Укажите телефон цифрами, например +7 913 123-45-67.")]
    [InlineData("Input.Login", "ан", "Логин: от 3 до 40 латинских букв, цифр, точек, дефисов или подчёркиваний.")]
    [InlineData("Input.Password", "Девять-99", "Пароль должен содержать не менее 12 символов.")]
    [InlineData("Input.ConfirmPassword", "Лес-река-гора-2027", "Пароли не совпадают.")]
    [InlineData("Input.PersonalDataConsent", "false", "Без согласия на обработку персональных данных регистрация невозможна.")]
    public async Task A_wrong_field_is_refused_in_russian_next_to_it_and_the_typed_values_stay(
        string field, string value, string message)
    {
        var login = "reg.bad." + field[6..].ToLowerInvariant();
        using var client = factory.CreatePortalClient();
        var form = ValidForm(login);
        form[field] = value;
        if (field == "Input.Password")
            form["Input.ConfirmPassword"] = value; // so that only the length is wrong

        using var response = await client.SubmitFormAsync(Url, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(new Dictionary<string, string> { [field] = message }, page.FieldErrors());
        AssertTypedValuesKept(page, form);
        Assert.Null((await FindUserAsync(login == "reg.bad.login" ? value : login)).User);
    }

    [Fact]
    public async Task A_form_with_every_mistake_shows_each_message_next_to_its_field()
    {
        using var client = factory.CreatePortalClient();
        var form = ValidForm("reg.all.wrong");
        form["Input.LastName"] = "Smith";
        form["Input.Email"] = "no-at-sign";
        form["Input.Password"] = "short";
        form["Input.ConfirmPassword"] = "other";
        form["Input.PersonalDataConsent"] = "false";
        form["Input.OrganisationId"] = Id(Directory.VillageSchool.Id);

        using var response = await client.SubmitFormAsync(Url, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(PersonNameMessage, page.FieldError("Input.LastName"));
        Assert.Equal("Адрес электронной почты указан неверно.", page.FieldError("Input.Email"));
        Assert.Equal("Пароль должен содержать не менее 12 символов.", page.FieldError("Input.Password"));
        Assert.Equal("Пароли не совпадают.", page.FieldError("Input.ConfirmPassword"));
        Assert.Equal("Без согласия на обработку персональных данных регистрация невозможна.",
            page.FieldError("Input.PersonalDataConsent"));
        Assert.Equal("Выберите образовательную организацию выбранного муниципалитета.", page.FieldError("Input.OrganisationId"));
        Assert.Equal(6, page.FieldErrors().Count);
        foreach (var field in KeptFields.Where(f => f != "Input.OrganisationId"))
            Assert.Equal(form[field], page.FieldValue(field));
        Assert.Equal("", page.FieldValue("Input.Password"));
        Assert.Equal("", page.FieldValue("Input.ConfirmPassword"));
        Assert.Null((await FindUserAsync("reg.all.wrong")).User);
    }

    [Theory]
    [InlineData("of another municipality")]
    [InlineData("closed")]
    public async Task A_forged_post_cannot_attach_the_teacher_to_an_organisation_outside_the_list(string organisation)
    {
        var login = organisation == "closed" ? "reg.forged.closed" : "reg.forged.foreign";
        using var client = factory.CreatePortalClient();
        var form = ValidForm(login);
        form["Input.MunicipalityId"] = Id(Directory.District.Id);
        form["Input.OrganisationId"] = Id(organisation == "closed" ? Directory.ClosedSchool.Id : Directory.Lyceum.Id);

        using var response = await client.SubmitFormAsync(Url, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Input.OrganisationId"] = "Выберите образовательную организацию выбранного муниципалитета.",
            },
            page.FieldErrors());
        Assert.Equal([Directory.VillageSchool.Name], page.Options("Input.OrganisationId").Select(o => o.Text));
        Assert.Null((await FindUserAsync(login)).User);
    }

    [Fact]
    public async Task A_taken_login_is_refused_in_russian()
    {
        await factory.CreateUserAsync(Roles.Teacher, "reg.taken");
        using var client = factory.CreatePortalClient();
        var form = ValidForm("reg.taken");
        form["Input.Email"] = "someone.else@example.org";

        using var response = await client.SubmitFormAsync(Url, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(new Dictionary<string, string> { ["Input.Login"] = "Логин «reg.taken» уже занят." }, page.FieldErrors());
        AssertTypedValuesKept(page, form);
        Assert.Null(await FindByEmailAsync("someone.else@example.org"));
    }

    [Fact]
    public async Task A_registered_email_is_refused_in_russian_whatever_its_letter_case()
    {
        await factory.CreateUserAsync(Roles.Teacher, "reg.mail.owner", user => user.Email = "shared.mail@example.org");
        using var client = factory.CreatePortalClient();
        var form = ValidForm("reg.mail.second");
        form["Input.Email"] = "Shared.Mail@Example.org";

        using var response = await client.SubmitFormAsync(Url, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(
            new Dictionary<string, string> { ["Input.Email"] = "Адрес «Shared.Mail@Example.org» уже зарегистрирован в системе." },
            page.FieldErrors());
        AssertTypedValuesKept(page, form);
        Assert.Null((await FindUserAsync("reg.mail.second")).User);
    }

    [Fact]
    public async Task Before_a_municipality_is_chosen_no_organisation_is_offered()
    {
        using var client = factory.CreatePortalClient();

        var page = await client.GetDocumentAsync(Url);

        Assert.Empty(page.Options("Input.OrganisationId"));
        Assert.Equal(["Город Томск", "Томский район"], page.Options("Input.MunicipalityId").Select(o => o.Text));
        Assert.Equal(["Методист", "Учитель"], page.Options("Input.PositionId").Select(o => o.Text));
        Assert.Equal(["математики", "физики"], page.Options("Input.SubjectId").Select(o => o.Text));
    }

    [Fact]
    public async Task Choosing_a_municipality_lists_only_its_open_organisations_and_keeps_the_typed_values()
    {
        using var client = factory.CreatePortalClient();
        var form = new Dictionary<string, string>
        {
            ["Input.LastName"] = "Проверкина",
            ["Input.FirstName"] = "Анна",
            ["Input.MiddleName"] = "Сергеевна",
            ["Input.Login"] = "reg.municipality",
            ["Input.Email"] = "reg.municipality@example.org",
            ["Input.Phone"] = "+7 913 123-45-67",
            ["Input.PositionId"] = Id(Directory.SchoolTeacher.Id),
            ["Input.MunicipalityId"] = Id(Directory.District.Id),
        };

        using var response = await client.SubmitFormAsync(Url, form, submitter: "choose-municipality");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal([(Id(Directory.VillageSchool.Id), Directory.VillageSchool.Name)], page.Options("Input.OrganisationId"));
        Assert.Empty(page.FieldErrors());
        Assert.Empty(page.SummaryErrors());
        foreach (var (field, value) in form)
            Assert.Equal(value, page.FieldValue(field));
        Assert.Null((await FindUserAsync("reg.municipality")).User);

        using var tomsk = await client.SubmitFormAsync(page, Url,
            new Dictionary<string, string> { ["Input.MunicipalityId"] = Id(Directory.Tomsk.Id) }, submitter: "choose-municipality");
        var tomskPage = await tomsk.ReadDocumentAsync();
        Assert.Equal([Directory.Gymnasium.Name, Directory.Lyceum.Name], tomskPage.Options("Input.OrganisationId").Select(o => o.Text));
        Assert.Equal("Проверкина", tomskPage.FieldValue("Input.LastName"));
    }

    private const string PersonNameMessage = "Используйте русские буквы (допускаются дефис и пробел).";

    private Dictionary<string, string> ValidForm(string login) => new()
    {
        ["Input.LastName"] = "Проверкина",
        ["Input.FirstName"] = "Анна",
        ["Input.MiddleName"] = "Сергеевна",
        ["Input.Login"] = login,
        ["Input.Email"] = $"{login}@example.org",
        ["Input.Phone"] = "+7 913 123-45-67",
        ["Input.MunicipalityId"] = Id(Directory.Tomsk.Id),
        ["Input.OrganisationId"] = Id(Directory.Lyceum.Id),
        ["Input.PositionId"] = Id(Directory.SchoolTeacher.Id),
        ["Input.SubjectId"] = Id(Directory.Mathematics.Id),
        ["Input.Password"] = NewPassword,
        ["Input.ConfirmPassword"] = NewPassword,
        ["Input.PersonalDataConsent"] = "true",
    };

    private static void AssertTypedValuesKept(IHtmlDocument page, Dictionary<string, string> form)
    {
        foreach (var field in KeptFields)
            Assert.Equal(form[field], page.FieldValue(field));
        Assert.Equal(form["Input.PersonalDataConsent"] == "true" ? "true" : "", page.FieldValue("Input.PersonalDataConsent"));
        Assert.Equal("", page.FieldValue("Input.Password"));
        Assert.Equal("", page.FieldValue("Input.ConfirmPassword"));
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<(AppUser? User, IList<string> Roles)> FindUserAsync(string login) =>
        await factory.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByNameAsync(login);
            return (user, user is null ? [] : await users.GetRolesAsync(user));
        });

    private Task<AppUser?> FindByEmailAsync(string email) =>
        factory.WithServicesAsync(services => services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email));
}
