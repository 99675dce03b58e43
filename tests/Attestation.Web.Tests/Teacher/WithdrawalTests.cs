using System.Net;
using Attestation.Domain.Applications;
using Attestation.Testing;
using static Attestation.Web.Tests.Teacher.TeacherCabinet;

namespace Attestation.Web.Tests.Teacher;

/// <summary>«Заявление на отзыв»: filed by the teacher with a reason, waiting for the coordinator, cancellable.</summary>
public sealed class WithdrawalTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private const string CancelForm = "main form[action*='handler=CancelWithdrawal']";

    private readonly TeacherCabinet _cabinet = new(factory);

    [Fact]
    public async Task The_reason_other_without_an_explanation_is_refused_in_russian()
    {
        await _cabinet.CreateTeacherAsync("withdraw.other");
        using var client = await factory.SignInAsync("withdraw.other");
        var id = await _cabinet.SubmittedApplicationAsync(client);

        using var response = await client.SubmitFormAsync(WithdrawUrl(id),
            new Dictionary<string, string> { ["Input.Reason"] = nameof(WithdrawalReason.Other), ["Input.Text"] = "  " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Опишите причину отзыва.", page.FieldError("Input.Text"));
        Assert.Equal(nameof(WithdrawalReason.Other), page.FieldValue("Input.Reason"));
        var saved = await _cabinet.LoadAsync(id);
        Assert.Null(saved.Withdrawal);
        Assert.DoesNotContain(saved.Events, e => e.Kind == ApplicationEventKind.WithdrawalFiled);
    }

    [Fact]
    public async Task No_reason_chosen_is_refused_in_russian()
    {
        await _cabinet.CreateTeacherAsync("withdraw.noreason");
        using var client = await factory.SignInAsync("withdraw.noreason");
        var id = await _cabinet.SubmittedApplicationAsync(client);

        using var response = await client.SubmitFormAsync(WithdrawUrl(id), new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Выберите причину отзыва.", (await response.ReadDocumentAsync()).FieldError("Input.Reason"));
        Assert.Null((await _cabinet.LoadAsync(id)).Withdrawal);
    }

    [Fact]
    public async Task A_withdrawal_for_health_reasons_is_filed_and_waits_for_the_coordinator()
    {
        await _cabinet.CreateTeacherAsync("withdraw.health");
        using var client = await factory.SignInAsync("withdraw.health");
        var id = await _cabinet.SubmittedApplicationAsync(client);
        var form = await client.GetDocumentAsync(WithdrawUrl(id));
        Assert.Equal(Enum.GetNames<WithdrawalReason>(),
            form.QuerySelectorAll("input[name='Input.Reason']").Select(radio => radio.GetAttribute("value")));

        using var response = await client.SubmitFormAsync(form, WithdrawUrl(id),
            new Dictionary<string, string> { ["Input.Reason"] = nameof(WithdrawalReason.Health) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(DetailsUrl(id), response.RedirectPath());
        var saved = await _cabinet.LoadAsync(id);
        Assert.Equal(ApplicationStatus.Submitted, saved.Status);
        Assert.Equal(WithdrawalReason.Health, saved.Withdrawal!.ReasonKind);
        Assert.False(saved.Withdrawal.IsRegistered);
        Assert.False(saved.Withdrawal.ByCoordinator);
        var filed = saved.Events.MaxBy(e => e.Number)!;
        Assert.Equal(("Подано заявление на отзыв", "по состоянию здоровья"), (filed.Description, filed.Reason));

        var details = await client.GetDocumentAsync(DetailsUrl(id));
        Assert.Equal("Заявление на отзыв подано. Оно будет зарегистрировано муниципальным координатором.", StatusMessage(details));
        Assert.Equal("Подано (подано заявление на отзыв)", details.QuerySelector("#status")!.TextContent.Trim());
        var withdrawal = Text(details.QuerySelector("#withdrawal")!);
        Assert.Contains($"Заявление на отзыв подано {Date(_cabinet.Today)} (причина: по состоянию здоровья).", withdrawal,
            StringComparison.Ordinal);
        Assert.Contains("Ожидает регистрации муниципальным координатором.", withdrawal, StringComparison.Ordinal);
        var list = await client.GetDocumentAsync(ApplicationsUrl);
        Assert.Equal("Подано (подано заявление на отзыв)", list.QuerySelector("tbody tr .badge")!.TextContent.Trim());

        // A second withdrawal cannot be filed while this one waits.
        using var again = await client.GetAsync(WithdrawUrl(id));
        Assert.Equal(DetailsUrl(id), again.RedirectPath());
    }

    [Fact]
    public async Task A_pending_withdrawal_can_be_cancelled()
    {
        await _cabinet.CreateTeacherAsync("withdraw.cancel");
        using var client = await factory.SignInAsync("withdraw.cancel");
        var id = await _cabinet.SubmittedApplicationAsync(client);
        using (var filed = await client.SubmitFormAsync(WithdrawUrl(id), new Dictionary<string, string>
               {
                   ["Input.Reason"] = nameof(WithdrawalReason.Other),
                   ["Input.Text"] = "переезд в другой регион",
               }))
        {
            Assert.Equal(DetailsUrl(id), filed.RedirectPath());
        }
        Assert.Equal("переезд в другой регион", (await _cabinet.LoadAsync(id)).Withdrawal!.ReasonText);

        using var response = await client.SubmitFormAsync(DetailsUrl(id), new Dictionary<string, string>(), CancelForm);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(DetailsUrl(id), response.RedirectPath());
        var saved = await _cabinet.LoadAsync(id);
        Assert.Null(saved.Withdrawal);
        Assert.Equal(ApplicationStatus.Submitted, saved.Status);
        Assert.Equal("Заявление на отзыв отменено", saved.Events.MaxBy(e => e.Number)!.Description);
        var details = await client.GetDocumentAsync(DetailsUrl(id));
        Assert.Equal("Заявление на отзыв отменено.", StatusMessage(details));
        Assert.Null(details.QuerySelector("#withdrawal"));
        Assert.Equal("Подано", details.QuerySelector("#status")!.TextContent.Trim());
        Assert.NotNull(details.QuerySelector($"a[href='{WithdrawUrl(id)}']"));
    }

    [Fact]
    public async Task A_draft_cannot_be_withdrawn()
    {
        await _cabinet.CreateTeacherAsync("withdraw.draft");
        using var client = await factory.SignInAsync("withdraw.draft");
        var submitted = await _cabinet.SubmittedApplicationAsync(client);
        var draft = await SaveDraftAsync(client, CompleteForm());
        var before = await _cabinet.LoadAsync(draft);
        Assert.Null((await client.GetDocumentAsync(DetailsUrl(draft))).QuerySelector($"a[href='{WithdrawUrl(draft)}']"));

        using (var page = await client.GetAsync(WithdrawUrl(draft)))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal(DetailsUrl(draft), page.RedirectPath());
        }
        // The form of the submitted application, posted with the draft's id.
        var form = await client.GetDocumentAsync(WithdrawUrl(submitted));
        using var forged = await client.PostFormToAsync(form, WithdrawUrl(draft),
            new Dictionary<string, string> { ["Input.Reason"] = nameof(WithdrawalReason.Dismissal) });

        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Equal(DetailsUrl(draft), forged.RedirectPath());
        var after = await _cabinet.LoadAsync(draft);
        Assert.Null(after.Withdrawal);
        Assert.Equal(ApplicationStatus.Draft, after.Status);
        Assert.Equal(before.LastEventNumber, after.LastEventNumber);
        Assert.Equal("Черновик не отзывают: его можно просто удалить.",
            (await client.GetDocumentAsync(DetailsUrl(draft))).QuerySelector("#refusal.alert-danger")?.TextContent.Trim());
        Assert.Null((await _cabinet.LoadAsync(submitted)).Withdrawal);
    }
}
