using Attestation.Testing;
using Attestation.Web.Infrastructure;
using MunicipalityEntity = Attestation.Domain.Directory.Municipality;

namespace Attestation.Web.Tests.Operator.Control;

/// <summary>The control table of a country: its municipalities a page at a time, its totals the whole region's.</summary>
public sealed class ControlPagingTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly OperatorDesk _desk = new(factory);

    [Fact]
    public async Task Twenty_five_municipalities_a_page_in_the_alphabet_and_the_totals_of_all_under_every_page()
    {
        await using (var db = factory.OpenDb())
        {
            db.Municipalities.AddRange(Enumerable.Range(1, 60).Reverse().Select(n => new MunicipalityEntity($"Контрольный округ {n:D3}")));
            await db.SaveChangesAsync();
        }
        await _desk.ApplicationAsync("control.paging.teacher", factory.Directory.Tomsk.Id, factory.Directory.Lyceum.Id, _desk.Now.AddDays(-1));
        using var client = await _desk.SignInOperatorAsync("control.paging.operator");

        var first = await client.GetDocumentAsync("/Operator/Control");
        var second = await client.GetDocumentAsync("/Operator/Control?p=2");
        var third = await client.GetDocumentAsync("/Operator/Control?p=3");

        // The directory's two municipalities and the sixty: 62, in the alphabet («Город Томск» after the «Контрольный»).
        string[] Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll("#control tbody tr td:first-child").Select(c => c.TextContent.Trim()).ToArray();
        Assert.Equal(Paging.MunicipalitiesPageSize, Names(first).Length);
        Assert.Equal("Город Томск", Names(first)[0]);
        Assert.Equal(Enumerable.Range(1, 24).Select(n => $"Контрольный округ {n:D3}"), Names(first)[1..]);
        Assert.Equal(Enumerable.Range(25, 25).Select(n => $"Контрольный округ {n:D3}"), Names(second));
        Assert.Equal([.. Enumerable.Range(50, 11).Select(n => $"Контрольный округ {n:D3}"), "Томский район"], Names(third));
        Assert.NotNull(first.QuerySelector(".pagination"));
        foreach (var page in new[] { first, second, third })
            Assert.Equal("1", page.QuerySelector("#totals [data-list='Waiting']")!.TextContent.Trim());
    }
}
