using System.Net;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Authorization;
using static Attestation.Web.Tests.Operator.OperatorDesk;

namespace Attestation.Web.Tests.Operator.Schedule;

/// <summary>
/// Replacing an expert after the period closed: «без согласования с Центром аттестации … не допускается», so only the
/// operator does it, from the consolidated schedule, with a reason kept in the application's history.
/// </summary>
public sealed class ReplaceExpertTests(MunicipalFactory factory) : IClassFixture<MunicipalFactory>
{
    private readonly MunicipalWorld _world = new(factory);
    private readonly OperatorDesk _desk = new(factory);

    private static string Url(Guid id) => $"/Operator/Schedule/Replace?id={id}";

    [Fact]
    public async Task The_operator_replaces_an_expert_of_a_closed_period_and_the_history_has_the_reason()
    {
        var scene = await ScheduleScene.CreateAsync(factory, _world, "Молчановский район", factory.ClosedPeriod);
        var substitute = await _world.ExpertAsync(scene.Place, "Заменов");
        using var client = await _desk.SignInOperatorAsync("replace.operator");
        var form = await client.GetDocumentAsync(Url(scene.First.Id));

        using var response = await client.SubmitFormAsync(form, Url(scene.First.Id), new Dictionary<string, string>
        {
            ["Input.OldExpertId"] = scene.ExpertB.Id.ToString(),
            ["Input.NewExpertId"] = substitute.Id.ToString(),
            ["Input.Reason"] = "Болезнь специалиста (больничный лист до конца периода)",
        });

        // The two assigned experts are the choice of whom to replace; the new one comes from the rest of the list.
        Assert.Equal(new[] { scene.ExpertA.Id.ToString(), scene.ExpertB.Id.ToString() },
            form.QuerySelectorAll("input[name='Input.OldExpertId']").Select(i => i.GetAttribute("value")!).ToArray());
        var offered = form.Options("Input.NewExpertId").Select(o => o.Value).ToList();
        Assert.Contains(substitute.Id.ToString(), offered);
        Assert.DoesNotContain(scene.ExpertA.Id.ToString(), offered);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Operator/Schedule?periodId={factory.ClosedPeriod.Id}&municipalityId={scene.MunicipalityId}#municipality-{scene.MunicipalityId}", response.RedirectPath());
        var schedule = await client.GetDocumentAsync(response.RedirectPath()!.Split('#')[0]);
        Assert.StartsWith($"{scene.First.FullName}: специалист заменён на Заменов Алексей Николаевич", StatusMessage(schedule), StringComparison.Ordinal);
        Assert.Contains("Заменов Алексей Николаевич", schedule.QuerySelector($"tr[data-application='{scene.First.Id}']")!.TextContent, StringComparison.Ordinal);

        var saved = await _world.ReloadAsync(scene.First.Id);
        Assert.Equal((scene.ExpertA.Id, substitute.Id), (saved.ExpertAId!.Value, saved.ExpertBId!.Value));
        Assert.Equal(ApplicationStatus.Scheduled, saved.Status);
        var replaced = saved.Events.OrderBy(e => e.Number).Last();
        Assert.Equal(ApplicationEventKind.ExpertReplaced, replaced.Kind);
        Assert.Equal("Заменён специалист по аттестации (согласовано с оператором)", replaced.Description);
        Assert.Equal("Болезнь специалиста (больничный лист до конца периода)", replaced.Reason);
        Assert.Equal(Roles.Operator, replaced.ActorRole);
    }

    [Fact]
    public async Task Without_a_reason_the_replacement_is_refused_with_a_message_next_to_the_field_and_the_choices_kept()
    {
        var scene = await ScheduleScene.CreateAsync(factory, _world, "Парабельский район", factory.ClosedPeriod);
        var substitute = await _world.ExpertAsync(scene.Place, "Заменов");
        using var client = await _desk.SignInOperatorAsync("replace.noreason");

        using var response = await client.SubmitFormAsync(Url(scene.First.Id), new Dictionary<string, string>
        {
            ["Input.OldExpertId"] = scene.ExpertA.Id.ToString(),
            ["Input.NewExpertId"] = substitute.Id.ToString(),
            ["Input.Reason"] = "   ",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Укажите причину замены специалиста.", page.FieldError("Input.Reason"));
        Assert.Equal(scene.ExpertA.Id.ToString(), page.FieldValue("Input.OldExpertId"));
        Assert.Equal(substitute.Id.ToString(), page.FieldValue("Input.NewExpertId"));
        await AssertUnchangedAsync(scene);
    }

    [Fact]
    public async Task An_expert_off_the_municipalitys_list_or_already_assigned_is_refused_next_to_the_field()
    {
        var scene = await ScheduleScene.CreateAsync(factory, _world, "Тегульдетский район", factory.ClosedPeriod);
        var elsewhere = await _world.MunicipalityAsync("Чаинский район");
        var stranger = await _world.ExpertAsync(elsewhere, "Чужой");
        using var client = await _desk.SignInOperatorAsync("replace.stranger");
        var form = await client.GetDocumentAsync(Url(scene.First.Id));

        using var offList = await client.SubmitFormAsync(form, Url(scene.First.Id), new Dictionary<string, string>
        {
            ["Input.OldExpertId"] = scene.ExpertA.Id.ToString(),
            ["Input.NewExpertId"] = stranger.Id.ToString(),
            ["Input.Reason"] = "Отпуск",
        });
        using var assigned = await client.SubmitFormAsync(form, Url(scene.First.Id), new Dictionary<string, string>
        {
            ["Input.OldExpertId"] = scene.ExpertA.Id.ToString(),
            ["Input.NewExpertId"] = scene.ExpertB.Id.ToString(),
            ["Input.Reason"] = "Отпуск",
        });

        Assert.DoesNotContain(stranger.Id.ToString(), form.Options("Input.NewExpertId").Select(o => o.Value));
        Assert.StartsWith("Специалист не включён в утверждённый список",
            (await offList.ReadDocumentAsync()).FieldError("Input.NewExpertId"), StringComparison.Ordinal);
        Assert.Equal("Этот специалист уже назначен аттестуемому: выберите другого.",
            (await assigned.ReadDocumentAsync()).FieldError("Input.NewExpertId"));
        await AssertUnchangedAsync(scene);
    }

    [Fact]
    public async Task After_the_closing_the_municipal_coordinator_can_neither_change_the_experts_nor_open_the_replacement()
    {
        var scene = await ScheduleScene.CreateAsync(factory, _world, "Первомайский район", factory.ClosedPeriod);
        var substitute = await _world.ExpertAsync(scene.Place, "Заменов");
        using var coordinator = await factory.SignInAsync(scene.Coordinator.UserName!);
        var assign = $"/Municipality/Schedule/Assign?id={scene.First.Id}";

        using var response = await coordinator.SubmitFormAsync(assign, new Dictionary<string, string>
        {
            ["Input.PeriodId"] = factory.ClosedPeriod.Id.ToString(),
            ["Input.ExpertAId"] = scene.ExpertA.Id.ToString(),
            ["Input.ExpertBId"] = substitute.Id.ToString(),
        }, "form#assign");
        using var replace = await coordinator.GetAsync(Url(scene.First.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Период «{factory.ClosedPeriod.Name}» закрыт", (await response.ReadDocumentAsync()).FieldError("Input.PeriodId"),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, replace.StatusCode);
        await AssertUnchangedAsync(scene);
    }

    [Fact]
    public async Task An_attestee_without_two_experts_has_no_replacement_form_and_an_unknown_one_is_not_found()
    {
        var scene = await ScheduleScene.CreateAsync(factory, _world, "Стрежевой", factory.ClosedPeriod);
        using var client = await _desk.SignInOperatorAsync("replace.incomplete");

        var page = await client.GetDocumentAsync(Url(scene.WithoutExperts.Id));
        using var unknown = await client.GetAsync(Url(Guid.NewGuid()));
        using var withoutPeriod = await client.GetAsync(Url(scene.WithoutPeriod.Id));

        Assert.NotNull(page.QuerySelector("#cannot-replace"));
        Assert.Null(page.QuerySelector("form#replace"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withoutPeriod.StatusCode);
    }

    private async Task AssertUnchangedAsync(ScheduleScene scene)
    {
        var saved = await _world.ReloadAsync(scene.First.Id);
        Assert.Equal((scene.ExpertA.Id, scene.ExpertB.Id), (saved.ExpertAId!.Value, saved.ExpertBId!.Value));
        Assert.DoesNotContain(saved.Events, e => e.Kind == ApplicationEventKind.ExpertReplaced);
    }
}
