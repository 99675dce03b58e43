using System.Net;
using Attestation.Testing;
using Attestation.Web.Documents;
using Attestation.Web.Infrastructure;

namespace Attestation.Web.Tests.Operator;

/// <summary>
/// The region's «Мониторинг» tables by municipality at a country's size: more municipalities than a page holds are shown a
/// page at a time, each table with its own pager, and the table's Excel file has them all. Its own database: the
/// municipalities it adds would push the other tests' rows to a later page.
/// </summary>
public sealed class MonitoringPagingTests(MonitoringFactory factory) : IClassFixture<MonitoringFactory>
{
    private readonly MonitoringWorld _world = new(factory);

    private string Url(DateOnly from) =>
        $"/Operator/Monitoring?from={MonitoringPageReading.Iso(from)}&to={MonitoringPageReading.Iso(_world.Today)}";

    [Fact]
    public async Task A_table_by_municipality_longer_than_a_page_is_shown_a_page_at_a_time_and_its_Excel_has_every_row()
    {
        var world = new MunicipalWorld(factory);
        var submitted = MonitoringWorld.At(_world.MonthStart(1));
        var names = new List<string>();
        for (var i = 0; i < MonitoringPageModel.TableRowsPerPage + 2; i++)
        {
            var place = await world.MunicipalityAsync("Многостраничный район");
            await world.ApplicationAsync(place, "Постраничная", ApplicationStage.Submitted, submittedAt: submitted);
            names.Add(place.Municipality.Name);
        }
        using var client = await new OperatorDesk(factory).SignInOperatorAsync($"monitor{MunicipalWorld.Next()}");
        const string table = MonitoringTables.ConsiderationByMunicipality;

        var page = await client.GetDocumentAsync(Url(_world.MonthStart(1)));
        var range = page.QuerySelector($"#pager-{table}-range")!.TextContent;
        var total = int.Parse(range[(range.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith($"Строки 1–{MonitoringPageModel.TableRowsPerPage} из ", range, StringComparison.Ordinal);
        Assert.True(total >= names.Count, range);
        Assert.Null(page.QuerySelector($"#pager-{MonitoringTables.Months}"));

        var shown = new List<string>();
        while (true)
        {
            var rows = page.Rows(table);
            Assert.InRange(rows.Count, 1, MonitoringPageModel.TableRowsPerPage);
            shown.AddRange(rows.Select(r => r[0]));
            var next = page.QuerySelector($"#pager-{table}-next")!;
            if (next.ParentElement!.ClassList.Contains("disabled"))
                break;
            var href = next.GetAttribute("href")!;
            Assert.EndsWith($"#table-{table}", href, StringComparison.Ordinal);
            Assert.Contains($"{MonitoringPageModel.PageParameter(table)}=", href, StringComparison.Ordinal);
            page = await client.GetDocumentAsync(href[..href.IndexOf('#', StringComparison.Ordinal)]);
        }
        Assert.Equal(total, shown.Count);
        Assert.Equal(shown.Count, shown.Distinct().Count());
        Assert.Subset(shown.ToHashSet(), names.ToHashSet());

        var bytes = await client.DownloadAsync(page.QuerySelector($"#table-{table} a.excel-link")!.GetAttribute("href")!, Downloads.ExcelType);
        using var workbook = Downloads.OpenWorkbook(bytes);
        var sheet = workbook.Worksheet(1);
        Assert.Equal(shown, Enumerable.Range(4, total).Select(r => sheet.Cell(r, 1).GetString()));
        Assert.True(sheet.Cell(4 + total, 1).IsEmpty());

        using var wrong = await client.GetAsync($"{Url(_world.MonthStart(1))}&{MonitoringPageModel.PageParameter(table)}=x-1");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
    }
}
