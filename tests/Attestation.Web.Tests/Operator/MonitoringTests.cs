using System.Net;
using Attestation.Testing;
using Attestation.Web.Documents;

namespace Attestation.Web.Tests.Operator;

/// <summary>
/// The operator's «Мониторинг» against the hand-counted municipality of <see cref="MonitoringWorld"/>: every figure on the
/// page and in the Excel files read back, the region's tables by municipality, the dates chosen, the empty state.
/// </summary>
public sealed class MonitoringTests(MonitoringFactory factory) : IClassFixture<MonitoringFactory>
{
    private readonly MonitoringWorld _world = new(factory);

    private string Url(int? municipalityId, DateOnly from) =>
        $"/Operator/Monitoring?municipalityId={municipalityId}&from={MonitoringPageReading.Iso(from)}&to={MonitoringPageReading.Iso(_world.Today)}";

    private Task<HttpClient> OperatorAsync() => new OperatorDesk(factory).SignInOperatorAsync($"monitor{MunicipalWorld.Next()}");

    [Fact]
    public async Task The_figures_of_a_municipality_are_the_hand_counted_ones()
    {
        await _world.BuildAsync("Бакчарский район");
        using var client = await OperatorAsync();

        var page = await client.GetDocumentAsync(Url(_world.Place.Municipality.Id, _world.From));

        var (m2, m1, m0) = (MonitoringPageReading.Month(_world.MonthStart(2)), MonitoringPageReading.Month(_world.MonthStart(1)),
            MonitoringPageReading.Month(_world.MonthStart(0)));
        Assert.Equal([[m2, "5"], [m1, "3"], [m0, "1"]], page.Rows(MonitoringTables.Months));
        Assert.Equal(["Всего", "9"], page.Total(MonitoringTables.Months));

        Assert.Equal(["Подано", "2", "22,2"], page.Row(MonitoringTables.Statuses, "Подано"));
        Assert.Equal("3", page.Row(MonitoringTables.Statuses, "Зарегистрировано")[1]);
        Assert.Equal("1", page.Row(MonitoringTables.Statuses, "Отклонено")[1]);
        Assert.Equal("0", page.Row(MonitoringTables.Statuses, "В графике")[1]);
        Assert.Equal("2", page.Row(MonitoringTables.Statuses, "Решение принято")[1]);
        Assert.Equal("1", page.Row(MonitoringTables.Statuses, "Отозвано")[1]);

        Assert.Equal("1", page.Row(MonitoringTables.Categories, "Первая")[1]);
        Assert.Equal("8", page.Row(MonitoringTables.Categories, "Высшая")[1]);
        Assert.Equal("8", page.Row(MonitoringTables.Forms, "Очно")[1]);
        Assert.Equal("1", page.Row(MonitoringTables.Forms, "Дистанционно")[1]);
        Assert.Equal([["Установлена заявленная категория", "1", "50"], ["Отказано в установлении категории", "1", "50"]],
            page.Rows(MonitoringTables.Outcomes));

        Assert.Equal(
            [[m2, "4", "1", "0", "0", "80"], [m1, "2", "0", "1", "0", "66,7"], [m0, "0", "0", "0", "1", "—"]],
            page.Rows(MonitoringTables.Consideration));
        Assert.Equal(["Всего", "6", "1", "1", "1", "75"], page.Total(MonitoringTables.Consideration));
        Assert.Equal([_world.Place.Municipality.Name, "80", "66,7", "—", "75"],
            page.Row(MonitoringTables.ConsiderationByMunicipality, _world.Place.Municipality.Name));

        // Registration after 3, 35, 2, 4 days in M−2 (median 3,5; one later than 30) and 1, 8 in M−1 (4,5).
        var toDecision = MonitoringPageReading.Number((_world.DaysToDecisionA6 + _world.DaysToDecisionA7) / 2.0);
        Assert.Equal([m2, "4", "3,5", "1", "2", toDecision, "0"], page.Row(MonitoringTables.Durations, m2));
        Assert.Equal([m1, "2", "4,5", "0", "0", "—", "0"], page.Row(MonitoringTables.Durations, m1));
        Assert.Equal(["За все месяцы", "6", "3,5", "1", "2", toDecision, "0"], page.Total(MonitoringTables.Durations));

        var deadline = _world.MonthStart(1).AddDays(14).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([[_world.Period.Name, deadline, "3", "1", "1", "1", "33,3"]], page.Rows(MonitoringTables.Conclusions));
        Assert.Equal([[_world.Place.Municipality.Name, "33,3"]], page.Rows(MonitoringTables.ConclusionsByMunicipality));

        Assert.Equal([[_world.Period.Name, "3", "6", "2", "3", "1"]], page.Rows(MonitoringTables.Experts));
        Assert.Equal([[_world.Period.Name, "Первов Алексей Николаевич", "3"]], page.Rows(MonitoringTables.ExpertsOverLimit));

        Assert.Equal([[MonitoringWorld.RejectionReason, "1"]], page.Rows(MonitoringTables.Rejections));
        Assert.Equal("1", page.Row(MonitoringTables.Withdrawals, "Увольнение")[1]);
        Assert.Equal("0", page.Row(MonitoringTables.Withdrawals, "По состоянию здоровья")[1]);

        // Every chart has its data next to its canvas, for monitoring.js.
        foreach (var canvas in page.QuerySelectorAll("canvas[data-chart]"))
            Assert.NotNull(page.GetElementById(canvas.GetAttribute("data-chart")!));
        Assert.Empty(page.QuerySelectorAll("script:not([src]):not([type='application/json'])"));
    }

    [Fact]
    public async Task Each_table_downloads_as_excel_with_the_same_figures_and_the_journals_layout()
    {
        await _world.BuildAsync("Кривошеинский район");
        using var client = await OperatorAsync();
        var page = await client.GetDocumentAsync(Url(_world.Place.Municipality.Id, _world.From));

        var link = page.QuerySelector($"#table-{MonitoringTables.Consideration} a.excel-link")!.GetAttribute("href")!;
        var bytes = await client.DownloadAsync(link, Downloads.ExcelType);
        using var workbook = Downloads.OpenWorkbook(bytes);
        var sheet = workbook.Worksheet(1);

        Assert.Equal("Рассмотрение заявлений в 30-дневный срок", sheet.Cell(1, 1).GetString());
        var from = _world.From.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var to = _world.Today.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"муниципальное образование \"{_world.Place.Municipality.Name}\", заявления, поданные с {from} по {to}",
            sheet.Cell(2, 1).GetString());
        Assert.Equal(["Месяц подачи", "Рассмотрено в срок", "Рассмотрено с нарушением срока", "Не рассмотрено, срок истёк",
            "Ожидают, срок не истёк", "Доля рассмотренных в срок, %"], sheet.RowText(3, 6));
        Assert.Equal(MonitoringPageReading.Month(_world.MonthStart(2)), sheet.Cell(4, 1).GetString());
        Assert.Equal([4.0, 1, 0, 0, 80], Enumerable.Range(2, 5).Select(c => sheet.Cell(4, c).GetDouble()));
        Assert.Equal([2.0, 0, 1, 0, 66.7], Enumerable.Range(2, 5).Select(c => sheet.Cell(5, c).GetDouble()));
        Assert.Equal("—", sheet.Cell(6, 6).GetString());
        Assert.Equal("Всего", sheet.Cell(7, 1).GetString());
        Assert.Equal([6.0, 1, 1, 1, 75], Enumerable.Range(2, 5).Select(c => sheet.Cell(7, c).GetDouble()));

        var experts = await client.DownloadAsync(
            page.QuerySelector($"#table-{MonitoringTables.ExpertsOverLimit} a.excel-link")!.GetAttribute("href")!, Downloads.ExcelType);
        using var expertBook = Downloads.OpenWorkbook(experts);
        var expertSheet = expertBook.Worksheet(1);
        Assert.Equal([_world.Period.Name, "Первов Алексей Николаевич"], expertSheet.RowText(4, 2));
        Assert.Equal(3, expertSheet.Cell(4, 3).GetDouble());
        Assert.True(expertSheet.Cell(5, 1).IsEmpty());

        using var unknown = await client.GetAsync(link.Replace("table=consideration", "table=nothing", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_region_lists_each_municipality_on_its_own_and_an_unknown_one_is_not_found()
    {
        await _world.BuildAsync("Верхнекетский район");
        using var client = await OperatorAsync();

        var page = await client.GetDocumentAsync(Url(null, _world.From));

        Assert.Contains("все муниципальные образования", page.QuerySelector("#scope")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal([_world.Place.Municipality.Name, "80", "66,7", "—", "75"],
            page.Row(MonitoringTables.ConsiderationByMunicipality, _world.Place.Municipality.Name));
        Assert.Equal([_world.Neighbour.Municipality.Name, "100", "", "", "100"],
            page.Row(MonitoringTables.ConsiderationByMunicipality, _world.Neighbour.Municipality.Name));
        Assert.Equal([_world.Neighbour.Municipality.Name, "0"],
            page.Row(MonitoringTables.ConclusionsByMunicipality, _world.Neighbour.Municipality.Name));
        Assert.NotNull(page.QuerySelector($"#municipalityId option[value='{_world.Neighbour.Municipality.Id}']"));

        using var unknown = await client.GetAsync("/Operator/Monitoring?municipalityId=987654");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_dates_chosen_bound_every_figure()
    {
        await _world.BuildAsync("Зырянский район");
        using var client = await OperatorAsync();

        var page = await client.GetDocumentAsync(Url(_world.Place.Municipality.Id, _world.MonthStart(1)));

        Assert.Equal([[MonitoringPageReading.Month(_world.MonthStart(1)), "3"], [MonitoringPageReading.Month(_world.MonthStart(0)), "1"]],
            page.Rows(MonitoringTables.Months));
        Assert.Equal("0", page.Row(MonitoringTables.Statuses, "Отклонено")[1]);
        Assert.Empty(page.Rows(MonitoringTables.Rejections));
        // The period began before the dates: neither its conclusions nor its experts are counted.
        Assert.Empty(page.Rows(MonitoringTables.Conclusions));
        Assert.Empty(page.Rows(MonitoringTables.Experts));

        var wrong = await client.GetDocumentAsync($"/Operator/Monitoring?from=2026-05-01&to=2026-04-01");
        Assert.Contains("Дата окончания раньше даты начала.", wrong.QuerySelector("#monitoring-filter")!.TextContent, StringComparison.Ordinal);
        Assert.Null(wrong.QuerySelector("#summary"));
    }

    [Fact]
    public async Task A_municipality_without_applications_shows_the_empty_state()
    {
        var place = await new MunicipalWorld(factory).MunicipalityAsync("Тегульдетский район");
        using var client = await OperatorAsync();

        var page = await client.GetDocumentAsync($"/Operator/Monitoring?municipalityId={place.Municipality.Id}");

        Assert.NotNull(page.QuerySelector("#empty"));
        Assert.Null(page.QuerySelector("[data-table]"));
        Assert.Equal("0", page.QuerySelectorAll("#summary .fs-3")[0].TextContent.Trim());
    }
}
