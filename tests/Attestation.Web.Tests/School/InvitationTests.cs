using System.Net;
using System.Text.RegularExpressions;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Tests.Operator.Directories;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Tests.School;

/// <summary>
/// «Подача данных на педагогов для открытия личных кабинетов»: the school coordinator invites the teachers of his own
/// organisation one by one or from an Excel list checked row by row; each gets a letter with a link to set his password.
/// </summary>
public sealed partial class InvitationTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private const string Url = "/School/Invitations/Import";

    private static readonly string[] Header = ["Фамилия", "Имя", "Отчество", "Электронная почта", "Должность", "Предмет (направление)"];

    private TestDirectory Directory => factory.Directory;

    [Fact]
    public async Task One_teacher_is_invited_into_the_coordinators_organisation_once_however_often_the_form_is_sent()
    {
        using var client = await CoordinatorAsync("inv.one.coordinator");
        var form = await client.GetDocumentAsync("/School/Invitations/Create");
        var values = new Dictionary<string, string>
        {
            ["Input.LastName"] = "Соколова",
            ["Input.FirstName"] = "Ирина",
            ["Input.MiddleName"] = "Павловна",
            ["Input.PositionId"] = Directory.SchoolTeacher.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.SubjectId"] = Directory.Mathematics.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Email"] = "sokolova@school.example.ru",
        };
        var mails = (await factory.SentMailsAsync()).Count;

        using (var first = await client.SubmitFormAsync(form, "/School/Invitations/Create", values))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            Assert.Equal("/School/Invitations", first.RedirectPath());
        }
        using (var again = await client.SubmitFormAsync(form, "/School/Invitations/Create", values))
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        await using (var db = factory.OpenDb())
        {
            var invitation = await db.Invitations.SingleAsync(i => i.Email == "sokolova@school.example.ru");
            Assert.Equal(Roles.Teacher, invitation.Role);
            Assert.Equal(Directory.Lyceum.Id, invitation.OrganisationId);
            Assert.Equal(Directory.Tomsk.Id, invitation.MunicipalityId);
            Assert.Equal(("Соколова", "Ирина", "Павловна"), (invitation.LastName, invitation.FirstName, invitation.MiddleName));
            Assert.Equal(Directory.SchoolTeacher.Id, invitation.PositionId);
        }
        var mail = Assert.Single((await factory.SentMailsAsync()).Skip(mails));
        Assert.Equal("sokolova@school.example.ru", mail.To);
        Assert.Contains("Роль: Педагогический работник", mail.PlainText, StringComparison.Ordinal);
        Assert.Contains($"Образовательная организация: {Directory.Lyceum.Name}", mail.PlainText, StringComparison.Ordinal);

        var list = await client.GetDocumentAsync("/School/Invitations");
        Assert.Contains("sokolova@school.example.ru", list.QuerySelector("#invitations")!.TextContent, StringComparison.Ordinal);

        // The link opens the registration with the name filled in; the teacher sets his login and password.
        using var teacher = factory.CreatePortalClient();
        var link = LinkPattern().Match(mail.PlainText).Value;
        var registration = await teacher.GetDocumentAsync(new Uri(link).PathAndQuery);
        Assert.Equal("Соколова", registration.FieldValue("Input.LastName"));
        using (var registered = await teacher.SubmitFormAsync(registration, new Uri(link).PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Phone"] = "+7 913 000-00-01",
            ["Input.Login"] = "sokolova.teacher",
            ["Input.Password"] = "Сосна-берёза-ель-2026",
            ["Input.ConfirmPassword"] = "Сосна-берёза-ель-2026",
            ["Input.PersonalDataConsent"] = "true",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
            Assert.Equal("/Teacher", registered.RedirectPath());
        }
        await using (var db = factory.OpenDb())
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "sokolova.teacher");
            Assert.Equal((Directory.Lyceum.Id, Directory.SchoolTeacher.Id, (int?)Directory.Mathematics.Id),
                (user.OrganisationId!.Value, user.PositionId!.Value, user.SubjectId));
        }

        // The address is taken now: said next to the field, nothing typed lost.
        var fresh = await client.GetDocumentAsync("/School/Invitations/Create");
        using var taken = await client.SubmitFormAsync(fresh, "/School/Invitations/Create", values);
        var page = await taken.ReadDocumentAsync();
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal("Адрес «sokolova@school.example.ru» уже зарегистрирован в системе: приглашение не нужно.", page.FieldError("Input.Email"));
        Assert.Equal("Соколова", page.FieldValue("Input.LastName"));
    }

    [Fact]
    public async Task A_list_with_bad_rows_saves_nothing_and_names_each_row_in_russian()
    {
        await factory.CreateUserAsync(Roles.Teacher, "inv.bad.existing", u => u.Email = "existing@school.example.ru");
        using var client = await CoordinatorAsync("inv.bad.coordinator");
        var file = ImportFiles.Workbook(Header,
            ["Иванова", "Анна", "Петровна", "ivanova@school.example.ru", "учитель", "математики"],
            ["Smith", "Анна", "", "smith@school.example.ru", "учитель", ""],
            ["Петрова", "", "", "не адрес", "Учитель", ""],
            ["Сидорова", "Ольга", "", "existing@school.example.ru", "учитель", ""],
            ["Кузнецова", "Ольга", "", "IVANOVA@school.example.ru", "дворник", "астрологии"]);
        var before = await CountAsync();

        using var response = await client.SubmitMultipartFormAsync(Url, new Dictionary<string, string>(),
            [ImportFiles.Upload(file)], "form#preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.StartsWith("Ничего не сохранено.", page.QuerySelector("#not-saved")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(
            [
                ["3", "Фамилия", "«Smith»: Используйте русские буквы (допускаются дефис и пробел)."],
                ["4", "Имя", "Не указано: «Имя»."],
                ["4", "Электронная почта", "Адрес электронной почты «не адрес» указан неверно."],
                ["5", "Электронная почта", "Адрес «existing@school.example.ru» уже зарегистрирован в системе: приглашение не нужно."],
                ["6", "Электронная почта", "Адрес «IVANOVA@school.example.ru» уже указан в строке 2."],
                ["6", "Должность", "Должность «дворник» не найдена в справочнике."],
                ["6", "Предмет (направление)", "Предмет «астрологии» не найден в справочнике."],
            ],
            page.QuerySelectorAll("#problems tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()));
        Assert.Null(page.QuerySelector("form#save"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_good_list_invites_everyone_with_a_letter_each_and_a_resent_save_invites_nobody_twice()
    {
        using var client = await CoordinatorAsync("inv.good.coordinator");
        var template = await client.DownloadAsync($"{Url}?handler=Template", Support.Downloads.ExcelType);
        using (var book = ImportFiles.Open(template))
            Assert.Equal(Header, Enumerable.Range(1, 6).Select(c => book.Worksheet(1).Cell(1, c).GetString()));
        var file = ImportFiles.Workbook(Header,
            ["Примерова", "Анна", "Сергеевна", "primerova@example.ru", "учитель", "математики"],
            ["Лебедев", "Павел", "", "lebedev.good@school.example.ru", "учитель", "математики"],
            ["Морозова", "Елена", "Ивановна", "morozova.good@school.example.ru", "Учитель", ""]);
        var mails = (await factory.SentMailsAsync()).Count;

        using var preview = await client.SubmitMultipartFormAsync(Url, new Dictionary<string, string>(), [ImportFiles.Upload(file)], "form#preview");
        var page = await preview.ReadDocumentAsync();
        Assert.Contains("Строка-пример из шаблона (строка 2) пропущена.", page.QuerySelector("#summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll("#rows tbody tr").Length);
        using (var saved = await client.SubmitFormAsync(page, Url, new Dictionary<string, string>(), "form#save"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal("/School/Invitations", saved.RedirectPath());
        }
        using (var again = await client.SubmitFormAsync(page, Url, new Dictionary<string, string>(), "form#save"))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Contains("Загруженный файл не найден", (await again.ReadDocumentAsync()).SummaryErrors().Single(), StringComparison.Ordinal);
        }

        await using (var db = factory.OpenDb())
        {
            var invited = await db.Invitations.Where(i => i.Email.EndsWith(".good@school.example.ru")).OrderBy(i => i.Email).ToListAsync();
            Assert.Equal(["lebedev.good@school.example.ru", "morozova.good@school.example.ru"], invited.Select(i => i.Email));
            Assert.All(invited, i => Assert.Equal((Roles.Teacher, (int?)Directory.Lyceum.Id), (i.Role, i.OrganisationId)));
        }
        var letters = (await factory.SentMailsAsync()).Skip(mails).Select(m => m.To).Order().ToList();
        Assert.Equal(["lebedev.good@school.example.ru", "morozova.good@school.example.ru"], letters);

        // The same people again: already invited, said per row.
        using var repeated = await client.SubmitMultipartFormAsync(Url, new Dictionary<string, string>(), [ImportFiles.Upload(file)], "form#preview");
        var problems = (await repeated.ReadDocumentAsync()).QuerySelectorAll("#problems tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Contains("уже отправлено приглашение", p, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not-excel.xlsx", "plain text, not a workbook", "Файл не является книгой Excel в формате .xlsx.")]
    [InlineData("empty.xlsx", "", "Файл пуст.")]
    public async Task A_file_that_is_not_a_filled_workbook_is_refused_next_to_the_field(string name, string content, string message)
    {
        using var client = await CoordinatorAsync($"inv.file.{name}");
        using var response = await client.SubmitMultipartFormAsync(Url, new Dictionary<string, string>(),
            [ImportFiles.Upload(System.Text.Encoding.UTF8.GetBytes(content), name)], "form#preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(message, (await response.ReadDocumentAsync()).FieldError("Upload"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_of_invitations_shows_only_the_coordinators_organisation()
    {
        using var stranger = await factory.SignInAsync((await factory.CreateUserAsync(Roles.SchoolCoordinator, "inv.iso.stranger", u =>
        {
            u.MunicipalityId = Directory.Tomsk.Id;
            u.OrganisationId = Directory.Gymnasium.Id;
        })).UserName!);
        using var client = await CoordinatorAsync("inv.iso.coordinator");
        var form = await client.GetDocumentAsync("/School/Invitations/Create");
        using (await client.SubmitFormAsync(form, "/School/Invitations/Create", new Dictionary<string, string>
        {
            ["Input.LastName"] = "Тайная", ["Input.FirstName"] = "Анна",
            ["Input.PositionId"] = Directory.SchoolTeacher.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Email"] = "secret.iso@school.example.ru",
        }))
        {
        }

        var theirs = await stranger.GetDocumentAsync("/School/Invitations");
        Assert.DoesNotContain("secret.iso@school.example.ru", theirs.Body!.TextContent, StringComparison.Ordinal);
        var (response, statements) = await factory.GetCountingStatementsAsync(client, "/School/Invitations");
        using (response)
        {
            Assert.Contains("secret.iso@school.example.ru", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.InRange(statements, 1, 3 + 1);
        }
    }

    private async Task<HttpClient> CoordinatorAsync(string login)
    {
        await factory.CreateUserAsync(Roles.SchoolCoordinator, login, u =>
        {
            u.MunicipalityId = Directory.Tomsk.Id;
            u.OrganisationId = Directory.Lyceum.Id;
        });
        return await factory.SignInAsync(login);
    }

    private async Task<int> CountAsync()
    {
        await using var db = factory.OpenDb();
        return await db.Invitations.CountAsync();
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
