using System.Net;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Tests.School;

/// <summary>
/// On a teacher's behalf (seed 001): the school coordinator attaches documents to a teacher's draft and the signed
/// conclusion; the history names him. He cannot submit or withdraw, and sees nothing of another organisation.
/// </summary>
public sealed class OnBehalfTests(MunicipalFactory factory) : IClassFixture<MunicipalFactory>
{
    private readonly MunicipalWorld _world = new(factory);

    private static string DetailsUrl(Guid id) => $"/School/Applications/Details?id={id}";

    [Fact]
    public async Task The_coordinator_attaches_a_document_to_a_teachers_draft_and_the_history_names_him()
    {
        var place = await _world.MunicipalityAsync("Район помощи");
        var draft = await _world.ApplicationAsync(place, "Черновикова", ApplicationStage.Draft);
        var (client, coordinator) = await CoordinatorAsync(place, "Помогаева");

        var page = await client.GetDocumentAsync(DetailsUrl(draft.Id));
        Assert.Null(page.QuerySelector("form[action*='handler=Submit'], form[action*='Withdraw'], a[href*='Withdraw']"));
        using (var response = await client.SubmitMultipartFormAsync(page, DetailsUrl(draft.Id),
                   new Dictionary<string, string> { ["UploadKind"] = nameof(ApplicationDocumentKind.ResultsDescription) },
                   [new ChosenFile("Upload", "описание результатов.pdf", MunicipalWorld.MinimalPdf, "application/pdf")], "form#upload"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(DetailsUrl(draft.Id), response.RedirectPath());
        }

        var saved = await _world.ReloadAsync(draft.Id);
        var document = Assert.Single(saved.Documents, d => d.Kind == ApplicationDocumentKind.ResultsDescription);
        Assert.Equal("описание результатов.pdf", document.FileName);
        var last = saved.Events.OrderBy(e => e.Number).Last();
        Assert.Equal((coordinator.Id, Roles.SchoolCoordinator), (last.ActorId, last.ActorRole));
        var after = await client.GetDocumentAsync(DetailsUrl(draft.Id));
        Assert.Contains("Помогаева Анна Сергеевна (Координатор по аттестации в ОО)", after.Body!.TextContent, StringComparison.Ordinal);

        // The file downloads from his cabinet; the teacher sees the coordinator in his own history too.
        var link = after.QuerySelector("#documents a")!.GetAttribute("href")!;
        using (var download = await client.GetAsync(link))
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);

        // A page read before a change (the teacher saved meanwhile) is refused, nothing attached.
        using (var stale = await client.SubmitMultipartFormAsync(page, DetailsUrl(draft.Id),
                   new Dictionary<string, string> { ["UploadKind"] = nameof(ApplicationDocumentKind.Other) },
                   [new ChosenFile("Upload", "ещё.pdf", MunicipalWorld.MinimalPdf, "application/pdf")], "form#upload"))
        {
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            Assert.StartsWith("Заявление изменилось", (await stale.ReadDocumentAsync()).SummaryErrors().Single(), StringComparison.Ordinal);
        }
        Assert.Equal(saved.Documents.Count, (await _world.ReloadAsync(draft.Id)).Documents.Count);

        // Not a PDF: said next to the field.
        var fresh = await client.GetDocumentAsync(DetailsUrl(draft.Id));
        using var wrong = await client.SubmitMultipartFormAsync(fresh, DetailsUrl(draft.Id), new Dictionary<string, string>(),
            [new ChosenFile("Upload", "вирус.pdf", "MZ not a pdf"u8.ToArray(), "application/pdf")], "form#upload");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.NotEmpty((await wrong.ReadDocumentAsync()).FieldError("Upload"));
    }

    [Fact]
    public async Task The_coordinator_attaches_the_signed_conclusion_and_the_history_names_him()
    {
        var place = await _world.MunicipalityAsync("Район заключений");
        var expertA = await _world.ExpertAsync(place, "Первый");
        var expertB = await _world.ExpertAsync(place, "Второй");
        var application = await _world.ApplicationAsync(place, "Заключенова", ApplicationStage.ConclusionUploaded,
            expertA: expertA, expertB: expertB);
        var (client, coordinator) = await CoordinatorAsync(place, "Подписнова");

        using (var response = await client.SubmitMultipartFormAsync(DetailsUrl(application.Id), new Dictionary<string, string>(),
                   [new ChosenFile("SignedConclusion", "заключение подписанное.pdf", MunicipalWorld.MinimalPdf, "application/pdf")], "form#sign"))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var saved = await _world.ReloadAsync(application.Id);
        Assert.Equal(ApplicationStatus.ConclusionSigned, saved.Status);
        var last = saved.Events.OrderBy(e => e.Number).Last();
        Assert.Equal((coordinator.Id, Roles.SchoolCoordinator, ApplicationEventKind.ConclusionSigned), (last.ActorId, last.ActorRole, last.Kind));
    }

    [Fact]
    public async Task The_coordinator_cannot_submit_or_withdraw_for_the_teacher()
    {
        var place = await _world.MunicipalityAsync("Район отказов");
        var draft = await _world.ApplicationAsync(place, "Неподанная", ApplicationStage.Draft);
        var registered = await _world.ApplicationAsync(place, "Зарегистрированная", ApplicationStage.Registered);
        var (client, _) = await CoordinatorAsync(place, "Строгова");

        var page = await client.GetDocumentAsync(DetailsUrl(draft.Id));
        foreach (var card in new[] { page, await client.GetDocumentAsync(DetailsUrl(registered.Id)) })
        {
            Assert.DoesNotContain(card.QuerySelectorAll("main button, main a"), b =>
                b.TextContent.Contains("Подать", StringComparison.Ordinal) || b.TextContent.Contains("отзыв", StringComparison.OrdinalIgnoreCase)
                || b.TextContent.Contains("Отозвать", StringComparison.Ordinal) || b.TextContent.Contains("Удалить", StringComparison.Ordinal));
        }
        foreach (var (id, handler) in new[] { (draft.Id, "Submit"), (registered.Id, "Withdraw"), (registered.Id, "FileWithdrawal"), (draft.Id, "Delete") })
        {
            using var forged = await client.PostFormToAsync(page, $"{DetailsUrl(id)}&handler={handler}", new Dictionary<string, string>(),
                formSelector: "form#upload");
            Assert.Equal(HttpStatusCode.MethodNotAllowed, forged.StatusCode);
        }
        // The teacher's own pages are not his.
        using (var teachers = await client.PostFormToAsync(page, $"/Teacher/Applications/Edit?id={draft.Id}&handler=Submit",
                   new Dictionary<string, string>(), formSelector: "form#upload"))
            Assert.True(teachers.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.NotFound);
        using (var withdraw = await client.PostFormToAsync(page, $"/Teacher/Applications/Withdraw?id={registered.Id}",
                   new Dictionary<string, string>(), formSelector: "form#upload"))
            Assert.True(withdraw.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.NotFound);

        Assert.Equal(ApplicationStatus.Draft, (await _world.ReloadAsync(draft.Id)).Status);
        var still = await _world.ReloadAsync(registered.Id);
        Assert.Equal(ApplicationStatus.Registered, still.Status);
        Assert.Null(still.Withdrawal);
    }

    [Fact]
    public async Task Another_organisations_application_and_its_files_are_404_for_every_page_and_handler()
    {
        var place = await _world.MunicipalityAsync("Район чужих");
        var own = await _world.ApplicationAsync(place, "Своя", ApplicationStage.Draft);
        var foreign = await _world.ApplicationAsync(place, "Чужая", ApplicationStage.ConclusionUploaded, organisationId: place.OtherSchool.Id,
            expertA: await _world.ExpertAsync(place, "Первый"), expertB: await _world.ExpertAsync(place, "Второй"));
        var foreignFile = foreign.Conclusion!.FileId;
        var (client, _) = await CoordinatorAsync(place, "Изолированная");
        var page = await client.GetDocumentAsync(DetailsUrl(own.Id));

        using (var details = await client.GetAsync(DetailsUrl(foreign.Id)))
            Assert.Equal(HttpStatusCode.NotFound, details.StatusCode);
        using (var file = await client.GetAsync($"/School/Applications/File?id={foreign.Id}&fileId={foreignFile}"))
            Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        // Another application's file through his own application's id.
        using (var crossed = await client.GetAsync($"/School/Applications/File?id={own.Id}&fileId={foreignFile}"))
            Assert.Equal(HttpStatusCode.NotFound, crossed.StatusCode);
        foreach (var handler in new[] { "Upload", "SignConclusion" })
        {
            using var forged = await client.PostFormToAsync(page, $"{DetailsUrl(foreign.Id)}&handler={handler}",
                new Dictionary<string, string>(), [new ChosenFile(handler == "Upload" ? "Upload" : "SignedConclusion", "x.pdf", MunicipalWorld.MinimalPdf, "application/pdf")],
                formSelector: "form#upload");
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        }
        Assert.Equal((await _world.ReloadAsync(foreign.Id)).Events.Count, foreign.Events.Count);
    }

    private async Task<(HttpClient Client, AppUser Coordinator)> CoordinatorAsync(MunicipalWorld.Place place, string lastName)
    {
        var login = $"school{MunicipalWorld.Next()}";
        var coordinator = await factory.CreateUserAsync(Roles.SchoolCoordinator, login, u =>
        {
            u.LastName = lastName;
            u.MunicipalityId = place.Municipality.Id;
            u.OrganisationId = place.School.Id;
        });
        return (await factory.SignInAsync(login), coordinator);
    }
}
