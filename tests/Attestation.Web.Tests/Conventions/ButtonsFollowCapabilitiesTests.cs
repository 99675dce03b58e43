using System.Net;
using AngleSharp.Dom;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Data;
using Attestation.Web.Tests.Operator;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Tests.Conventions;

/// <summary>
/// The third leg of «the list, the guard and the button agree» (the first two are <c>CapabilityTests</c> and
/// <c>ApplicationFiltersTests</c>): for an application at every stage, with and without a pending withdrawal, each
/// cabinet's card shows an action's button exactly when <see cref="Application.Can"/> allows the action.
/// </summary>
public sealed class ButtonsFollowCapabilitiesTests(MunicipalFactory factory) : IClassFixture<MunicipalFactory>
{
    private readonly MunicipalWorld _world = new(factory);

    [Fact]
    public async Task Every_card_shows_exactly_the_actions_the_aggregate_allows()
    {
        var place = await _world.MunicipalityAsync("Парабельский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var expertA = await _world.ExpertAsync(place, "Фёдоров");
        var expertB = await _world.ExpertAsync(place, "Громов");
        using var municipal = await factory.SignInAsync(coordinator.UserName!);
        using var @operator = await new OperatorDesk(factory).SignInOperatorAsync("buttons.operator");
        var mismatches = new List<string>();

        foreach (var stage in Enum.GetValues<ApplicationStage>())
        {
            foreach (var pending in new[] { false, true })
            {
                if (pending && !ApplicationRules.InProgress.Contains(StatusOf(stage)))
                    continue;
                var scheduled = stage >= ApplicationStage.Scheduled;
                var built = await _world.ApplicationAsync(place, "Кнопкина", stage,
                    expertA: scheduled ? expertA : null, expertB: scheduled ? expertB : null);
                if (pending)
                    built = await factory.Applications.Saved(built.Id).Withdrawn(registered: false).AtAsync(stage);
                var application = await _world.ReloadAsync(built.Id);
                var label = $"{stage}{(pending ? " + отзыв" : "")}";

                using var teacher = await factory.SignInAsync(await LoginOfAsync(application.TeacherId));
                var card = await teacher.GetDocumentAsync($"/Teacher/Applications/Details?id={application.Id}");
                Check(mismatches, label, "учитель: «Изменить»", application.IsEditable, card, "a[href*='/Teacher/Applications/Edit']");
                Check(mismatches, label, "учитель: «Подать заявление на отзыв»", application.Withdrawal is null && application.CanBeWithdrawn,
                    card, "a[href*='/Teacher/Applications/Withdraw']");
                Check(mismatches, label, "учитель: «Отменить заявление на отзыв»", application.Can(ApplicationAction.CancelWithdrawal),
                    card, "form[action*='handler=CancelWithdrawal']");
                Check(mismatches, label, "учитель: «Прикрепить подписанный скан»", application.Can(ApplicationAction.SignConclusion),
                    card, "form[action*='handler=SignConclusion']");

                using (var response = await municipal.GetAsync($"/Municipality/Applications/Details?id={application.Id}"))
                {
                    // A draft is the teacher's own: the coordinator does not see it at all.
                    Assert.Equal(application.SubmittedAt is null ? HttpStatusCode.NotFound : HttpStatusCode.OK, response.StatusCode);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        var page = await response.ReadDocumentAsync();
                        Check(mismatches, label, "координатор: «Зарегистрировать»", application.CanRegister, page, "#register-form");
                        Check(mismatches, label, "координатор: «Отклонить»", application.Can(ApplicationAction.Reject), page, "#reject-form");
                    }
                }

                using (var response = await @operator.GetAsync($"/Operator/Applications/Details?id={application.Id}"))
                {
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        var page = await response.ReadDocumentAsync();
                        Check(mismatches, label, "оператор: «Прикрепить итоговое заключение»", application.CanAttachConclusion, page, "#paper-conclusion");
                    }
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    private static void Check(List<string> mismatches, string label, string button, bool allowed, IParentNode page, string selector)
    {
        var shown = page.QuerySelector(selector) is not null;
        if (shown != allowed)
            mismatches.Add($"{label}, {button}: {(allowed ? "разрешено, но кнопки нет" : "запрещено, но кнопка есть")}");
    }

    private static ApplicationStatus StatusOf(ApplicationStage stage) => Enum.Parse<ApplicationStatus>(stage.ToString());

    private async Task<string> LoginOfAsync(Guid userId)
    {
        await using var db = factory.OpenDb();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.UserName!).SingleAsync();
    }
}
