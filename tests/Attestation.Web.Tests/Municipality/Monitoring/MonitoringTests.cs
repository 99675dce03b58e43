using System.Net;
using AngleSharp.Html.Dom;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Documents;
using Attestation.Web.Infrastructure;
using Attestation.Web.Tests.Operator;

namespace Attestation.Web.Tests.Municipality.Monitoring;

/// <summary>
/// The municipal coordinator's «Мониторинг»: his municipality's figures, none of another's, and 404 for another's id; the
/// default dates counted once and kept for the job's two intervals.
/// </summary>
public sealed class MonitoringTests(MonitoringFactory factory) : IClassFixture<MonitoringFactory>
{
    private readonly MonitoringWorld _world = new(factory);

    [Fact]
    public async Task The_coordinator_sees_his_own_municipality_and_nothing_of_the_neighbours()
    {
        await _world.BuildAsync("Шегарский район");
        var coordinator = await new MunicipalWorld(factory).CoordinatorAsync(_world.Place);
        using var client = await factory.SignInAsync(coordinator.UserName!);
        var range = $"from={MonitoringPageReading.Iso(_world.From)}&to={MonitoringPageReading.Iso(_world.Today)}";

        var page = await client.GetDocumentAsync($"/Municipality/Monitoring?{range}");

        Assert.Null(page.QuerySelector("#municipalityId"));
        Assert.Contains(_world.Place.Municipality.Name, page.QuerySelector("#scope")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Всего", "9"], page.Total(MonitoringTables.Months));
        Assert.Equal([[MonitoringWorld.RejectionReason, "1"]], page.Rows(MonitoringTables.Rejections));
        Assert.Equal([[_world.Place.Municipality.Name, "80", "66,7", "—", "75"]], page.Rows(MonitoringTables.ConsiderationByMunicipality));
        Assert.Equal("3", page.Rows(MonitoringTables.Conclusions).Single()[2]);
        Assert.Equal("3", page.Rows(MonitoringTables.Experts).Single()[1]);
        Assert.DoesNotContain(_world.Neighbour.Municipality.Name, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Соседов", page.Body!.TextContent, StringComparison.Ordinal);

        // The navigation leads here.
        var home = await client.GetDocumentAsync("/Municipality");
        Assert.Contains(home.QuerySelectorAll("nav a"), a => a.TextContent.Trim() == "Мониторинг");

        var excel = await client.DownloadAsync(
            page.QuerySelector($"#table-{MonitoringTables.Rejections} a.excel-link")!.GetAttribute("href")!, Downloads.ExcelType);
        using var workbook = Downloads.OpenWorkbook(excel);
        var sheet = workbook.Worksheet(1);
        Assert.Equal("Отклонённые заявления по причинам отклонения", sheet.Cell(1, 1).GetString());
        Assert.Equal(MonitoringWorld.RejectionReason, sheet.Cell(4, 1).GetString());
        Assert.Equal(1, sheet.Cell(4, 2).GetDouble());
        Assert.Equal("Всего отклонено", sheet.Cell(5, 1).GetString());
    }

    [Fact]
    public async Task Another_municipalitys_id_is_not_found_on_the_page_and_for_its_files()
    {
        await _world.BuildAsync("Чаинский район");
        var coordinator = await new MunicipalWorld(factory).CoordinatorAsync(_world.Place);
        using var client = await factory.SignInAsync(coordinator.UserName!);
        var other = _world.Neighbour.Municipality.Id;

        using var page = await client.GetAsync($"/Municipality/Monitoring?municipalityId={other}");
        using var file = await client.GetAsync($"/Municipality/Monitoring?handler=Excel&table={MonitoringTables.Rejections}&municipalityId={other}");
        using var own = await client.GetAsync($"/Municipality/Monitoring?municipalityId={_world.Place.Municipality.Id}");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.DoesNotContain("Чужая причина", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static readonly string[] Tables =
    [
        MonitoringTables.Months, MonitoringTables.Statuses, MonitoringTables.Categories, MonitoringTables.Forms,
        MonitoringTables.Consideration, MonitoringTables.Durations, MonitoringTables.Conclusions, MonitoringTables.Experts,
        MonitoringTables.ExpertsOverLimit, MonitoringTables.Rejections,
    ];

    [Fact]
    public async Task The_default_dates_are_counted_once_kept_for_the_jobs_two_intervals_and_counted_again_when_stale()
    {
        await _world.BuildAsync("Кожевниковский район");
        var municipal = new MunicipalWorld(factory);
        using var client = await factory.SignInAsync((await municipal.CoordinatorAsync(_world.Place)).UserName!);
        using var neighbours = await factory.SignInAsync((await municipal.CoordinatorAsync(_world.Neighbour)).UserName!);

        var counted = await client.GetDocumentAsync("/Municipality/Monitoring");
        Assert.DoesNotContain("Подсчитано", Scope(counted), StringComparison.Ordinal);
        var submitted = Submitted(counted);
        Assert.True(submitted >= 9);

        // Submitted after the count: the kept figures do not show it yet, and are read, not counted (the municipality's
        // name, the figure, its periods).
        await municipal.ApplicationAsync(_world.Place, "Новейшая", ApplicationStage.Submitted, submittedAt: factory.Now.AddHours(-1));
        var kept = await client.GetDocumentAsync("/Municipality/Monitoring");
        Assert.Contains($"Подсчитано {factory.Clock.GetUtcNow().ToRegionDateTime()}", Scope(kept), StringComparison.Ordinal);
        foreach (var table in Tables)
        {
            Assert.Equal(counted.Rows(table), kept.Rows(table));
            Assert.Equal(counted.Total(table), kept.Total(table));
        }
        var (response, statements) = await factory.GetCountingStatementsAsync(client, "/Municipality/Monitoring");
        response.Dispose();
        Assert.Equal(3 + 1, statements);

        // The neighbour's coordinator is counted his own figures, never shown the ones kept for this municipality.
        var theirs = await neighbours.GetDocumentAsync("/Municipality/Monitoring");
        Assert.DoesNotContain("Подсчитано", Scope(theirs), StringComparison.Ordinal);
        Assert.DoesNotContain(_world.Place.Municipality.Name, theirs.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal([["Чужая причина", "1"]], theirs.Rows(MonitoringTables.Rejections));

        // Other dates are counted for the request, the new application with them.
        var range = $"from={MonitoringPageReading.Iso(_world.From)}&to={MonitoringPageReading.Iso(_world.Today)}";
        var other = await client.GetDocumentAsync($"/Municipality/Monitoring?{range}");
        Assert.DoesNotContain("Подсчитано", Scope(other), StringComparison.Ordinal);
        Assert.Equal(["Всего", "10"], other.Total(MonitoringTables.Months));

        // Older than the job's two intervals, the figures are counted again.
        await CountedAheadRows.AgeAsync(factory);
        var recounted = await client.GetDocumentAsync("/Municipality/Monitoring");
        Assert.DoesNotContain("Подсчитано", Scope(recounted), StringComparison.Ordinal);
        Assert.Equal(submitted + 1, Submitted(recounted));
    }

    private static string Scope(IHtmlDocument page) => page.QuerySelector("#scope")!.TextContent;

    private static int Submitted(IHtmlDocument page) =>
        int.Parse(page.Total(MonitoringTables.Months)[1], System.Globalization.CultureInfo.InvariantCulture);
}
