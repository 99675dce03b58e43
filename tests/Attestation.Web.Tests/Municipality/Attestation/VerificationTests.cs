using System.Net;
using Attestation.Domain.Applications;
using Attestation.Testing;
using AttestationList = Attestation.Web.Areas.Municipality.Pages.Verification.IndexModel;

namespace Attestation.Web.Tests.Municipality.Attestation;

/// <summary>«Аттестация педагогических работников»: the conclusions of the municipality and the coordinator's mark.</summary>
public sealed class VerificationTests(MunicipalFactory factory) : IClassFixture<MunicipalFactory>
{
    private readonly MunicipalWorld _world = new(factory);

    private static readonly Dictionary<string, string> AllTicked = new()
    {
        ["Input.AllPages"] = "true",
        ["Input.TeacherSigned"] = "true",
        ["Input.ExpertsSigned"] = "true",
        ["Input.RecommendationFilled"] = "true",
        ["Input.Mark"] = nameof(Conformity.Corresponds),
    };

    [Fact]
    public async Task The_list_shows_each_conclusion_state_and_highlights_the_due_date()
    {
        var place = await _world.MunicipalityAsync("Асиновский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var a = await _world.ExpertAsync(place, "Фёдоров");
        var b = await _world.ExpertAsync(place, "Громов");
        var none = await _world.ApplicationAsync(place, "Безызаключения", ApplicationStage.Scheduled, factory.ClosedPeriod, a, b);
        var uploaded = await _world.ApplicationAsync(place, "Сзаключением", ApplicationStage.ConclusionUploaded, factory.ClosedPeriod, a, b);
        var signed = await _world.ApplicationAsync(place, "Подписавшая", ApplicationStage.ConclusionSigned, factory.ClosedPeriod, a, b);
        var later = await _world.ApplicationAsync(place, "Поздняя", ApplicationStage.Scheduled, factory.OpenPeriod, a, b);
        await _world.ApplicationAsync(place, "Незапланированная", ApplicationStage.Registered);
        using var client = await factory.SignInAsync(coordinator.UserName!);

        var page = await client.GetDocumentAsync($"/Municipality/Attestation?periodId={factory.ClosedPeriod.Id}");

        var rows = page.QuerySelectorAll("#applications tbody tr").ToDictionary(r => r.GetAttribute("data-id")!);
        Assert.Equal(new[] { none.Id, uploaded.Id, signed.Id }.Select(id => id.ToString()).Order(), rows.Keys.Order());
        string Conclusion(Guid id) => rows[id.ToString()].QuerySelector("td.conclusion")!.TextContent;
        Assert.Contains("Итоговое заключение не прикреплено", Conclusion(none.Id), StringComparison.Ordinal);
        Assert.Contains("Прикреплено итоговое заключение экспертом/ оператором", Conclusion(uploaded.Id), StringComparison.Ordinal);
        Assert.Contains("Не подписано аттестуемым", Conclusion(uploaded.Id), StringComparison.Ordinal);
        Assert.Contains("Подписано аттестуемым", Conclusion(signed.Id), StringComparison.Ordinal);
        Assert.Null(rows[uploaded.Id.ToString()].QuerySelector("a[href*='/Verify']"));
        Assert.NotNull(rows[signed.Id.ToString()].QuerySelector("a[href*='/Verify']"));

        // The closed period started this month: its conclusions are due on the 15th of next month, 40 days ahead at most.
        var due = Domain.Periods.PeriodCalendar.Deadlines(factory.ClosedPeriod).ConclusionUploadedBy;
        var dueCell = rows[none.Id.ToString()].QuerySelector("td.due")!;
        Assert.Equal($"до {due:dd.MM.yyyy}", dueCell.TextContent.Trim());
        Assert.DoesNotContain(later.Id.ToString(), rows.Keys);
        Assert.Equal(AttestationList.Due.Overdue,
            AttestationList.DueStateOf((await _world.ReloadAsync(none.Id)).ConclusionPartDone, due, due.AddDays(1)));
        Assert.Equal(AttestationList.Due.Soon,
            AttestationList.DueStateOf((await _world.ReloadAsync(uploaded.Id)).ConclusionPartDone, due, due.AddDays(-3)));
        Assert.Equal(AttestationList.Due.Done,
            AttestationList.DueStateOf((await _world.ReloadAsync(signed.Id)).ConclusionPartDone, due, due.AddDays(1)));
    }

    [Fact]
    public async Task With_the_signed_conclusion_and_every_box_ticked_the_mark_is_saved()
    {
        var (coordinator, application) = await ApplicationAsync(ApplicationStage.ConclusionSigned);
        using var client = await factory.SignInAsync(coordinator);

        using var response = await client.SubmitFormAsync(Url(application.Id), new Dictionary<string, string>(AllTicked)
        {
            ["Input.Mark"] = nameof(Conformity.DoesNotCorrespond),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await _world.ReloadAsync(application.Id);
        Assert.Equal(ApplicationStatus.Verified, saved.Status);
        Assert.Equal(Conformity.DoesNotCorrespond, saved.CoordinatorMark);
    }

    [Fact]
    public async Task Without_every_box_ticked_the_mark_is_refused_next_to_the_unticked_ones()
    {
        var (coordinator, application) = await ApplicationAsync(ApplicationStage.ConclusionSigned);
        using var client = await factory.SignInAsync(coordinator);

        using var response = await client.SubmitFormAsync(Url(application.Id), new Dictionary<string, string>(AllTicked)
        {
            ["Input.TeacherSigned"] = "false",
            ["Input.ExpertsSigned"] = "false",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Проверьте и отметьте этот пункт.", page.FieldError("Input.TeacherSigned"));
        Assert.Equal("Проверьте и отметьте этот пункт.", page.FieldError("Input.ExpertsSigned"));
        Assert.Equal("", page.FieldError("Input.AllPages"));
        Assert.Equal(ApplicationStatus.ConclusionSigned, (await _world.ReloadAsync(application.Id)).Status);
    }

    [Fact]
    public async Task Without_the_signed_conclusion_the_mark_is_refused_even_with_every_box_ticked()
    {
        var (coordinator, application) = await ApplicationAsync(ApplicationStage.ConclusionUploaded);
        using var client = await factory.SignInAsync(coordinator);

        var form = await client.GetDocumentAsync(Url(application.Id));
        using var response = await client.SubmitFormAsync(form, Url(application.Id), AllTicked);

        Assert.True(form.QuerySelector("#save")!.HasAttribute("disabled"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("Итоговое заключение, подписанное аттестуемым и двумя специалистами, не прикреплено: отметку ставить рано.",
            page.SummaryErrors());
        var saved = await _world.ReloadAsync(application.Id);
        Assert.Equal(ApplicationStatus.ConclusionUploaded, saved.Status);
        Assert.Null(saved.CoordinatorMark);
    }

    [Fact]
    public async Task Another_municipality_application_and_files_are_not_found_on_every_page_and_post()
    {
        var (coordinator, own) = await ApplicationAsync(ApplicationStage.ConclusionSigned);
        var (_, foreign) = await ApplicationAsync(ApplicationStage.ConclusionSigned);
        using var client = await factory.SignInAsync(coordinator);
        var ownPage = await client.GetDocumentAsync(Url(own.Id));

        using var verify = await client.GetAsync(Url(foreign.Id));
        using var post = await client.ForgePostAsync(ownPage, Url(foreign.Id), AllTicked);
        using var foreignFile = await client.GetAsync(
            $"/Municipality/Attestation?handler=File&id={foreign.Id}&fileId={foreign.Conclusion!.FileId}");
        using var foreignFileThroughOwn = await client.GetAsync(
            $"/Municipality/Attestation?handler=File&id={own.Id}&fileId={foreign.Conclusion.FileId}");
        using var ownFile = await client.GetAsync(
            $"/Municipality/Attestation?handler=File&id={own.Id}&fileId={own.Conclusion!.SignedFileId}");
        var list = await client.GetDocumentAsync("/Municipality/Attestation");

        Assert.Equal(HttpStatusCode.NotFound, verify.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignFile.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignFileThroughOwn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownFile.StatusCode);
        Assert.Equal("application/pdf", ownFile.Content.Headers.ContentType?.MediaType);
        Assert.Null(list.QuerySelector($"tr[data-id='{foreign.Id}']"));
        Assert.NotNull(list.QuerySelector($"tr[data-id='{own.Id}']"));
        Assert.Equal(ApplicationStatus.ConclusionSigned, (await _world.ReloadAsync(foreign.Id)).Status);
    }

    private static string Url(Guid id) => $"/Municipality/Attestation/Verify?id={id}";

    /// <summary>A coordinator of a municipality of his own, and an application of it at <paramref name="stage"/>.</summary>
    private async Task<(string Login, Application Application)> ApplicationAsync(ApplicationStage stage)
    {
        var place = await _world.MunicipalityAsync("Зырянский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var a = await _world.ExpertAsync(place, "Фёдоров");
        var b = await _world.ExpertAsync(place, "Громов");
        var application = await _world.ApplicationAsync(place, "Аттестуемая", stage, factory.ClosedPeriod, a, b);
        return (coordinator.UserName!, application);
    }
}
