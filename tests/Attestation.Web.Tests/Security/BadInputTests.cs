using System.Net;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Infrastructure;
using Attestation.Web.Tests.Teacher;
using Microsoft.Extensions.Logging;
using static Attestation.Web.Tests.Teacher.TeacherCabinet;

namespace Attestation.Web.Tests.Security;

/// <summary>
/// Issue 14, item 4: a NUL or another control character typed (or forged) into any field never reaches PostgreSQL as an
/// error: the form comes back with a message next to the field and everything else typed; every 500 leaves its request
/// code in the log.
/// </summary>
public sealed class BadInputTests(GuardedPortalFactory factory) : IClassFixture<GuardedPortalFactory>
{
    private readonly TeacherCabinet _cabinet = new(factory);

    [Fact]
    public async Task A_nul_in_the_sign_in_login_is_explained_next_to_the_field()
    {
        await factory.CreateUserAsync(Roles.Teacher, "nul.signin");
        using var client = factory.CreatePortalClient();

        using var response = await client.SubmitFormAsync("/Account/Login",
            new Dictionary<string, string> { ["Input.Login"] = "nul.sig\0nin", ["Input.Password"] = PortalFactory.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(SafeInput.InvalidCharactersMessage, page.FieldError("Input.Login"));
        Assert.Equal("nul.signin", page.FieldValue("Input.Login"));
        Assert.Null(response.SetCookie(".AspNetCore.Identity.Application"));
    }

    [Theory]
    [InlineData("\0")]
    [InlineData("\u0001")]
    [InlineData("\u001B")]
    [InlineData("\u007F")]
    public async Task A_control_character_in_registration_is_explained_next_to_the_field_and_the_rest_is_kept(string control)
    {
        using var client = factory.CreatePortalClient();
        var login = $"nul.register.{(int)control[0]}";
        var form = RegistrationForm(login);
        form["Input.MiddleName"] = "Серге" + control + "евна";

        using var response = await client.SubmitFormAsync("/Account/Register", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(SafeInput.InvalidCharactersMessage, page.FieldError("Input.MiddleName"));
        Assert.Equal("Сергеевна", page.FieldValue("Input.MiddleName"));
        foreach (var field in new[] { "Input.LastName", "Input.FirstName", "Input.Login", "Input.Email", "Input.Phone", "Input.MunicipalityId", "Input.OrganisationId" })
            Assert.Equal(form[field], page.FieldValue(field));
        await using var db = factory.OpenDb();
        Assert.DoesNotContain(db.Users, u => u.UserName == login);
    }

    [Fact]
    public async Task Tab_and_line_breaks_in_a_multi_line_field_are_kept_without_a_message()
    {
        await _cabinet.CreateTeacherAsync("nul.lines");
        using var client = await factory.SignInAsync("nul.lines");
        var form = CompleteForm();
        form["Input.Awards"] = "Грамота\r\n\tБлагодарность";

        var id = await SaveDraftAsync(client, form);

        Assert.Equal("Грамота\r\n\tБлагодарность", (await _cabinet.LoadAsync(id)).Awards);
    }

    [Fact]
    public async Task A_nul_in_a_search_box_finds_what_the_rest_of_the_text_finds_and_says_why()
    {
        await factory.CreateUserAsync(Roles.SchoolCoordinator, "nul.search", u =>
        {
            u.MunicipalityId = factory.Directory.Tomsk.Id;
            u.OrganisationId = factory.Directory.Gymnasium.Id;
        });
        await _cabinet.CreateTeacherAsync("nul.search.teacher", u =>
        {
            u.LastName = "Нулевая";
            u.OrganisationId = factory.Directory.Gymnasium.Id;
        });
        using var client = await factory.SignInAsync("nul.search");

        using var response = await client.GetAsync("/School/Teachers?q=" + Uri.EscapeDataString("Нуле\0вая") + "&f=");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(SafeInput.InvalidCharactersMessage, page.FieldError("q"));
        Assert.Equal("Нулевая", page.FieldValue("q"));
        Assert.Contains("Нулевая", page.QuerySelector("#teachers tbody")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nul_in_an_application_form_field_is_explained_next_to_it_and_nothing_typed_is_lost()
    {
        await _cabinet.CreateTeacherAsync("nul.application");
        using var client = await factory.SignInAsync("nul.application");
        var id = await SaveDraftAsync(client, CompleteForm());
        var form = CompleteForm();
        form["Input.EducationInstitution"] = "Томский\0 государственный педагогический университет";
        form["Input.Awards"] = "Почётная грамота";
        form["Input.EducationYear"] = "2007";

        using var response = await client.SubmitMultipartFormAsync(EditUrl(id), form, [], submitter: "save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(SafeInput.InvalidCharactersMessage, page.FieldError("Input.EducationInstitution"));
        Assert.Equal("Томский государственный педагогический университет", page.FieldValue("Input.EducationInstitution"));
        Assert.Equal("Почётная грамота", page.FieldValue("Input.Awards"));
        Assert.Equal("2007", page.FieldValue("Input.EducationYear"));
        Assert.Equal(CompleteForm()["Input.ResultsGrounds"], page.FieldValue("Input.ResultsGrounds"));
        var saved = await _cabinet.LoadAsync(id);
        Assert.Null(saved.Awards);
        Assert.Equal(2005, saved.EducationYear);
    }

    [Fact]
    public async Task A_31_mb_file_gets_the_form_back_with_the_size_message_and_every_typed_field()
    {
        await _cabinet.CreateTeacherAsync("limit.server");
        using var client = await factory.SignInAsync("limit.server");
        var id = await SaveDraftAsync(client, CompleteForm());
        var typed = new Dictionary<string, string>
        {
            ["Input.Awards"] = "Почётная грамота, набранная перед загрузкой",
            ["Input.EducationYear"] = "2007",
            ["Input.Form"] = "Distance",
        };

        using var response = await UploadAsync(client, id, ApplicationDocumentKind.ResultsDescription, "скан.pdf",
            SampleFiles.PdfOfLength(31 * 1024 * 1024), typed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Файл больше 20 МБ.", page.FieldError("Upload"));
        foreach (var (name, value) in typed)
            Assert.Equal(value, page.FieldValue(name));
        Assert.Equal(nameof(ApplicationDocumentKind.ResultsDescription), page.FieldValue("UploadKind"));
        Assert.Equal(CompleteForm()["Input.ResultsGrounds"], page.FieldValue("Input.ResultsGrounds"));
        var saved = await _cabinet.LoadAsync(id);
        Assert.Empty(saved.Documents);
        Assert.Null(saved.Awards);
    }

    [Fact]
    public async Task A_form_far_over_the_size_limit_gets_a_short_russian_413_page()
    {
        await _cabinet.CreateTeacherAsync("nul.huge");
        using var client = await factory.SignInAsync("nul.huge");
        var id = await SaveDraftAsync(client, CompleteForm());
        var huge = new byte[100 * 1024 * 1024];

        using var response = await UploadHugeAsync(client, id, huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Файл слишком большой", page.Heading());
        Assert.Contains("Файл больше 20 МБ", page.QuerySelector("#too-large")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_failed_request_leaves_the_code_shown_to_the_user_in_the_log()
    {
        using var client = factory.CreatePortalClient();

        using var response = await client.GetAsync(GuardedPortalFactory.FailingPath);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var code = (await response.ReadDocumentAsync()).QuerySelector("main code")!.TextContent.Trim();
        Assert.NotEmpty(code);
        var lines = factory.Log.Lines.Where(l => l.Level >= LogLevel.Error && l.Message.Contains(code, StringComparison.Ordinal)).ToList();
        // The failure with its exception, and the request's own line with its status.
        var failure = Assert.Single(lines, l => l.Exception is not null);
        Assert.Contains(GuardedPortalFactory.FailingPath, failure.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(failure.Exception);
        var request = Assert.Single(lines, l => l.Exception is null);
        Assert.Contains($"HTTP GET {GuardedPortalFactory.FailingPath} answered 500", request.Message, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> UploadHugeAsync(HttpClient client, Guid id, byte[] content) =>
        UploadAsync(client, id, ApplicationDocumentKind.SignedApplication, "скан.pdf", content, CompleteForm());

    private Dictionary<string, string> RegistrationForm(string login) => new()
    {
        ["Input.LastName"] = "Проверкина",
        ["Input.FirstName"] = "Анна",
        ["Input.MiddleName"] = "Сергеевна",
        ["Input.Login"] = login,
        ["Input.Email"] = $"{login}@example.org",
        ["Input.Phone"] = "+7 913 123-45-67",
        ["Input.MunicipalityId"] = factory.Directory.Tomsk.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.OrganisationId"] = factory.Directory.Lyceum.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.PositionId"] = factory.Directory.SchoolTeacher.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.SubjectId"] = factory.Directory.Mathematics.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Password"] = "Лес-река-гора-2026-осень",
        ["Input.ConfirmPassword"] = "Лес-река-гора-2026-осень",
        ["Input.PersonalDataConsent"] = "true",
    };
}
