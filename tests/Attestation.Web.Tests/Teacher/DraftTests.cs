using System.Net;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Testing;
using Microsoft.EntityFrameworkCore;
using static Attestation.Web.Tests.Teacher.TeacherCabinet;

namespace Attestation.Web.Tests.Teacher;

/// <summary>«Заявление о проведении аттестации» saved as a draft through the real form.</summary>
public sealed class DraftTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly TeacherCabinet _cabinet = new(factory);

    private TestDirectory Directory => factory.Directory;

    [Fact]
    public async Task A_save_from_a_tab_opened_before_another_saved_is_refused_and_keeps_what_was_typed()
    {
        var teacher = await _cabinet.CreateTeacherAsync("draft.tabs");
        using var client = await factory.SignInAsync("draft.tabs");
        var id = await SaveDraftAsync(client, CompleteForm());
        var tabB = await client.GetDocumentAsync(EditUrl(id));
        var tabA = await client.GetDocumentAsync(EditUrl(id));

        // Tab A saves first.
        var fromA = CompleteForm();
        fromA["Input.Awards"] = "Почётная грамота Министерства просвещения (2021)";
        using (var saved = await client.SubmitFormAsync(tabA, EditUrl(id), fromA, submitter: "save"))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // Tab B, read before that save, is refused: A's awards stay, B's typing is still in the form.
        var fromB = CompleteForm();
        fromB["Input.Development"] = "2025, ТОИПКРО, «Функциональная грамотность», 72 ч.";
        using var refused = await client.SubmitFormAsync(tabB, EditUrl(id), fromB, submitter: "save");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ReadDocumentAsync();
        Assert.Contains("Заявление изменили, пока вы его редактировали", page.QuerySelector(".validation-summary-errors")!.TextContent,
            StringComparison.Ordinal);
        Assert.Contains("Заявление изменено", page.QuerySelector("#changed-meanwhile")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(fromB["Input.Development"], page.FieldValue("Input.Development"));
        var stored = (await _cabinet.ApplicationsOfAsync(teacher.Id)).Single();
        Assert.Equal(fromA["Input.Awards"], stored.Awards);
        Assert.Null(stored.Development);

        // Sent again from the page that showed the change, it is a conscious save.
        using (var again = await client.SubmitFormAsync(page, EditUrl(id), new Dictionary<string, string>(), submitter: "save"))
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(fromB["Input.Development"], (await _cabinet.ApplicationsOfAsync(teacher.Id)).Single().Development);
    }

    [Fact]
    public async Task A_stale_tab_saving_a_submitted_application_is_refused_in_red_not_told_in_green()
    {
        await _cabinet.CreateTeacherAsync("draft.stale");
        using var client = await factory.SignInAsync("draft.stale");
        var id = await SaveDraftAsync(client, CompleteForm());
        var stale = await client.GetDocumentAsync(EditUrl(id));
        await AttachAsync(client, id, ApplicationDocumentKind.SignedApplication, "скан.pdf", SampleFiles.Pdf());
        using (var submitted = await SubmitAsync(client, id))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
            // Seen: the success of the submission, in green.
            Assert.StartsWith("Заявление подано.", StatusMessage(await client.GetDocumentAsync(DetailsUrl(id))), StringComparison.Ordinal);
        }

        using var refused = await client.SubmitFormAsync(stale, EditUrl(id), CompleteForm(), submitter: "save");

        var details = await client.GetDocumentAsync(refused.Headers.Location!.OriginalString);
        Assert.Equal("Заявление подано и недоступно для изменения.", details.QuerySelector("#refusal.alert-danger")!.TextContent.Trim());
        Assert.Null(StatusMessage(details));
    }

    [Fact]
    public async Task The_same_new_application_form_sent_ten_times_at_once_makes_one_draft()
    {
        var teacher = await _cabinet.CreateTeacherAsync("draft.ten");
        using var client = await factory.SignInAsync("draft.ten");
        var form = await client.GetDocumentAsync(NewApplicationUrl);
        Assert.False(string.IsNullOrEmpty(form.FieldValue("NewId")));

        var posts = Enumerable.Range(0, 10)
            .Select(_ => client.SubmitFormAsync(form, NewApplicationUrl, CompleteForm(), submitter: "save"))
            .ToList();
        var answers = await Task.WhenAll(posts);

        var drafts = await _cabinet.ApplicationsOfAsync(teacher.Id);
        var draft = Assert.Single(drafts);
        Assert.Single(draft.Events, e => e.Kind == ApplicationEventKind.Created);
        // Every post lands on that draft.
        foreach (var answer in answers)
        {
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.Equal(draft.Id, IdIn(answer.Headers.Location!.OriginalString));
            answer.Dispose();
        }

        // A new form is a new application.
        await SaveDraftAsync(client, CompleteForm());
        Assert.Equal(2, (await _cabinet.ApplicationsOfAsync(teacher.Id)).Count);
    }

    [Fact]
    public async Task A_new_application_is_prefilled_from_the_profile_and_the_latest_category_held()
    {
        var teacher = await _cabinet.CreateTeacherAsync("draft.prefill", user =>
        {
            user.LastName = "Салтыкова-Щедрина";
            user.FirstName = "Мария";
            user.MiddleName = "Ильинична";
            user.OrganisationId = Directory.Gymnasium.Id;
            user.SubjectId = Directory.Physics.Id;
        });
        await using (var db = factory.OpenDb())
        {
            db.HeldCategories.Add(HeldCategory.Record(teacher.Id, QualificationCategory.First, "учитель",
                new DateOnly(2024, 5, 20), "1234-р", new DateOnly(2024, 5, 20)));
            await db.SaveChangesAsync();
        }
        using var client = await factory.SignInAsync("draft.prefill");

        var page = await client.GetDocumentAsync(NewApplicationUrl);

        Assert.Equal("Салтыкова-Щедрина", page.FieldValue("Input.LastName"));
        Assert.Equal("Мария", page.FieldValue("Input.FirstName"));
        Assert.Equal("Ильинична", page.FieldValue("Input.MiddleName"));
        Assert.Equal(Number(Directory.Gymnasium.Id), page.FieldValue("Input.OrganisationId"));
        Assert.Equal(Number(Directory.SchoolTeacher.Id), page.FieldValue("Input.PositionId"));
        Assert.Equal(Number(Directory.Physics.Id), page.FieldValue("Input.SubjectId"));
        Assert.Equal("First", page.FieldValue("Input.CurrentCategory"));
        Assert.Equal("1234-р", page.FieldValue("Input.CurrentCategoryDecisionNumber"));
        Assert.Equal("2024-05-20", page.FieldValue("Input.CurrentCategoryDecisionDate"));
        // Only the organisations of the teacher's own municipality are offered.
        Assert.Equal([Directory.Gymnasium.Name, Directory.Lyceum.Name],
            page.Options("Input.OrganisationId").Select(o => o.Text).Order(StringComparer.Ordinal));
        // Nothing is stored until the teacher saves.
        Assert.Empty(await _cabinet.ApplicationsOfAsync(teacher.Id));
    }

    [Fact]
    public async Task Saving_a_draft_stores_what_was_typed_and_records_its_creation()
    {
        var teacher = await _cabinet.CreateTeacherAsync("draft.save");
        using var client = await factory.SignInAsync("draft.save");
        var form = new Dictionary<string, string>
        {
            ["Input.LastName"] = "  петрова ",
            ["Input.ClaimedCategory"] = "Highest",
            ["Input.CurrentCategory"] = "First",
            ["Input.CurrentCategoryExpiresOn"] = "2027-05-20",
            ["Input.CurrentCategoryDecisionNumber"] = "321-р",
            ["Input.CurrentCategoryDecisionDate"] = "2022-05-20",
            ["Input.Form"] = "Distance",
            ["Input.EducationInstitution"] = "Томский государственный университет",
            ["Input.EducationYear"] = "2003",
            ["Input.PedagogicalServiceYears"] = "21",
            ["Input.Awards"] = "Почётная грамота Минпросвещения России",
            ["Input.ResultLinks"] = " https://school8.tomsk.ru/petrova \r\n\r\nhttps://edu.tomsk.ru/results ",
            ["Input.LessonRecordingLink1"] = "https://video.example.org/lesson-1",
            ["Input.WantsToAttendMeeting"] = "true",
        };

        var id = await SaveDraftAsync(client, form);

        var saved = await _cabinet.LoadAsync(id);
        Assert.Equal(teacher.Id, saved.TeacherId);
        Assert.Equal(ApplicationStatus.Draft, saved.Status);
        Assert.Equal("Петрова", saved.LastName);
        Assert.Equal("Анна", saved.FirstName);
        Assert.Equal(Directory.Tomsk.Id, saved.MunicipalityId);
        Assert.Equal(Directory.Lyceum.Id, saved.OrganisationId);
        Assert.Equal(Directory.Mathematics.Id, saved.SubjectId);
        Assert.Equal(QualificationCategory.Highest, saved.ClaimedCategory);
        Assert.Equal(QualificationCategory.First, saved.CurrentCategory);
        Assert.Equal(new DateOnly(2027, 5, 20), saved.CurrentCategoryExpiresOn);
        Assert.Equal("321-р", saved.CurrentCategoryDecisionNumber);
        Assert.Equal(new DateOnly(2022, 5, 20), saved.CurrentCategoryDecisionDate);
        Assert.Equal(AttestationForm.Distance, saved.Form);
        Assert.Equal("Томский государственный университет", saved.EducationInstitution);
        Assert.Equal(2003, saved.EducationYear);
        Assert.Equal(21, saved.PedagogicalServiceYears);
        Assert.Null(saved.PositionServiceYears);
        Assert.Equal("Почётная грамота Минпросвещения России", saved.Awards);
        Assert.Equal("https://school8.tomsk.ru/petrova\nhttps://edu.tomsk.ru/results", saved.ResultLinks);
        Assert.Equal("https://video.example.org/lesson-1", saved.LessonRecordingLink1);
        Assert.True(saved.WantsToAttendMeeting);
        Assert.False(saved.PersonalDataConsent);
        Assert.Equal("Создан черновик заявления", saved.Events.OrderBy(e => e.Number).First().Description);
        Assert.All(saved.Events, e => Assert.Equal(teacher.Id, e.ActorId));

        var page = await client.GetDocumentAsync(EditUrl(id));
        Assert.Equal("Черновик заявления сохранён.", StatusMessage(page));
        Assert.Equal("Петрова", page.FieldValue("Input.LastName"));
        Assert.Equal("2003", page.FieldValue("Input.EducationYear"));
        Assert.Equal("Distance", page.FieldValue("Input.Form"));
    }

    [Fact]
    public async Task Saving_again_without_changes_adds_no_history_event()
    {
        await _cabinet.CreateTeacherAsync("draft.unchanged");
        using var client = await factory.SignInAsync("draft.unchanged");
        var form = CompleteForm();
        form["Input.CurrentCategory"] = "First";
        form["Input.CurrentCategoryExpiresOn"] = "2027-05-20";
        form["Input.CurrentCategoryDecisionDate"] = "2022-05-20";
        form["Input.ResultLinks"] = "https://school8.tomsk.ru/a\nhttps://school8.tomsk.ru/b";
        var id = await SaveDraftAsync(client, form);
        var before = await _cabinet.LoadAsync(id);

        // The form as the page shows it, posted back untouched: every value must survive the round trip.
        Assert.Equal(id, await SaveDraftAsync(client, new Dictionary<string, string>(), EditUrl(id)));

        var after = await _cabinet.LoadAsync(id);
        Assert.Equal(before.Events.Count, after.Events.Count);
        Assert.Equal(before.LastEventNumber, after.LastEventNumber);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);

        // A real change is an event.
        Assert.Equal(id, await SaveDraftAsync(client,
            new Dictionary<string, string> { ["Input.Awards"] = "Грамота департамента" }, EditUrl(id)));
        var changed = await _cabinet.LoadAsync(id);
        Assert.Equal(before.Events.Count + 1, changed.Events.Count);
        Assert.Equal("Заявление изменено", changed.Events.MaxBy(e => e.Number)!.Description);
    }

    [Theory]
    [InlineData("Input.LastName", "Petrova", "Используйте русские буквы (допускаются дефис и пробел).")]
    [InlineData("Input.FirstName", "Анна2", "Используйте русские буквы (допускаются дефис и пробел).")]
    [InlineData("Input.EducationYear", "1800", "Укажите год окончания, например 2005.")]
    [InlineData("Input.PedagogicalServiceYears", "200", "Укажите число лет от 0 до 80.")]
    [InlineData("Input.OrganisationServiceYears", "-1", "Укажите число лет от 0 до 80.")]
    public async Task A_wrong_value_is_refused_in_russian_next_to_it_and_the_typed_values_stay(
        string field, string value, string message)
    {
        var login = "draft.bad." + field[6..].ToLowerInvariant();
        var teacher = await _cabinet.CreateTeacherAsync(login);
        using var client = await factory.SignInAsync(login);
        var form = CompleteForm();
        form["Input.Awards"] = "Почётная грамота";
        form[field] = value;

        using var response = await client.SubmitFormAsync(NewApplicationUrl, form, submitter: "save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(message, page.FieldError(field));
        Assert.Equal([field], page.FieldErrors().Keys);
        Assert.Equal(value, page.FieldValue(field));
        foreach (var (name, typed) in form.Where(f => f.Key != field))
            Assert.Equal(typed, page.FieldValue(name));
        Assert.Empty(await _cabinet.ApplicationsOfAsync(teacher.Id));
    }

    [Theory]
    [InlineData("Input.PositionServiceYears", "19", "Стаж в должности (19) не может быть больше педагогического стажа (18).")]
    [InlineData("Input.EducationYear", "2099", "Год окончания не может быть в будущем.")]
    [InlineData("Input.CurrentCategoryDecisionDate", "2099-03-16", "Дата распоряжения не может быть в будущем.")]
    public async Task What_cannot_be_true_is_refused_next_to_its_field_and_the_typed_values_stay(
        string field, string value, string message)
    {
        var login = "draft.untrue." + field[6..].ToLowerInvariant();
        var teacher = await _cabinet.CreateTeacherAsync(login);
        using var client = await factory.SignInAsync(login);
        var form = CompleteForm();
        form[field] = value;

        using var response = await client.SubmitFormAsync(NewApplicationUrl, form, submitter: "save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(message, page.FieldError(field));
        Assert.Equal([field], page.FieldErrors().Keys);
        foreach (var (name, typed) in form)
            Assert.Equal(typed, page.FieldValue(name));
        Assert.Empty(await _cabinet.ApplicationsOfAsync(teacher.Id));
    }

    [Fact]
    public async Task A_wrong_value_in_a_saved_draft_changes_nothing_stored()
    {
        await _cabinet.CreateTeacherAsync("draft.bad.existing");
        using var client = await factory.SignInAsync("draft.bad.existing");
        var id = await SaveDraftAsync(client, CompleteForm());
        var before = await _cabinet.LoadAsync(id);

        using var response = await client.SubmitFormAsync(EditUrl(id), new Dictionary<string, string>
        {
            ["Input.LastName"] = "Smith",
            ["Input.Awards"] = "Новая награда",
        }, submitter: "save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Используйте русские буквы (допускаются дефис и пробел).", page.FieldError("Input.LastName"));
        Assert.Equal("Smith", page.FieldValue("Input.LastName"));
        Assert.Equal("Новая награда", page.FieldValue("Input.Awards"));
        var after = await _cabinet.LoadAsync(id);
        Assert.Equal("Проверкина", after.LastName);
        Assert.Null(after.Awards);
        Assert.Equal(before.LastEventNumber, after.LastEventNumber);
    }

    [Fact]
    public async Task A_surname_too_long_to_store_is_refused_next_to_the_field_not_with_a_server_error()
    {
        var teacher = await _cabinet.CreateTeacherAsync("draft.long.name");
        using var client = await factory.SignInAsync("draft.long.name");
        // Russian letters only, so the pattern passes; the database column holds 60 characters.
        var surname = "Константинопольская-" + new string('а', 45);

        using var response = await client.SubmitFormAsync(NewApplicationUrl,
            new Dictionary<string, string> { ["Input.LastName"] = surname }, submitter: "save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.NotEqual("", page.FieldError("Input.LastName"));
        Assert.Equal(surname, page.FieldValue("Input.LastName"));
        Assert.Empty(await _cabinet.ApplicationsOfAsync(teacher.Id));
    }

    [Fact]
    public async Task An_organisation_of_another_municipality_in_a_forged_post_is_refused()
    {
        var teacher = await _cabinet.CreateTeacherAsync("draft.foreign.school");
        using var client = await factory.SignInAsync("draft.foreign.school");

        using var response = await client.SubmitFormAsync(NewApplicationUrl,
            new Dictionary<string, string> { ["Input.OrganisationId"] = Number(Directory.VillageSchool.Id) }, submitter: "save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Выберите образовательную организацию вашего муниципалитета из списка.",
            page.FieldError("Input.OrganisationId"));
        Assert.Empty(await _cabinet.ApplicationsOfAsync(teacher.Id));
    }

    [Fact]
    public async Task A_draft_can_be_deleted_with_its_history()
    {
        var teacher = await _cabinet.CreateTeacherAsync("draft.delete");
        using var client = await factory.SignInAsync("draft.delete");
        var id = await SaveDraftAsync(client, CompleteForm());

        using var response = await client.SubmitFormAsync(EditUrl(id), new Dictionary<string, string>(), submitter: "delete");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ApplicationsUrl, response.RedirectPath());
        Assert.Empty(await _cabinet.ApplicationsOfAsync(teacher.Id));
        await using var db = factory.OpenDb();
        Assert.False(await db.ApplicationEvents.AnyAsync(e => e.ApplicationId == id));
    }
}
