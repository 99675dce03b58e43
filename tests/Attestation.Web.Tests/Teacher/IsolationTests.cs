using System.Net;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Microsoft.EntityFrameworkCore;
using static Attestation.Web.Tests.Teacher.TeacherCabinet;

namespace Attestation.Web.Tests.Teacher;

/// <summary>
/// A teacher sees and changes only his own applications and files: every page of the cabinet that takes an id answers
/// another teacher's id with 404 and changes nothing. The same request by the owner is the control that the URL is right.
/// </summary>
public sealed class IsolationTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private const string OwnerName = "Владельцева";

    private readonly TeacherCabinet _cabinet = new(factory);

    public static TheoryData<string> Requests =>
    [
        "edit", "save", "upload", "remove-document", "submit", "delete",
        "details", "sign-conclusion", "cancel-withdrawal", "file", "print", "withdraw", "withdraw-post",
    ];

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Another_teachers_application_id_gives_404_and_changes_nothing(string request)
    {
        var owner = await _cabinet.CreateTeacherAsync($"iso.{request}.owner", user => user.LastName = OwnerName);
        await _cabinet.CreateTeacherAsync($"iso.{request}.intruder", user => user.LastName = "Чужакова");
        using var ownerClient = await factory.SignInAsync($"iso.{request}.owner");
        using var intruder = await factory.SignInAsync($"iso.{request}.intruder");
        var target = await OwnersApplicationAsync(ownerClient, request);
        var before = await StateAsync(owner.Id, target.Id);

        using (var response = await SendAsync(intruder, request, target))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(OwnerName, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await StateAsync(owner.Id, target.Id));
        using var own = await SendAsync(ownerClient, request, target);
        Assert.NotEqual(HttpStatusCode.NotFound, own.StatusCode);
        Assert.True((int)own.StatusCode < 400, $"The owner's own {request} answered {(int)own.StatusCode}.");
    }

    [Fact]
    public async Task A_file_of_another_application_with_ones_own_application_id_gives_404()
    {
        await _cabinet.CreateTeacherAsync("iso.fileid.owner", user => user.LastName = OwnerName);
        await _cabinet.CreateTeacherAsync("iso.fileid.intruder");
        using var ownerClient = await factory.SignInAsync("iso.fileid.owner");
        using var intruder = await factory.SignInAsync("iso.fileid.intruder");
        var foreign = await OwnersApplicationAsync(ownerClient, "file");
        var mine = await SaveDraftAsync(intruder, CompleteForm());
        await AttachAsync(intruder, mine, ApplicationDocumentKind.SignedApplication, "мой скан.pdf", SampleFiles.Pdf("mine"));
        var myFile = Assert.Single((await _cabinet.LoadAsync(mine)).Documents).FileId;
        var myOther = await SaveDraftAsync(intruder, CompleteForm());

        using (var guessed = await intruder.GetAsync(FileUrl(mine, foreign.FileId)))
            Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        // Even his own file is served only through the application it belongs to.
        using (var crossed = await intruder.GetAsync(FileUrl(myOther, myFile)))
            Assert.Equal(HttpStatusCode.NotFound, crossed.StatusCode);
        using (var unknown = await intruder.GetAsync(FileUrl(mine, Guid.CreateVersion7())))
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        using var control = await intruder.GetAsync(FileUrl(mine, myFile));
        Assert.Equal(HttpStatusCode.OK, control.StatusCode);
        Assert.Equal(SampleFiles.Pdf("mine"), await control.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_document_of_another_application_cannot_be_removed_through_ones_own()
    {
        await _cabinet.CreateTeacherAsync("iso.document.owner", user => user.LastName = OwnerName);
        await _cabinet.CreateTeacherAsync("iso.document.intruder");
        using var ownerClient = await factory.SignInAsync("iso.document.owner");
        using var intruder = await factory.SignInAsync("iso.document.intruder");
        var foreign = await OwnersApplicationAsync(ownerClient, "remove-document");
        var mine = await SaveDraftAsync(intruder, CompleteForm());
        var before = await _cabinet.LoadAsync(foreign.Id);

        using var response = await intruder.PostFormToAsync(await intruder.GetDocumentAsync(EditUrl(mine)),
            $"{EditUrl(mine)}&handler=RemoveDocument&documentId={foreign.DocumentId}", new Dictionary<string, string>());

        Assert.Equal(mine, await ExpectEditRedirectAsync(response));
        var after = await _cabinet.LoadAsync(foreign.Id);
        Assert.Equal([foreign.DocumentId], after.Documents.Select(d => d.Id));
        Assert.Equal(before.LastEventNumber, after.LastEventNumber);
        var page = await intruder.GetDocumentAsync(EditUrl(mine));
        Assert.Equal("Черновик сохранён.", StatusMessage(page));
        Assert.Equal("Документ не найден среди документов заявления.", page.QuerySelector("#refusal")?.TextContent.Trim());
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        await _cabinet.CreateTeacherAsync("iso.token");
        using var client = await factory.SignInAsync("iso.token");
        var id = await SaveDraftAsync(client, CompleteForm());
        var before = await _cabinet.LoadAsync(id);
        var fields = CompleteForm();
        fields["Input.Awards"] = "Без токена";

        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync($"{EditUrl(id)}&handler=Delete", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var after = await _cabinet.LoadAsync(id);
        Assert.Equal((before.LastEventNumber, (string?)null), (after.LastEventNumber, after.Awards));
    }

    [Fact]
    public async Task An_unknown_application_id_gives_404()
    {
        await _cabinet.CreateTeacherAsync("iso.unknown");
        using var client = await factory.SignInAsync("iso.unknown");
        var unknown = Guid.CreateVersion7();

        foreach (var url in new[] { EditUrl(unknown), DetailsUrl(unknown), PrintUrl(unknown), WithdrawUrl(unknown) })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    private sealed record Target(Guid Id, Guid DocumentId, Guid FileId);

    /// <summary>The owner's application in the state where <paramref name="request"/> would change it if it were let through.</summary>
    private async Task<Target> OwnersApplicationAsync(HttpClient owner, string request)
    {
        Guid id;
        if (request is "details" or "sign-conclusion" or "cancel-withdrawal" or "withdraw" or "withdraw-post")
            id = await _cabinet.SubmittedApplicationAsync(owner);
        else
        {
            id = await SaveDraftAsync(owner, CompleteForm());
            await AttachAsync(owner, id, ApplicationDocumentKind.SignedApplication, "скан владельца.pdf", SampleFiles.Pdf());
        }

        var application = await _cabinet.LoadAsync(id);
        if (request == "cancel-withdrawal")
        {
            await factory.Applications.Saved(id).Withdrawn(WithdrawalReason.Health, registered: false)
                .AtAsync(ApplicationStage.Submitted);
        }
        else if (request == "sign-conclusion")
        {
            var login = $"iso.{request}";
            var coordinator = await _cabinet.CreateCoordinatorAsync(login + ".coordinator");
            var expertA = await _cabinet.CreateExpertAsync(login + ".expert.a", "Лебедева");
            var expertB = await _cabinet.CreateExpertAsync(login + ".expert.b", "Соколова");
            await _cabinet.RegisterAsync(id, coordinator, login);
            await _cabinet.ScheduleAsync(id, coordinator, expertA, expertB);
            await _cabinet.AttachConclusionAsync(id, expertA, SampleFiles.Pdf("conclusion"));
        }
        var document = application.Documents.Single();
        return new Target(id, document.Id, document.FileId);
    }

    /// <summary>
    /// The request as the page would send it, with the sender's own antiforgery token (taken from his new-application
    /// form, which is valid as it stands) and the target's id in the URL.
    /// </summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string request, Target target)
    {
        var edit = EditUrl(target.Id);
        var details = DetailsUrl(target.Id);
        switch (request)
        {
            case "edit": return await client.GetAsync(edit);
            case "details": return await client.GetAsync(details);
            case "file": return await client.GetAsync(FileUrl(target.Id, target.FileId));
            case "print": return await client.GetAsync(PrintUrl(target.Id));
            case "withdraw": return await client.GetAsync(WithdrawUrl(target.Id));
        }

        var form = await client.GetDocumentAsync(NewApplicationUrl);
        var values = CompleteForm();
        values["Input.LastName"] = "Подменная";
        values["Input.Awards"] = "Подмена";
        return request switch
        {
            "save" => await client.PostFormToAsync(form, edit, values),
            "upload" => await client.PostFormToAsync(form, $"{edit}&handler=Upload",
                new Dictionary<string, string>(values) { ["UploadKind"] = nameof(ApplicationDocumentKind.Other) },
                [new ChosenFile("Upload", "подмена.pdf", SampleFiles.Pdf("forged"), "application/pdf")]),
            "remove-document" => await client.PostFormToAsync(form, $"{edit}&handler=RemoveDocument&documentId={target.DocumentId}", values),
            "submit" => await client.PostFormToAsync(form, $"{edit}&handler=Submit", values),
            "delete" => await client.PostFormToAsync(form, $"{edit}&handler=Delete", values),
            "sign-conclusion" => await client.PostFormToAsync(form, $"{details}&handler=SignConclusion", values,
                [new ChosenFile("SignedConclusion", "подписано.pdf", SampleFiles.Pdf("signed"), "application/pdf")]),
            "cancel-withdrawal" => await client.PostFormToAsync(form, $"{details}&handler=CancelWithdrawal", values),
            "withdraw-post" => await client.PostFormToAsync(form, WithdrawUrl(target.Id),
                new Dictionary<string, string> { ["Input.Reason"] = nameof(WithdrawalReason.Dismissal) }),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request, null),
        };
    }

    /// <summary>Everything a let-through request could change, as one comparable value.</summary>
    private async Task<string> StateAsync(Guid ownerId, Guid id)
    {
        await using var db = factory.OpenDb();
        var application = await db.Applications.AsNoTracking().Include(a => a.Documents).SingleOrDefaultAsync(a => a.Id == id);
        var applications = await db.Applications.CountAsync(a => a.TeacherId == ownerId);
        var files = await db.StoredFiles.CountAsync();
        return application is null
            ? $"deleted; applications {applications}; files {files}"
            : string.Join("; ", application.Status, application.LastEventNumber, application.UpdatedAt.UtcTicks,
                application.LastName, application.Awards, application.IsWithdrawalPending, application.Conclusion?.SignedFileId,
                string.Join(",", application.Documents.Select(d => d.Id).Order()), applications, files);
    }
}
