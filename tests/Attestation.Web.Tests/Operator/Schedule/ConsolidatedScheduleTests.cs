using System.Net;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Microsoft.EntityFrameworkCore;
using static Attestation.Web.Tests.Operator.OperatorDesk;

namespace Attestation.Web.Tests.Operator.Schedule;

/// <summary>
/// «Сводный график» on the 5th of a month: the period that started this month is closed (and can be approved), the next
/// one is open (and cannot). Each test has municipalities of its own and approves only those.
/// </summary>
public sealed class ConsolidatedScheduleTests(MunicipalFactory factory) : IClassFixture<MunicipalFactory>
{
    private readonly MunicipalWorld _world = new(factory);
    private readonly OperatorDesk _desk = new(factory);

    [Fact]
    public async Task The_period_is_grouped_by_municipality_with_its_coordinator_its_numbers_and_its_rows()
    {
        var period = factory.ClosedPeriod;
        var scene = await ScheduleScene.CreateAsync(factory, _world, "Асиновский район", period, "+7 (38241) 2-11-33");
        var other = await ScheduleScene.CreateAsync(factory, _world, "Бакчарский район", period, "+7 (38249) 2-14-50");
        using var client = await _desk.SignInOperatorAsync("consolidated.view");

        var page = await client.GetDocumentAsync(ConsolidatedUrl(period.Id));

        var row = MunicipalityRow(page, scene.MunicipalityId);
        Assert.Equal("Лебедева Олеся Игоревна, +7 (38241) 2-11-33", Text(row.QuerySelectorAll("td")[1]));
        Assert.Equal(("2", "1", "1"), (Text(row.QuerySelector(".scheduled")!), Text(row.QuerySelector(".incomplete")!),
            Text(row.QuerySelector(".without-period")!)));
        Assert.NotNull(row.QuerySelector("form.approve-one button:not([disabled])"));
        // The summary alone: a region's period is thousands of rows, read one municipality at a time.
        Assert.Empty(page.QuerySelectorAll("section.municipality"));

        page = await client.GetDocumentAsync(row.QuerySelector("a.open-schedule")!.GetAttribute("href")!);
        var section = page.QuerySelector($"section.municipality[data-municipality='{scene.MunicipalityId}']")!;
        Assert.Equal($"Муниципальное образование \"{scene.Name}\"", Text(section.QuerySelector("h2")!));
        Assert.Equal("График не утверждён", Text(section.QuerySelector(".approval-text")!));
        var rows = section.QuerySelectorAll("table.schedule tbody tr").ToList();
        Assert.Equal(
            new[] { scene.First.Id.ToString(), scene.Second.Id.ToString(), scene.WithoutExperts.Id.ToString() },
            rows.Select(r => r.GetAttribute("data-application") ?? ""));
        var first = rows[0].QuerySelectorAll("td").Select(Text).ToList();
        Assert.Equal(new[] { "1", $"{scene.First.LastName} Мария Петровна", "высшая", "очно" }, first.Take(4));
        Assert.Contains("Фёдоров Алексей Николаевич, учитель математики", first[5], StringComparison.Ordinal);
        Assert.Contains("Громов Алексей Николаевич", first[5], StringComparison.Ordinal);
        Assert.Equal("дистанционно", Text(rows[1].QuerySelectorAll("td")[3]));
        Assert.Contains("Эксперты не назначены", Text(rows[2]), StringComparison.Ordinal);
        // Only a scheduled attestee with his two experts can have one replaced.
        Assert.NotNull(rows[0].QuerySelector($"a.replace[href='/Operator/Schedule/Replace?id={scene.First.Id}']"));
        Assert.Null(rows[2].QuerySelector("a.replace"));
        Assert.Equal("Муниципальный координатор по аттестации: Лебедева Олеся Игоревна, рабочий телефон: +7 (38241) 2-11-33",
            Text(section.QuerySelector(".coordinator")!));
        // The registered one without a period is counted, not listed; the other municipality has its own section.
        Assert.DoesNotContain(scene.WithoutPeriod.LastName, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll("section.municipality"));
        var otherPage = await client.GetDocumentAsync(ConsolidatedUrl(period.Id) + $"&municipalityId={other.MunicipalityId}");
        Assert.Contains(other.First.LastName,
            otherPage.QuerySelector($"section.municipality[data-municipality='{other.MunicipalityId}']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approving_a_municipality_makes_its_schedule_approved_for_its_coordinator_and_visible_to_its_experts()
    {
        var period = factory.ClosedPeriod;
        var scene = await ScheduleScene.CreateAsync(factory, _world, "Верхнекетский район", period);
        var neighbour = await ScheduleScene.CreateAsync(factory, _world, "Зырянский район", period);
        using var client = await _desk.SignInOperatorAsync("consolidated.approve.one");
        using var coordinator = await factory.SignInAsync(scene.Coordinator.UserName!);
        using var neighbourCoordinator = await factory.SignInAsync(neighbour.Coordinator.UserName!);
        using var expert = await factory.SignInAsync(scene.ExpertA.UserName!);
        var view = $"/Municipality/Schedule/View?periodId={period.Id}";
        var expertBefore = await expert.GetDocumentAsync("/Expert");

        using var response = await ApproveAsync(client, period.Id, scene.MunicipalityId);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetDocumentAsync(response.RedirectPath()!);
        Assert.Equal($"Утверждён график за период «{period.Name}»: {scene.Name}.", StatusMessage(after));
        Assert.StartsWith("Утверждён", Text(MunicipalityRow(after, scene.MunicipalityId).QuerySelector(".approval")!), StringComparison.Ordinal);
        Assert.Contains("Операторова Елена Андреевна", Text(MunicipalityRow(after, scene.MunicipalityId).QuerySelector(".approval")!), StringComparison.Ordinal);
        Assert.NotNull(MunicipalityRow(after, neighbour.MunicipalityId).QuerySelector("form.approve-one"));

        Assert.NotNull((await coordinator.GetDocumentAsync(view)).QuerySelector("#approved-at"));
        Assert.NotNull((await neighbourCoordinator.GetDocumentAsync(view)).QuerySelector("#not-approved"));
        Assert.Null(expertBefore.QuerySelector($"tr[data-application='{scene.First.Id}']"));
        Assert.NotNull((await expert.GetDocumentAsync("/Expert")).QuerySelector($"table.schedule tr[data-application='{scene.First.Id}']"));

        await using var db = factory.OpenDb();
        var approval = await db.ScheduleApprovals.SingleAsync(s => s.PeriodId == period.Id && s.MunicipalityId == scene.MunicipalityId);
        Assert.True(Math.Abs((approval.ApprovedAt - factory.Now).TotalSeconds) < 1);
        Assert.False(await db.ScheduleApprovals.AnyAsync(s => s.MunicipalityId == neighbour.MunicipalityId));
        var recorded = await db.PeriodEvents.SingleAsync(e => e.PeriodId == period.Id && e.Kind == PeriodEventKind.ScheduleApproved
            && e.Description.Contains(scene.Name));
        Assert.Equal(approval.ApprovedBy, recorded.ActorId);
        Assert.Equal($"Утверждён график муниципального образования «{scene.Name}»", recorded.Description);
    }

    [Fact]
    public async Task Approving_a_municipality_twice_adds_nothing()
    {
        var period = factory.ClosedPeriod;
        var scene = await ScheduleScene.CreateAsync(factory, _world, "Каргасокский район", period);
        using var client = await _desk.SignInOperatorAsync("consolidated.approve.twice");
        var page = await client.GetDocumentAsync(ConsolidatedUrl(period.Id));

        using var first = await ApproveAsync(client, period.Id, scene.MunicipalityId);
        // The same form posted again, as a second click on a page opened before the first one did its work.
        using var second = await client.SubmitFormAsync(page, ConsolidatedUrl(period.Id), new Dictionary<string, string>(),
            $"tr[data-municipality='{scene.MunicipalityId}'] form.approve-one");

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var after = await client.GetDocumentAsync(second.RedirectPath()!);
        Assert.Equal($"График этого муниципального образования за период «{period.Name}» уже утверждён.", StatusMessage(after));
        Assert.Equal(1, await _desk.CountAsync(db => db.ScheduleApprovals.Where(s => s.MunicipalityId == scene.MunicipalityId)));
        Assert.Equal(1, await _desk.CountAsync(db => db.PeriodEvents.Where(e => e.Kind == PeriodEventKind.ScheduleApproved
            && e.Description.Contains(scene.Name))));
    }

    [Fact]
    public async Task An_open_period_shows_why_it_cannot_be_approved_and_the_server_refuses_a_forged_approval()
    {
        var period = factory.OpenPeriod;
        var scene = await ScheduleScene.CreateAsync(factory, _world, "Кожевниковский район", period);
        using var client = await _desk.SignInOperatorAsync("consolidated.open");

        var page = await client.GetDocumentAsync(ConsolidatedUrl(period.Id));
        var deadline = PeriodCalendar.ScheduleDeadline(period).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        using var forged = await client.SubmitFormAsync(page, ConsolidatedUrl(period.Id), new Dictionary<string, string>(), "form#approve-all");
        using var forgedOne = await client.SubmitFormAsync(page, ConsolidatedUrl(period.Id), new Dictionary<string, string>(),
            $"tr[data-municipality='{scene.MunicipalityId}'] form.approve-one");

        Assert.NotNull(page.QuerySelector("#approve-all-button[disabled]"));
        Assert.NotNull(MunicipalityRow(page, scene.MunicipalityId).QuerySelector("form.approve-one button[disabled]"));
        Assert.Contains($"Период открыт: муниципальные координаторы формируют график до {deadline} включительно",
            Text(page.QuerySelector("#approve-disabled-reason")!), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("a.replace"));
        foreach (var response in new[] { forged, forgedOne })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var refused = await response.ReadDocumentAsync();
            Assert.Contains($"Период «{period.Name}» ещё открыт", string.Join(" ", refused.SummaryErrors()), StringComparison.Ordinal);
        }
        Assert.Equal(0, await _desk.CountAsync(db => db.ScheduleApprovals.Where(s => s.PeriodId == period.Id)));
    }

    [Fact]
    public async Task The_nearest_period_awaiting_approval_is_shown_by_default_and_an_unknown_period_is_not_found()
    {
        await ScheduleScene.CreateAsync(factory, _world, "Колпашевский район", factory.ClosedPeriod);
        using var client = await _desk.SignInOperatorAsync("consolidated.default");

        var page = await client.GetDocumentAsync("/Operator/Schedule");
        using var unknown = await client.GetAsync(ConsolidatedUrl(Guid.NewGuid()));
        using var unknownFile = await client.GetAsync(ConsolidatedDownloadUrl(Guid.NewGuid(), "pdf"));

        Assert.Equal(factory.ClosedPeriod.Id.ToString(), page.FieldValue("periodId"));
        var options = page.Options("periodId").Select(o => o.Text).ToList();
        Assert.Contains($"(ПЕРИОД ЗАКРЫТ) {factory.ClosedPeriod.Name}", options);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownFile.StatusCode);
    }

    [Fact]
    public async Task A_municipal_coordinator_is_denied_the_consolidated_schedule()
    {
        var scene = await ScheduleScene.CreateAsync(factory, _world, "Кривошеинский район", factory.ClosedPeriod);
        using var client = await factory.SignInAsync(scene.Coordinator.UserName!);

        using var page = await client.GetAsync(ConsolidatedUrl(factory.ClosedPeriod.Id));
        using var approve = await client.PostAsync($"/Operator/Schedule?handler=Approve&periodId={factory.ClosedPeriod.Id}",
            new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Equal(0, await _desk.CountAsync(db => db.ScheduleApprovals.Where(s => s.MunicipalityId == scene.MunicipalityId)));
    }
}
