using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Tests.Municipality;
using Attestation.Web.Infrastructure;
using MunicipalityEntity = Attestation.Domain.Directory.Municipality;

namespace Attestation.Web.Tests.Operator.Schedule;

/// <summary>
/// The consolidated schedule of a country: its table of municipalities twenty-five a page, paged by a parameter of its own
/// (the chosen municipality's lines keep theirs), and the chosen municipality's row on the page shown.
/// </summary>
public sealed class SchedulePagingTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly OperatorDesk _desk = new(factory);

    [Fact]
    public async Task Twenty_five_municipalities_a_page_and_the_chosen_one_on_the_page_shown()
    {
        await using (var db = factory.OpenDb())
        {
            db.Municipalities.AddRange(Enumerable.Range(1, 60).Reverse().Select(n => new MunicipalityEntity($"Графиковый округ {n:D3}")));
            await db.SaveChangesAsync();
        }
        var period = await _desk.PeriodAsync(_desk.Today.Year, _desk.Today.Month);
        using var client = await _desk.SignInOperatorAsync("schedule.paging.operator");
        var url = $"/Operator/Schedule?periodId={period.Id}";

        var first = await client.GetDocumentAsync(url);
        var second = await client.GetDocumentAsync($"{url}&mp=2");
        var third = await client.GetDocumentAsync($"{url}&mp=3");

        // The directory's two municipalities and the sixty: 62, in the alphabet («Город» before «Графиковый»).
        Assert.Equal(Paging.MunicipalitiesPageSize, Names(first).Length);
        Assert.Equal(["Город Томск", .. Enumerable.Range(1, 24).Select(n => $"Графиковый округ {n:D3}")], Names(first));
        Assert.Equal(Enumerable.Range(25, 25).Select(n => $"Графиковый округ {n:D3}"), Names(second));
        Assert.Equal([.. Enumerable.Range(50, 11).Select(n => $"Графиковый округ {n:D3}"), "Томский район"], Names(third));
        Assert.Equal("Строки 1–25 из 62", first.QuerySelector("#municipalities-pager-range")!.TextContent.Trim());
        Assert.Contains("mp=2", first.QuerySelector("#municipalities-pager-next")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Null(first.QuerySelector("#pager"));

        // A municipality chosen is on the page shown.
        var district = await client.GetDocumentAsync($"{url}&municipalityId={factory.Directory.District.Id}");
        Assert.Contains("Томский район", Names(district));
        Assert.Equal("Строки 51–62 из 62", district.QuerySelector("#municipalities-pager-range")!.TextContent.Trim());

        // The total counts every municipality, those of the pages not shown too: the district's attestee (third page)
        // with the city's (first) chosen.
        var expertA = await factory.CreateUserAsync(Roles.Expert, "schedule.paging.expert.a", u => u.MunicipalityId = factory.Directory.District.Id);
        var expertB = await factory.CreateUserAsync(Roles.Expert, "schedule.paging.expert.b", u => u.MunicipalityId = factory.Directory.District.Id);
        var teacher = await Coordinators.TeacherAsync(factory, "schedule.paging.teacher", factory.Directory.District.Id,
            factory.Directory.VillageSchool.Id, factory.Directory.SchoolTeacher.Id);
        var later = await factory.Applications.PeriodAsync(DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddMonths(7));
        await Coordinators.Application(factory, teacher, daysAgo: 20)
            .Registered(at: factory.Clock.GetUtcNow().AddDays(-19))
            .Scheduled(later, expertA, expertB, factory.Clock.GetUtcNow().AddDays(-18))
            .AtAsync(ApplicationStage.Scheduled);
        url = $"/Operator/Schedule?periodId={later.Id}";
        var city = await client.GetDocumentAsync($"{url}&municipalityId={factory.Directory.Tomsk.Id}");
        Assert.Equal("Строки 1–25 из 62", city.QuerySelector("#municipalities-pager-range")!.TextContent.Trim());
        Assert.DoesNotContain("Томский район", Names(city));
        Assert.Equal("Всего аттестуемых: 1", city.QuerySelector("#total")!.TextContent.Trim());
        var withDistrict = await client.GetDocumentAsync($"{url}&mp=3");
        Assert.Equal("1", withDistrict.QuerySelector($"#municipalities tr[data-municipality='{factory.Directory.District.Id}'] .scheduled")!.TextContent.Trim());
    }

    private static string[] Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("#municipalities tbody tr td:first-child").Select(c => c.TextContent.Trim()).ToArray();
}
