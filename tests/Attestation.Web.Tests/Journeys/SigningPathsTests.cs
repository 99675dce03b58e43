using System.Net;
using Attestation.Domain.Applications;
using Attestation.Testing;
using static Attestation.Web.Tests.Expert.ExpertCabinet;

namespace Attestation.Web.Tests.Journeys;

/// <summary>
/// Issue 15, item 4: who signs the conclusion, and when. The expert says which of the two paths he takes — the
/// specialists' copy the attestee then signs, or the scan already signed by all three — and an upload before the
/// period starts asks for a confirmation.
/// </summary>
public sealed class SigningPathsTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly Expert.ExpertCabinet _cabinet = new(factory);

    private async Task<(Guid Id, DateOnly Start)> AssignmentAsync(string prefix)
    {
        var expertA = await _cabinet.CreateExpertAsync(prefix + ".a", "Фёдоров", "Алексей", "Николаевич");
        var expertB = await _cabinet.CreateExpertAsync(prefix + ".b", "Орлова", "Ирина", "Олеговна");
        var teacher = await _cabinet.CreateTeacherAsync(prefix + ".t", "Подписная", "Ольга", "Владимировна");
        var @operator = await _cabinet.CreateOperatorAsync(prefix + ".o");
        var start = _cabinet.NextOpenPeriodStart();
        var id = await _cabinet.ScheduledApplicationAsync(teacher, expertA, expertB, start);
        await _cabinet.MakeVisibleAsync(start, _cabinet.Directory.Tomsk.Id, @operator);
        return (id, start);
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, Dictionary<string, string> values) =>
        client.SubmitMultipartFormAsync(ConclusionUrl(id),
            new Dictionary<string, string>(values) { ["Input.Recommendation"] = nameof(Conformity.Corresponds) },
            [new ChosenFile("Input.Scan", "заключение.pdf", Expert.SamplePdf.Bytes(), "application/pdf")],
            formSelector: "#upload-form");

    [Fact]
    public async Task The_page_names_both_paths_and_refuses_an_upload_without_a_path_or_before_the_period_without_confirmation()
    {
        var (id, start) = await AssignmentAsync("paths.refused");
        using var client = await factory.SignInAsync("paths.refused.a");

        var page = await client.GetDocumentAsync(ConclusionUrl(id));
        Assert.StartsWith("Только специалисты: аттестуемый получит заключение в личном кабинете",
            page.QuerySelector("label[for='signed-by-experts']")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.StartsWith("Аттестуемый и оба специалиста: загружаю скан со всеми тремя подписями",
            page.QuerySelector("label[for='signed-by-all']")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#before-period"));

        using var response = await UploadAsync(client, id, []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await response.ReadDocumentAsync();
        Assert.Equal("Укажите, кто уже подписал заключение.", refused.FieldError("SignedByAll"));
        Assert.Equal($"Период аттестации начнётся {Date(start)}: подтвердите, что заключение загружается заранее намеренно.",
            refused.FieldError("ConfirmBeforePeriod"));
        Assert.Equal(ApplicationStatus.Scheduled, (await _cabinet.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task A_scan_signed_by_all_three_is_the_signed_copy_and_the_attestee_is_not_asked_to_sign_again()
    {
        var (id, start) = await AssignmentAsync("paths.all");
        _cabinet.MoveTo(start.AddDays(3), new TimeOnly(10, 0));
        using var client = await factory.SignInAsync("paths.all.a");
        Assert.Null((await client.GetDocumentAsync(ConclusionUrl(id))).QuerySelector("#before-period"));

        using var response = await UploadAsync(client, id, new Dictionary<string, string> { ["SignedByAll"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await _cabinet.LoadAsync(id);
        Assert.Equal(ApplicationStatus.ConclusionSigned, saved.Status);
        Assert.Equal(saved.Conclusion!.FileId, saved.Conclusion.SignedFileId);
        using var teacher = await factory.SignInAsync("paths.all.t");
        var details = await teacher.GetDocumentAsync($"/Teacher/Applications/Details?id={id}");
        Assert.Null(details.QuerySelector("form[action*='SignConclusion']"));
        Assert.DoesNotContain("Вам пришло итоговое заключение", details.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_specialists_copy_waits_for_the_attestees_signature()
    {
        var (id, _) = await AssignmentAsync("paths.draft");
        using var client = await factory.SignInAsync("paths.draft.a");

        using var response = await UploadAsync(client, id,
            new Dictionary<string, string> { ["SignedByAll"] = "false", ["ConfirmBeforePeriod"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ApplicationStatus.ConclusionUploaded, (await _cabinet.LoadAsync(id)).Status);
        using var teacher = await factory.SignInAsync("paths.draft.t");
        var details = await teacher.GetDocumentAsync($"/Teacher/Applications/Details?id={id}");
        Assert.NotNull(details.QuerySelector("form[action*='SignConclusion']"));
    }
}
