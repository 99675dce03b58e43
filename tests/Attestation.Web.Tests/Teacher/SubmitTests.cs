using System.Net;
using Attestation.Domain.Applications;
using Attestation.Testing;
using static Attestation.Web.Tests.Teacher.TeacherCabinet;

namespace Attestation.Web.Tests.Teacher;

/// <summary>«Подать заявление»: only complete, only once, and read-only afterwards.</summary>
public sealed class SubmitTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly TeacherCabinet _cabinet = new(factory);

    [Fact]
    public async Task Submission_is_refused_while_the_signed_scan_is_missing_and_the_problem_is_listed()
    {
        await _cabinet.CreateTeacherAsync("submit.noscan");
        using var client = await factory.SignInAsync("submit.noscan");
        var id = await SaveDraftAsync(client, CompleteForm());

        using var response = await client.SubmitFormAsync(EditUrl(id),
            new Dictionary<string, string> { ["Input.Awards"] = "Грамота" }, submitter: "submit");

        Assert.Equal(id, await ExpectEditRedirectAsync(response));
        var saved = await _cabinet.LoadAsync(id);
        Assert.Equal(ApplicationStatus.Draft, saved.Status);
        Assert.Null(saved.SubmittedAt);
        Assert.DoesNotContain(saved.Events, e => e.Kind == ApplicationEventKind.Submitted);
        Assert.Equal("Грамота", saved.Awards);
        var page = await client.GetDocumentAsync(EditUrl(id));
        Assert.Equal("Черновик сохранён.", StatusMessage(page));
        Assert.Equal($"Заявление не может быть подано: не прикреплён документ «{SignedScan}».",
            page.QuerySelector("#refusal.alert-danger")?.TextContent.Trim());
        Assert.Equal([$"не прикреплён документ «{SignedScan}»"],
            page.QuerySelectorAll("#submission-problems li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public async Task Submission_without_consent_lists_every_missing_item()
    {
        await _cabinet.CreateTeacherAsync("submit.incomplete");
        using var client = await factory.SignInAsync("submit.incomplete");
        var id = await SaveDraftAsync(client, new Dictionary<string, string> { ["Input.Form"] = "Distance" });

        using var response = await SubmitAsync(client, id);

        Assert.Equal(id, await ExpectEditRedirectAsync(response));
        Assert.Equal(ApplicationStatus.Draft, (await _cabinet.LoadAsync(id)).Status);
        var problems = (await client.GetDocumentAsync(EditUrl(id))).QuerySelectorAll("#submission-problems li")
            .Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(
        [
            "не указана заявленная квалификационная категория",
            "не указано образование: образовательное учреждение",
            "не указано образование: год окончания",
            "не указано образование: специальность",
            "не указано образование: квалификация",
            "не указан педагогический стаж",
            "не указан стаж в данной должности",
            "не указан стаж в данной организации",
            "не указаны результаты работы, которые вы считаете основанием для аттестации",
            "для дистанционной формы нужны ссылки на записи двух уроков (занятий, мероприятий)",
            "не дано согласие на обработку персональных данных",
            $"не прикреплён документ «{SignedScan}»",
        ], problems);
    }

    [Fact]
    public async Task An_empty_draft_is_not_submitted_and_each_missing_field_is_named_next_to_it()
    {
        await _cabinet.CreateTeacherAsync("submit.empty");
        using var client = await factory.SignInAsync("submit.empty");
        var id = await SaveDraftAsync(client, new Dictionary<string, string>());

        using var response = await SubmitAsync(client, id);

        Assert.Equal(id, await ExpectEditRedirectAsync(response));
        var saved = await _cabinet.LoadAsync(id);
        Assert.Equal(ApplicationStatus.Draft, saved.Status);
        Assert.Null(saved.SubmittedAt);
        var page = await client.GetDocumentAsync(EditUrl(id));
        string? NextTo(string field) => page.QuerySelector($"span[data-valmsg-for='Input.{field}']")?.TextContent.Trim();
        Assert.Equal("Не указано образование: образовательное учреждение.", NextTo("EducationInstitution"));
        Assert.Equal("Не указано образование: год окончания.", NextTo("EducationYear"));
        Assert.Equal("Не указано образование: специальность.", NextTo("EducationSpeciality"));
        Assert.Equal("Не указано образование: квалификация.", NextTo("EducationQualification"));
        Assert.Equal("Не указан педагогический стаж.", NextTo("PedagogicalServiceYears"));
        Assert.Equal("Не указан стаж в данной должности.", NextTo("PositionServiceYears"));
        Assert.Equal("Не указан стаж в данной организации.", NextTo("OrganisationServiceYears"));
        Assert.Equal("Не указаны результаты работы, которые вы считаете основанием для аттестации.", NextTo("ResultsGrounds"));
        Assert.Equal("Не указана заявленная квалификационная категория.", NextTo("ClaimedCategory"));
        Assert.Equal("Не дано согласие на обработку персональных данных.", NextTo("PersonalDataConsent"));
        // The checklist above the buttons names them too, each a link to its field.
        var checklist = page.QuerySelectorAll("#submission-problems li a").ToList();
        Assert.Contains(checklist, a => a.TextContent.Trim() == "не указан педагогический стаж"
            && a.GetAttribute("href") == "#Input_PedagogicalServiceYears");
        Assert.NotNull(page.QuerySelector("#Input_PedagogicalServiceYears"));
        Assert.StartsWith("Заявление не может быть подано: ", page.QuerySelector("#refusal")?.TextContent.Trim(), StringComparison.Ordinal);

        // Only the refused submission brings the messages: the draft opened again reads calmly, the checklist stays.
        var reopened = await client.GetDocumentAsync(EditUrl(id));
        Assert.Equal("", reopened.QuerySelector("span[data-valmsg-for='Input.PedagogicalServiceYears']")?.TextContent.Trim());
        Assert.NotEmpty(reopened.QuerySelectorAll("#submission-problems li"));
        // The application's card lists them as well, each leading to its field of the form.
        var card = await client.GetDocumentAsync(DetailsUrl(id));
        Assert.Contains(card.QuerySelectorAll("#submission-problems li a"), a => a.TextContent.Trim() == "не указан педагогический стаж"
            && a.GetAttribute("href") == $"{EditUrl(id)}#Input_PedagogicalServiceYears");
    }

    [Fact]
    public async Task The_print_hint_of_a_new_form_says_the_button_comes_with_the_saved_draft()
    {
        await _cabinet.CreateTeacherAsync("submit.printhint");
        using var client = await factory.SignInAsync("submit.printhint");

        var blank = await client.GetDocumentAsync(NewApplicationUrl);
        Assert.StartsWith("Сохраните черновик: под формой появится кнопка «Распечатать заявление».",
            blank.QuerySelector("#print-hint")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain(blank.QuerySelectorAll("a, button"), e => e.TextContent.Trim() == "Распечатать заявление");

        var id = await SaveDraftAsync(client, new Dictionary<string, string>());
        var draft = await client.GetDocumentAsync(EditUrl(id));
        Assert.StartsWith("Распечатайте заявление (кнопка «Распечатать заявление» под формой)",
            draft.QuerySelector("#print-hint")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains(draft.QuerySelectorAll("a"), e => e.TextContent.Trim() == "Распечатать заявление");
    }

    [Fact]
    public async Task Position_service_longer_than_pedagogical_service_is_refused_next_to_the_field()
    {
        await _cabinet.CreateTeacherAsync("submit.service");
        using var client = await factory.SignInAsync("submit.service");
        var id = await SaveDraftAsync(client, CompleteForm());
        await AttachAsync(client, id, ApplicationDocumentKind.SignedApplication, "скан.pdf", SampleFiles.Pdf());

        using var response = await client.SubmitFormAsync(EditUrl(id),
            new Dictionary<string, string> { ["Input.PedagogicalServiceYears"] = "12", ["Input.PositionServiceYears"] = "17" },
            submitter: "submit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Стаж в должности (17) не может быть больше педагогического стажа (12).",
            page.QuerySelector("span[data-valmsg-for='Input.PositionServiceYears']")?.TextContent.Trim());
        Assert.Equal("17", page.QuerySelector("#Input_PositionServiceYears")?.GetAttribute("value"));
        Assert.Equal(ApplicationStatus.Draft, (await _cabinet.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task A_complete_application_with_its_scan_is_submitted_and_becomes_read_only()
    {
        await _cabinet.CreateTeacherAsync("submit.ok");
        using var client = await factory.SignInAsync("submit.ok");
        var id = await SaveDraftAsync(client, CompleteForm());
        await AttachAsync(client, id, ApplicationDocumentKind.SignedApplication, "скан.pdf", SampleFiles.Pdf());
        // A tab left open on the form before the submission.
        var staleForm = await client.GetDocumentAsync(EditUrl(id));
        var documentId = Assert.Single((await _cabinet.LoadAsync(id)).Documents).Id;

        using (var response = await SubmitAsync(client, id))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(DetailsUrl(id), response.RedirectPath());
        }

        var submitted = await _cabinet.LoadAsync(id);
        Assert.Equal(ApplicationStatus.Submitted, submitted.Status);
        Assert.Equal(factory.Clock.GetUtcNow(), submitted.SubmittedAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal("Заявление подано", submitted.Events.MaxBy(e => e.Number)!.Description);
        var details = await client.GetDocumentAsync(DetailsUrl(id));
        Assert.Equal("Заявление подано. Координатор по аттестации муниципалитета рассмотрит его в течение 30 календарных дней.",
            StatusMessage(details));
        Assert.Equal("Подано", details.QuerySelector("#status")!.TextContent.Trim());
        Assert.Null(details.QuerySelector($"a[href='{EditUrl(id)}']"));

        using (var edit = await client.GetAsync(EditUrl(id)))
        {
            Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
            Assert.Equal(DetailsUrl(id), edit.RedirectPath());
        }

        // The stale tab posts every button of the form: none changes the submitted application.
        using (var save = await client.SubmitFormAsync(staleForm, EditUrl(id),
                   new Dictionary<string, string> { ["Input.LastName"] = "Подменная", ["Input.Awards"] = "Подмена" }, submitter: "save"))
            Assert.Equal(DetailsUrl(id), save.RedirectPath());
        using (var upload = await client.SubmitMultipartFormAsync(staleForm, EditUrl(id), new Dictionary<string, string>(),
                   [new ChosenFile("Upload", "другой.pdf", SampleFiles.Pdf("other"), "application/pdf")], submitter: "upload"))
            Assert.Equal(DetailsUrl(id), upload.RedirectPath());
        using (var remove = await client.SubmitFormAsync(staleForm, EditUrl(id), new Dictionary<string, string>(),
                   submitter: $"remove-{documentId}"))
            Assert.Equal(DetailsUrl(id), remove.RedirectPath());
        using (var delete = await client.SubmitFormAsync(staleForm, EditUrl(id), new Dictionary<string, string>(),
                   submitter: "delete"))
            Assert.Equal(DetailsUrl(id), delete.RedirectPath());

        var after = await _cabinet.LoadAsync(id);
        Assert.Equal(ApplicationStatus.Submitted, after.Status);
        Assert.Equal("Проверкина", after.LastName);
        Assert.Null(after.Awards);
        Assert.Equal([documentId], after.Documents.Select(d => d.Id));
        Assert.Equal(submitted.LastEventNumber, after.LastEventNumber);
    }

    [Fact]
    public async Task Submitting_from_two_tabs_gives_one_submission()
    {
        await _cabinet.CreateTeacherAsync("submit.twotabs");
        using var client = await factory.SignInAsync("submit.twotabs");
        var id = await SaveDraftAsync(client, CompleteForm());
        await AttachAsync(client, id, ApplicationDocumentKind.SignedApplication, "скан.pdf", SampleFiles.Pdf());
        var firstTab = await client.GetDocumentAsync(EditUrl(id));
        var secondTab = await client.GetDocumentAsync(EditUrl(id));

        using var first = await client.SubmitFormAsync(firstTab, EditUrl(id), new Dictionary<string, string>(), submitter: "submit");
        using var second = await client.SubmitFormAsync(secondTab, EditUrl(id), new Dictionary<string, string>(), submitter: "submit");

        Assert.Equal(DetailsUrl(id), first.RedirectPath());
        Assert.Equal(DetailsUrl(id), second.RedirectPath());
        var saved = await _cabinet.LoadAsync(id);
        Assert.Equal(ApplicationStatus.Submitted, saved.Status);
        Assert.Single(saved.Events, e => e.Description == "Заявление подано");
        Assert.Equal("Заявление уже подано.", StatusMessage(await client.GetDocumentAsync(DetailsUrl(id))));
    }

    [Fact]
    public async Task A_double_click_posting_twice_at_once_gives_one_submission_and_no_error()
    {
        await _cabinet.CreateTeacherAsync("submit.doubleclick");
        using var client = await factory.SignInAsync("submit.doubleclick");
        var id = await SaveDraftAsync(client, CompleteForm());
        await AttachAsync(client, id, ApplicationDocumentKind.SignedApplication, "скан.pdf", SampleFiles.Pdf());
        var form = await client.GetDocumentAsync(EditUrl(id));

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            client.SubmitFormAsync(form, EditUrl(id), new Dictionary<string, string>(), submitter: "submit")));

        try
        {
            Assert.All(responses, response => Assert.Equal(HttpStatusCode.Redirect, response.StatusCode));
        }
        finally
        {
            foreach (var response in responses)
                response.Dispose();
        }
        var saved = await _cabinet.LoadAsync(id);
        Assert.Equal(ApplicationStatus.Submitted, saved.Status);
        Assert.Single(saved.Events, e => e.Kind == ApplicationEventKind.Submitted);
    }

    [Fact]
    public async Task A_stale_tab_posting_a_refused_form_to_a_submitted_application_is_sent_to_its_page()
    {
        await _cabinet.CreateTeacherAsync("submit.stale.refused");
        using var client = await factory.SignInAsync("submit.stale.refused");
        var id = await SaveDraftAsync(client, CompleteForm());
        await AttachAsync(client, id, ApplicationDocumentKind.SignedApplication, "скан.pdf", SampleFiles.Pdf());
        var staleForm = await client.GetDocumentAsync(EditUrl(id));
        using (var submitted = await SubmitAsync(client, id))
            Assert.Equal(DetailsUrl(id), submitted.RedirectPath());

        using var save = await client.SubmitFormAsync(staleForm, EditUrl(id),
            new Dictionary<string, string> { ["Input.LastName"] = "Smith" }, submitter: "save");
        using var upload = await client.SubmitMultipartFormAsync(staleForm, EditUrl(id), new Dictionary<string, string>(),
            [new ChosenFile("Upload", "скан.pdf", SampleFiles.Html(), "application/pdf")], submitter: "upload");

        // Not the editing form of a «черновик» that cannot be saved any more.
        Assert.Equal((HttpStatusCode.Redirect, DetailsUrl(id)), (save.StatusCode, save.RedirectPath()));
        Assert.Equal((HttpStatusCode.Redirect, DetailsUrl(id)), (upload.StatusCode, upload.RedirectPath()));
        Assert.Equal(ApplicationStatus.Submitted, (await _cabinet.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Claiming_pedagogue_mentor_needs_the_employers_petition_to_submit()
    {
        await _cabinet.CreateTeacherAsync("submit.mentor");
        using var client = await factory.SignInAsync("submit.mentor");
        var form = CompleteForm();
        form["Input.ClaimedCategory"] = "Mentor";
        form["Input.CurrentCategory"] = "Highest";
        var id = await SaveDraftAsync(client, form);
        await AttachAsync(client, id, ApplicationDocumentKind.SignedApplication, "скан.pdf", SampleFiles.Pdf());

        using (var refused = await SubmitAsync(client, id))
            Assert.Equal(id, await ExpectEditRedirectAsync(refused));
        Assert.Equal(ApplicationStatus.Draft, (await _cabinet.LoadAsync(id)).Status);
        Assert.Equal(["не прикреплён документ «Ходатайство работодателя»"],
            (await client.GetDocumentAsync(EditUrl(id))).QuerySelectorAll("#submission-problems li")
                .Select(li => li.TextContent.Trim()));

        await AttachAsync(client, id, ApplicationDocumentKind.EmployerPetition, "ходатайство.pdf", SampleFiles.Pdf());
        using var accepted = await SubmitAsync(client, id);

        Assert.Equal(DetailsUrl(id), accepted.RedirectPath());
        Assert.Equal(ApplicationStatus.Submitted, (await _cabinet.LoadAsync(id)).Status);
    }
}
