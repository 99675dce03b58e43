using System.Net;
using AngleSharp.Html.Dom;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Names;
using Attestation.Testing;
using Attestation.Web.Areas.Municipality.Pages.Withdraw;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Tests.Municipality.Withdraw;

/// <summary>«Отзыв заявления педагогического работника муниципальным координатором»: form, attach, submit.</summary>
public sealed class WithdrawTests(MunicipalFactory factory) : IClassFixture<MunicipalFactory>
{
    private const string FormStep = "#step-form form";
    private const string AttachStep = "#step-attach form";
    private const string SubmitStep = "#step-submit form";

    private readonly MunicipalWorld _world = new(factory);

    [Fact]
    public async Task The_list_holds_the_registered_applications_with_the_seeds_explanations()
    {
        var place = await _world.MunicipalityAsync("Каргасокский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var a = await _world.ExpertAsync(place, "Фёдоров");
        var b = await _world.ExpertAsync(place, "Громов");
        var registered = await _world.ApplicationAsync(place, "Зарегистрированная", ApplicationStage.Registered);
        var scheduled = await _world.ApplicationAsync(place, "Назначенная", ApplicationStage.Scheduled, factory.OpenPeriod, a, b);
        var filed = await _world.ApplicationAsync(place, "Отзывающая", ApplicationStage.Registered);
        await using (var db = factory.OpenDb())
        {
            var application = await db.Applications.SingleAsync(x => x.Id == filed.Id);
            application.FileWithdrawal(WithdrawalReason.Dismissal, null, false, null, new Actor(application.TeacherId, Roles.Teacher), factory.Now);
            await db.SaveChangesAsync();
        }
        await _world.ApplicationAsync(place, "Поданная", ApplicationStage.Submitted);
        await _world.ApplicationAsync(place, "Черновая", ApplicationStage.Draft);
        await _world.ApplicationAsync(await _world.MunicipalityAsync("Бакчарский район"), "Чужая", ApplicationStage.Registered);
        using var client = await factory.SignInAsync(coordinator.UserName!);

        var page = await client.GetDocumentAsync("/Municipality/Withdraw");

        var rows = page.QuerySelectorAll("#applications tbody tr").ToDictionary(r => r.GetAttribute("data-id")!);
        Assert.Equal(new[] { registered.Id, scheduled.Id, filed.Id }.Select(id => id.ToString()).Order(), rows.Keys.Order());
        Assert.Contains("Подача заявления на отзыв не доступна т.к. заявление на отзыв не сформировано",
            rows[registered.Id.ToString()].TextContent, StringComparison.Ordinal);
        Assert.Contains("Подача заявления на отзыв не доступна т.к. заявление на отзыв отправлено",
            rows[filed.Id.ToString()].TextContent, StringComparison.Ordinal);
        Assert.Null(rows[filed.Id.ToString()].QuerySelector("a"));
        Assert.Equal($"/Municipality/Withdraw/Prepare?id={scheduled.Id}",
            rows[scheduled.Id.ToString()].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Forming_attaching_and_submitting_files_the_withdrawal_with_the_signed_scan()
    {
        var (client, application, coordinator) = await StartAsync();
        using var _ = client;

        // 1. «Сформировать заявление на отзыв».
        using var formed = await client.SubmitFormAsync(Url(application.Id), new Dictionary<string, string>
        {
            ["Input.Reason"] = nameof(WithdrawalReason.Health),
            ["Input.Text"] = "длительное лечение",
        }, FormStep);
        Assert.Equal(HttpStatusCode.Redirect, formed.StatusCode);
        var afterForm = await client.GetDocumentAsync(formed.RedirectPath()!);
        Assert.NotNull(afterForm.QuerySelector("#formed"));
        Assert.False(afterForm.QuerySelector("#attach")!.HasAttribute("disabled"));
        Assert.True(afterForm.QuerySelector("#submit")!.HasAttribute("disabled"));
        Assert.Equal(PrepareModel.NotAttached, afterForm.QuerySelector("#submit-unavailable")!.TextContent.Trim());

        var pdf = await client.DownloadAsync(afterForm.QuerySelector("#download")!.GetAttribute("href")!, "application/pdf");
        await Downloads.SaveArtifactAsync("withdrawal-document.pdf", pdf);
        var text = await Downloads.RawTextAsync(pdf);
        Assert.Contains("ЗАЯВЛЕНИЕ НА ОТЗЫВ", text, StringComparison.Ordinal);
        Assert.Contains("В аттестационную комиссию Департамента общего образования Томской области от Лебедевой Олеси Игоревны",
            text, StringComparison.Ordinal);
        Assert.Contains("Прошу отозвать заявление о проведении аттестации педагогического работника Отзываемой Марии Петровны, учитель математики",
            text, StringComparison.Ordinal);
        Assert.Contains($"№ {application.RegistrationNumber} (зарегистрировано {application.RegisteredOn:dd.MM.yyyy})", text, StringComparison.Ordinal);
        Assert.Contains("Причина отзыва заявления: по состоянию здоровья: длительное лечение.", text, StringComparison.Ordinal);
        Assert.Contains($"Муниципальный координатор по аттестации: Дата Подпись / {new PersonName(coordinator.LastName, coordinator.FirstName, coordinator.MiddleName).ShortName} /", text, StringComparison.Ordinal);
        Assert.Contains("С отзывом заявления ознакомлен(а) педагогический работник: Дата Подпись / Отзываемая М. П. /", text, StringComparison.Ordinal);

        // 2. «Прикрепить» the signed scan.
        var scan = MunicipalWorld.MinimalPdf;
        using var attached = await AttachAsync(client, afterForm, "скан заявления на отзыв.pdf", scan);
        Assert.Equal(HttpStatusCode.Redirect, attached.StatusCode);
        var afterAttach = await client.GetDocumentAsync(attached.RedirectPath()!);
        Assert.Contains("скан заявления на отзыв.pdf", afterAttach.QuerySelector("#attached")!.TextContent, StringComparison.Ordinal);
        Assert.False(afterAttach.QuerySelector("#submit")!.HasAttribute("disabled"));
        Assert.Equal(ApplicationStatus.Registered, (await _world.ReloadAsync(application.Id)).Status);
        Assert.False((await _world.ReloadAsync(application.Id)).IsWithdrawalPending);

        // 3. «Подать».
        using var submitted = await client.SubmitFormAsync(afterAttach, Url(application.Id), new Dictionary<string, string>(), SubmitStep);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal("/Municipality/Withdraw", submitted.RedirectPath());

        var saved = await _world.ReloadAsync(application.Id);
        Assert.True(saved.IsWithdrawalPending);
        Assert.True(saved.Withdrawal!.ByCoordinator);
        Assert.Equal(WithdrawalReason.Health, saved.Withdrawal.ReasonKind);
        Assert.Equal("длительное лечение", saved.Withdrawal.ReasonText);
        Assert.Equal(coordinator.Id, saved.Withdrawal.FiledBy);
        await using var db = factory.OpenDb();
        var file = await db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == saved.Withdrawal.DocumentFileId);
        Assert.Equal(scan, file.Content);
        Assert.Equal(coordinator.Id, file.CreatedBy);
    }

    [Fact]
    public async Task The_withdrawal_document_names_the_teacher_as_he_corrected_his_genitive()
    {
        var (client, application, _) = await StartAsync();
        using var _ = client;
        await using (var db = factory.OpenDb())
        {
            var teacher = await db.Users.SingleAsync(u => u.Id == application.TeacherId);
            teacher.CorrectGenitive(new GenitiveCorrection("Отзываемая Мария Петровна", "Отзываемой Марьи Петровны"));
            await db.SaveChangesAsync();
        }
        using var formed = await client.SubmitFormAsync(Url(application.Id), new Dictionary<string, string>
        {
            ["Input.Reason"] = nameof(WithdrawalReason.Dismissal),
        }, FormStep);
        var afterForm = await client.GetDocumentAsync(formed.RedirectPath()!);

        var pdf = await client.DownloadAsync(afterForm.QuerySelector("#download")!.GetAttribute("href")!, "application/pdf");

        Assert.Contains("педагогического работника Отзываемой Марьи Петровны, учитель математики",
            await Downloads.RawTextAsync(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attach_and_submit_are_refused_by_the_server_until_the_step_before_is_done()
    {
        var (client, application, coordinator) = await StartAsync();
        using var _ = client;
        var (_, other, _) = await StartAsync();
        var files = await StoredFileCountAsync();

        var fresh = await client.GetDocumentAsync(Url(application.Id));
        Assert.True(fresh.QuerySelector("#attach")!.HasAttribute("disabled"));
        Assert.True(fresh.QuerySelector("#submit")!.HasAttribute("disabled"));
        Assert.Equal(PrepareModel.NotFormed, fresh.QuerySelector("#submit-unavailable")!.TextContent.Trim());

        // Attach with no document formed, or with a forged draft: refused, nothing stored.
        using var attachUnformed = await AttachAsync(client, fresh, "скан.pdf", MunicipalWorld.MinimalPdf);
        using var attachForged = await AttachAsync(client, fresh, "скан.pdf", MunicipalWorld.MinimalPdf, draft: "CfDJ8forged");
        Assert.Equal(PrepareModel.AttachNotFormed, (await attachUnformed.ReadDocumentAsync()).FieldError("Scan"));
        Assert.Equal(PrepareModel.AttachNotFormed, (await attachForged.ReadDocumentAsync()).FieldError("Scan"));
        Assert.Equal(files, await StoredFileCountAsync());

        // Submit with no document formed.
        using var submitUnformed = await client.SubmitFormAsync(fresh, Url(application.Id), new Dictionary<string, string>(), SubmitStep);
        Assert.Contains(PrepareModel.NotFormed, (await submitUnformed.ReadDocumentAsync()).SummaryErrors());

        // Submit with the document formed but no scan attached.
        using var formed = await client.SubmitFormAsync(Url(application.Id), new Dictionary<string, string>
        {
            ["Input.Reason"] = nameof(WithdrawalReason.Dismissal),
        }, FormStep);
        var afterForm = await client.GetDocumentAsync(formed.RedirectPath()!);
        using var submitUnattached = await client.SubmitFormAsync(afterForm, Url(application.Id), new Dictionary<string, string>(), SubmitStep);
        Assert.Contains(PrepareModel.NotAttached, (await submitUnattached.ReadDocumentAsync()).SummaryErrors());

        // The draft of one application does not open the steps of another.
        using var attachedElsewhere = await client.PostMultipartAsync($"/Municipality/Withdraw/Prepare?id={other.Id}&handler=Attach",
            Fields(afterForm, AttachStep), "Scan", "скан.pdf", MunicipalWorld.MinimalPdf);
        Assert.Equal(HttpStatusCode.NotFound, attachedElsewhere.StatusCode);

        Assert.False((await _world.ReloadAsync(application.Id)).IsWithdrawalPending);
        Assert.Equal(files, await StoredFileCountAsync());
        Assert.NotEqual(Guid.Empty, coordinator.Id);
    }

    [Fact]
    public async Task Another_municipality_application_is_not_found_on_every_page_and_post()
    {
        var (client, own, _) = await StartAsync();
        using var _ = client;
        var (_, foreign, _) = await StartAsync();
        using var formed = await client.SubmitFormAsync(Url(own.Id), new Dictionary<string, string>
        {
            ["Input.Reason"] = nameof(WithdrawalReason.Dismissal),
        }, FormStep);
        var ownPage = await client.GetDocumentAsync(formed.RedirectPath()!);
        var draft = Fields(ownPage, AttachStep)["Draft"];
        var foreignUrl = Url(foreign.Id);

        using var get = await client.GetAsync(foreignUrl);
        using var document = await client.GetAsync($"{foreignUrl}&handler=Document&draft={Uri.EscapeDataString(draft)}");
        using var form = await client.ForgePostAsync(ownPage, $"{foreignUrl}&handler=Form",
            new Dictionary<string, string> { ["Input.Reason"] = nameof(WithdrawalReason.Dismissal) }, FormStep);
        using var attach = await client.PostMultipartAsync($"{foreignUrl}&handler=Attach", Fields(ownPage, AttachStep),
            "Scan", "скан.pdf", MunicipalWorld.MinimalPdf);
        using var submit = await client.ForgePostAsync(ownPage, $"{foreignUrl}&handler=Submit", new Dictionary<string, string>(), SubmitStep);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, document.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, form.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, attach.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, submit.StatusCode);
        Assert.False((await _world.ReloadAsync(foreign.Id)).IsWithdrawalPending);
    }

    private static string Url(Guid id) => $"/Municipality/Withdraw/Prepare?id={id}";

    /// <summary>A coordinator of a municipality of his own, signed in, and a registered application of it.</summary>
    private async Task<(HttpClient Client, Application Application, AppUser Coordinator)> StartAsync()
    {
        var place = await _world.MunicipalityAsync("Шегарский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var application = await _world.ApplicationAsync(place, "Отзываемая", ApplicationStage.Registered);
        return (await factory.SignInAsync(coordinator.UserName!), application, coordinator);
    }

    /// <summary>The hidden fields of one of the page's forms: the antiforgery token and the draft.</summary>
    private static Dictionary<string, string> Fields(IHtmlDocument page, string formSelector) =>
        page.QuerySelector(formSelector)!.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .ToDictionary(input => input.Name!, input => input.Value);

    private static Task<HttpResponseMessage> AttachAsync(HttpClient client, IHtmlDocument page, string fileName, byte[] content,
        string? draft = null)
    {
        var form = (IHtmlFormElement)page.QuerySelector(AttachStep)!;
        var fields = Fields(page, AttachStep);
        if (draft is not null)
            fields["Draft"] = draft;
        return client.PostMultipartAsync(form.GetAttribute("action")!, fields, "Scan", fileName, content);
    }

    private async Task<int> StoredFileCountAsync()
    {
        await using var db = factory.OpenDb();
        return await db.StoredFiles.CountAsync();
    }
}
