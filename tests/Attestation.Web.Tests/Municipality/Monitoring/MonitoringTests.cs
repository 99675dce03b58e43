using System.Net;
using Attestation.Testing;
using Attestation.Web.Documents;

namespace Attestation.Web.Tests.Municipality.Monitoring;

/// <summary>The municipal coordinator's «Мониторинг»: his municipality's figures, none of another's, and 404 for another's id.</summary>
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
}
