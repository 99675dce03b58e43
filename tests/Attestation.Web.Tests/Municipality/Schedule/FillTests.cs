using System.Net;
using Attestation.Testing;

namespace Attestation.Web.Tests.Municipality.Schedule;

/// <summary>«Общий список педагогических работников для формирования графика проведения аттестации».</summary>
public sealed class FillTests(MunicipalFactory factory) : IClassFixture<MunicipalFactory>
{
    private readonly MunicipalWorld _world = new(factory);

    [Fact]
    public async Task The_list_holds_registered_and_scheduled_applications_on_general_grounds_of_the_own_municipality_only()
    {
        var place = await _world.MunicipalityAsync("Томский район");
        var elsewhere = await _world.MunicipalityAsync("Шегарский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var a = await _world.ExpertAsync(place, "Фёдоров");
        var b = await _world.ExpertAsync(place, "Громов");
        var registered = await _world.ApplicationAsync(place, "Зарегистрированная", ApplicationStage.Registered);
        var scheduled = await _world.ApplicationAsync(place, "Назначенная", ApplicationStage.Scheduled, factory.OpenPeriod, a, b);
        await _world.ApplicationAsync(place, "Упрощённая", ApplicationStage.Registered, simplified: true);
        await _world.ApplicationAsync(place, "Поданная", ApplicationStage.Submitted);
        await _world.ApplicationAsync(place, "Заключённая", ApplicationStage.ConclusionUploaded, factory.OpenPeriod, a, b);
        await _world.ApplicationAsync(elsewhere, "Чужая", ApplicationStage.Registered);
        using var client = await factory.SignInAsync(coordinator.UserName!);

        var page = await client.GetDocumentAsync("/Municipality/Schedule/Fill");

        var rows = page.QuerySelectorAll("#applications tbody tr").ToList();
        Assert.Equal(new[] { registered.Id.ToString(), scheduled.Id.ToString() }, rows.Select(r => r.GetAttribute("data-id")));
        var headers = page.QuerySelectorAll("#applications thead th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(
            ["Период аттестации", "Фамилия Имя Отчество",
             "Имеющаяся (имевшаяся, в случае истечения срока действия) квалификационная категория",
             "Дата окончания срока действия квалификационной категории", "Заявленная квалификационная категория",
             "Место работы (образовательная организация)", "Должность", "Предмет", "Форма аттестации",
             "Специалист по аттестации"],
            headers);
        var cells = rows[1].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(factory.OpenPeriod.Name, rows[1].QuerySelector(".period")!.TextContent.Trim());
        Assert.Equal("Назначенная Мария Петровна", cells[1]);
        Assert.Equal(["первая", "24.12.2027", "высшая", place.School.Name, "Учитель", "математики", "очно"], cells[2..9]);
        Assert.Contains("Фёдоров Алексей Николаевич, учитель математики", cells[9], StringComparison.Ordinal);
        Assert.Contains("Громов Алексей Николаевич", cells[9], StringComparison.Ordinal);
        Assert.Equal("не выбран", rows[0].QuerySelector(".period")!.TextContent.Trim());
        Assert.Equal($"/Municipality/Schedule/Assign?id={registered.Id}", rows[0].QuerySelector("a.btn")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_filters_pick_a_period_no_period_and_the_number_of_experts()
    {
        var place = await _world.MunicipalityAsync("Чаинский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var a = await _world.ExpertAsync(place, "Фёдоров");
        var b = await _world.ExpertAsync(place, "Громов");
        var waiting = await _world.ApplicationAsync(place, "Ожидающая", ApplicationStage.Registered);
        var inOpen = await _world.ApplicationAsync(place, "Открытая", ApplicationStage.Scheduled, factory.OpenPeriod, a, b);
        var inLater = await _world.ApplicationAsync(place, "Поздняя", ApplicationStage.Scheduled, factory.LaterPeriod, a, b);
        using var client = await factory.SignInAsync(coordinator.UserName!);

        async Task<IReadOnlyList<string?>> RowsAsync(string query) =>
            (await client.GetDocumentAsync($"/Municipality/Schedule/Fill?{query}"))
                .QuerySelectorAll("#applications tbody tr").Select(r => r.GetAttribute("data-id")).ToList();

        Assert.Equal([waiting.Id.ToString()], await RowsAsync("period=none"));
        Assert.Equal([inLater.Id.ToString()], await RowsAsync($"period={factory.LaterPeriod.Id}"));
        Assert.Equal([waiting.Id.ToString()], await RowsAsync("experts=0"));
        Assert.Empty(await RowsAsync("experts=1"));
        Assert.Equal([inOpen.Id.ToString(), inLater.Id.ToString()], await RowsAsync("experts=2"));
        Assert.Equal([inOpen.Id.ToString()], await RowsAsync($"period={factory.OpenPeriod.Id}&experts=2"));
    }

    [Fact]
    public async Task A_period_alone_can_be_set_before_the_experts_are_chosen()
    {
        var place = await _world.MunicipalityAsync("Тегульдетский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var application = await _world.ApplicationAsync(place, "Безэкспертная", ApplicationStage.Registered);
        using var client = await factory.SignInAsync(coordinator.UserName!);

        using var response = await client.SubmitFormAsync($"/Municipality/Schedule/Assign?id={application.Id}",
            new Dictionary<string, string> { ["Input.PeriodId"] = factory.LaterPeriod.Id.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync("/Municipality/Schedule/Fill?experts=0");
        var row = page.QuerySelector($"#applications tr[data-id='{application.Id}']")!;
        Assert.Equal(factory.LaterPeriod.Name, row.QuerySelector(".period")!.TextContent.Trim());
        Assert.Contains("назначен период", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }
}
