using System.Net;
using AngleSharp.Html.Dom;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Areas.Operator.Pages.Control;
using Attestation.Web.Authorization;
using Attestation.Web.Tests.Teacher;
using Microsoft.EntityFrameworkCore;
using static Attestation.Web.Tests.Operator.OperatorDesk;

namespace Attestation.Web.Tests.Operator.Control;

/// <summary>
/// The control table of the region on the 5th of a month M: the period starting in M+1 is the one being scheduled
/// (until the 12th of M), the one that started in M−1 has its conclusions due on the 15th of M, the one that started in
/// M−2 had them due on the 15th of M−1.
/// </summary>
public sealed class ControlTableTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly OperatorDesk _desk = new(factory);

    private TestDirectory Directory => factory.Directory;

    [Fact]
    public async Task The_numbers_of_each_municipality_match_its_applications_and_link_down_to_them()
    {
        var today = _desk.Today;
        var m = new DateOnly(today.Year, today.Month, 1).AddMonths(3);
        _desk.MoveClockTo(TomskTime(m.Year, m.Month, 5, 12));
        var now = _desk.Now;
        var near = await _desk.PeriodAsync(m.AddMonths(1).Year, m.AddMonths(1).Month);
        var due = await _desk.PeriodAsync(m.AddMonths(-1).Year, m.AddMonths(-1).Month);
        var overdue = await _desk.PeriodAsync(m.AddMonths(-2).Year, m.AddMonths(-2).Month);
        var tomskExperts = (await _desk.CreateExpertAsync("control.expert.t1", "Первая"), await _desk.CreateExpertAsync("control.expert.t2", "Вторая"));
        var districtExperts = (await _desk.CreateExpertAsync("control.expert.d1", "Третья", Directory.District.Id),
            await _desk.CreateExpertAsync("control.expert.d2", "Четвёртая", Directory.District.Id));
        var longAgo = TomskTime(m.AddMonths(-4).Year, m.AddMonths(-4).Month, 20);
        var lastMonth = TomskTime(m.AddMonths(-1).Year, m.AddMonths(-1).Month, 20);
        int tomsk = Directory.Tomsk.Id, lyceum = Directory.Lyceum.Id, district = Directory.District.Id, village = Directory.VillageSchool.Id;

        var waitingTomsk = await _desk.ApplicationAsync("control.t.waiting", tomsk, lyceum, now.AddDays(-2), signedScan: SampleFiles.Pdf("scan"));
        var lateTomsk = await _desk.ApplicationAsync("control.t.late", tomsk, lyceum, now.AddDays(-40));
        var withoutPeriod = await _desk.ApplicationAsync("control.t.noperiod", tomsk, lyceum, lastMonth, register: true);
        await _desk.ApplicationAsync("control.t.simplified", tomsk, lyceum, lastMonth, register: true, simplified: true);
        var oneExpertShort = await _desk.ApplicationAsync("control.t.noexperts", tomsk, lyceum, lastMonth, register: true, period: near);
        await _desk.ApplicationAsync("control.t.scheduled", tomsk, lyceum, lastMonth, register: true, period: near, experts: tomskExperts);
        var conclusionDue = await _desk.ApplicationAsync("control.t.due", tomsk, lyceum, longAgo, register: true, period: due, experts: tomskExperts);
        var conclusionLate = await _desk.ApplicationAsync("control.t.overdue", tomsk, lyceum, longAgo, register: true, period: overdue, experts: tomskExperts);
        var conclusionIn = await _desk.ApplicationAsync("control.t.uploaded", tomsk, lyceum, longAgo, register: true, period: overdue, experts: tomskExperts);
        // The conclusion came 40 days after the scheduling (two days after the submission).
        await _desk.ConcludeAsync(conclusionIn, tomskExperts.Item1, Conformity.Corresponds, longAgo.AddDays(42), SampleFiles.Pdf());
        // The 30 days end on the 4th (overdue today) and on the 5th (today: still in time), a minute either side of midnight.
        await _desk.ApplicationAsync("control.d.late", district, village, TomskTime(m.Year, m.Month, 4, 23, 59).AddDays(-30));
        await _desk.ApplicationAsync("control.d.ontime", district, village, TomskTime(m.Year, m.Month, 5, 0, 1).AddDays(-30));
        await _desk.ApplicationAsync("control.d.overdue", district, village, longAgo, register: true, period: overdue, experts: districtExperts);
        using var client = await _desk.SignInOperatorAsync("control.operator");

        var page = await client.GetDocumentAsync("/Operator/Control");

        Assert.Equal(
            new Dictionary<ControlList, int>
            {
                [ControlList.Waiting] = 2, [ControlList.ConsiderationOverdue] = 1, [ControlList.WithoutPeriod] = 1,
                [ControlList.FewerThanTwoExperts] = 1, [ControlList.Scheduled] = 1, [ControlList.ConclusionsDue] = 1,
                [ControlList.ConclusionsOverdue] = 1,
            },
            Counts(page, $"tr[data-municipality='{tomsk}']"));
        Assert.Equal(
            new Dictionary<ControlList, int>
            {
                [ControlList.Waiting] = 2, [ControlList.ConsiderationOverdue] = 1, [ControlList.WithoutPeriod] = 0,
                [ControlList.FewerThanTwoExperts] = 0, [ControlList.Scheduled] = 0, [ControlList.ConclusionsDue] = 0,
                [ControlList.ConclusionsOverdue] = 1,
            },
            Counts(page, $"tr[data-municipality='{district}']"));
        Assert.Equal(
            new Dictionary<ControlList, int>
            {
                [ControlList.Waiting] = 4, [ControlList.ConsiderationOverdue] = 2, [ControlList.WithoutPeriod] = 1,
                [ControlList.FewerThanTwoExperts] = 1, [ControlList.Scheduled] = 1, [ControlList.ConclusionsDue] = 1,
                [ControlList.ConclusionsOverdue] = 2,
            },
            Counts(page, "tr#totals"));
        Assert.Contains($"Период «{near.Name}»: график формируется до 12.{m:MM}.{m:yyyy} включительно (осталось дней: 7).",
            Text(page.QuerySelector("#nearest")!), StringComparison.Ordinal);
        Assert.True(page.QuerySelector($"tr[data-municipality='{tomsk}']")!.ClassList.Contains("table-danger"));

        // Each number links down to exactly the applications it counts.
        await AssertListAsync(client, page, tomsk, ControlList.Waiting, waitingTomsk, lateTomsk);
        await AssertListAsync(client, page, tomsk, ControlList.ConsiderationOverdue, lateTomsk);
        await AssertListAsync(client, page, tomsk, ControlList.WithoutPeriod, withoutPeriod);
        await AssertListAsync(client, page, tomsk, ControlList.FewerThanTwoExperts, oneExpertShort);
        await AssertListAsync(client, page, tomsk, ControlList.ConclusionsDue, conclusionDue);
        await AssertListAsync(client, page, tomsk, ControlList.ConclusionsOverdue, conclusionLate);

        // And the list down to the application, its documents included.
        var details = await client.GetDocumentAsync($"/Operator/Applications/Details?id={waitingTomsk}");
        Assert.Equal("Подано", Text(details.QuerySelector("#status")!));
        var link = details.QuerySelector("#documents a")!.GetAttribute("href")!;
        using (var download = await client.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(SampleFiles.Pdf("scan"), await download.Content.ReadAsByteArrayAsync());
        }
        using (var foreign = await client.GetAsync($"/Operator/Applications/File?id={lateTomsk}&fileId={link[(link.IndexOf("fileId=", StringComparison.Ordinal) + 7)..]}"))
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    private static Dictionary<ControlList, int> Counts(IHtmlDocument page, string rowSelector) =>
        page.QuerySelector(rowSelector)!.QuerySelectorAll("[data-list]")
            .ToDictionary(cell => Enum.Parse<ControlList>(cell.GetAttribute("data-list")!), cell => int.Parse(Text(cell), System.Globalization.CultureInfo.InvariantCulture));

    private static async Task AssertListAsync(HttpClient client, IHtmlDocument control, int municipalityId, ControlList list,
        params Guid[] expected)
    {
        var href = control.QuerySelector($"tr[data-municipality='{municipalityId}'] td[data-list='{list}'] a")!.GetAttribute("href")!;
        Assert.Equal($"/Operator/Applications?municipalityId={municipalityId}&show={list}", href.Replace("&amp;", "&", StringComparison.Ordinal));
        var page = await client.GetDocumentAsync(href);
        Assert.Equal(expected.Order(), page.QuerySelectorAll("#applications tbody tr").Select(r => Guid.Parse(r.GetAttribute("data-id")!)).Order());
    }
}
