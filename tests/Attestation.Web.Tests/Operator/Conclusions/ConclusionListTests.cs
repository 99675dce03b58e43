using System.Net;
using AngleSharp.Html.Dom;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Areas.Operator.Pages.Conclusions;
using Attestation.Web.Tests.Teacher;
using static Attestation.Web.Tests.Operator.OperatorDesk;

namespace Attestation.Web.Tests.Operator.Conclusions;

/// <summary>
/// «Итоговые заключения» on the 10th of a month M: the period that started in M−1 has its conclusions due on the 15th
/// of M (in time), the one that started in M−2 had them due on the 15th of M−1 (overdue).
/// </summary>
public sealed class ConclusionListTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly OperatorDesk _desk = new(factory);

    private TestDirectory Directory => factory.Directory;

    [Fact]
    public async Task Each_list_shows_only_its_statuses_the_filters_narrow_it_and_a_mark_against_the_recommendation_stands_out()
    {
        var first = new DateOnly(_desk.Today.Year, _desk.Today.Month, 1).AddMonths(3);
        _desk.MoveClockTo(TomskTime(first.Year, first.Month, 10));
        var inTime = await _desk.PeriodAsync(first.AddMonths(-1).Year, first.AddMonths(-1).Month);
        var late = await _desk.PeriodAsync(first.AddMonths(-2).Year, first.AddMonths(-2).Month);
        var longAgo = TomskTime(first.AddMonths(-4).Year, first.AddMonths(-4).Month, 20);
        var concluded = _desk.Now.AddDays(-20);
        var experts = (await _desk.CreateExpertAsync("cl.expert.a", "Фёдорова"), await _desk.CreateExpertAsync("cl.expert.b", "Орлова"));
        var districtExperts = (await _desk.CreateExpertAsync("cl.expert.c", "Третьякова", Directory.District.Id),
            await _desk.CreateExpertAsync("cl.expert.d", "Четверикова", Directory.District.Id));
        var coordinator = await _desk.CreateCoordinatorAsync("cl.coordinator");
        int tomsk = Directory.Tomsk.Id, lyceum = Directory.Lyceum.Id;
        var scan = SampleFiles.Pdf("conclusion");

        async Task<Guid> Scheduled(string login, Attestation.Domain.Periods.AttestationPeriod period, bool district = false) =>
            district
                ? await _desk.ApplicationAsync(login, Directory.District.Id, Directory.VillageSchool.Id, longAgo, register: true, period: period, experts: districtExperts)
                : await _desk.ApplicationAsync(login, tomsk, lyceum, longAgo, register: true, period: period, experts: experts);

        var verified = await Scheduled("cl.verified", late);
        await _desk.ConcludeAsync(verified, experts.Item1, Conformity.Corresponds, concluded, scan, verified: (coordinator, Conformity.Corresponds));
        var mismatch = await Scheduled("cl.mismatch", inTime);
        await _desk.ConcludeAsync(mismatch, experts.Item2, Conformity.Corresponds, concluded, scan, verified: (coordinator, Conformity.DoesNotCorrespond));
        var verifiedDistrict = await Scheduled("cl.district", inTime, district: true);
        await _desk.ConcludeAsync(verifiedDistrict, districtExperts.Item1, Conformity.DoesNotCorrespond, concluded, scan,
            verified: (coordinator, Conformity.DoesNotCorrespond));
        var uploadedLate = await Scheduled("cl.uploaded", late);
        await _desk.ConcludeAsync(uploadedLate, experts.Item1, Conformity.DoesNotCorrespond, concluded, SampleFiles.Pdf("late one"));
        var signed = await Scheduled("cl.signed", inTime);
        await _desk.ConcludeAsync(signed, experts.Item2, Conformity.Corresponds, concluded, scan, signed: true);
        var missingLate = await Scheduled("cl.missing.late", late);
        var missing = await Scheduled("cl.missing", inTime);
        // Never in these lists: waiting for registration, and in a period without experts.
        await _desk.ApplicationAsync("cl.submitted", tomsk, lyceum, _desk.Now.AddDays(-3));
        await _desk.ApplicationAsync("cl.noexperts", tomsk, lyceum, longAgo, register: true, period: inTime);
        using var client = await _desk.SignInOperatorAsync("cl.operator");

        var page = await client.GetDocumentAsync("/Operator/Conclusions");

        Assert.Equal([verified, mismatch, verifiedDistrict], Ids(page));
        Assert.Equal(new Dictionary<ConclusionList, int> { [ConclusionList.Verified] = 3, [ConclusionList.Waiting] = 2, [ConclusionList.Missing] = 2 },
            Counts(page));
        Assert.Equal(["1", "1"], page.QuerySelectorAll("#lists .overdue").Select(b => b.TextContent.Replace("просрочено:", "", StringComparison.Ordinal).Trim()));
        var mismatchRow = Row(page, mismatch);
        Assert.Equal("true", mismatchRow.GetAttribute("data-mismatch"));
        Assert.Contains("table-danger", mismatchRow.ClassName, StringComparison.Ordinal);
        Assert.Equal("соответствует", Text(mismatchRow.QuerySelector(".recommendation")!));
        Assert.StartsWith("не соответствует", Text(mismatchRow.QuerySelector(".mark")!), StringComparison.Ordinal);
        Assert.Contains("не совпадает с рекомендацией", Text(mismatchRow.QuerySelector(".mark")!), StringComparison.Ordinal);
        Assert.StartsWith("Координаторова Г. П.", Text(mismatchRow.QuerySelector(".verified")!), StringComparison.Ordinal);
        Assert.Equal("false", Row(page, verified).GetAttribute("data-mismatch"));
        Assert.Contains("экспертом (Фёдорова И. О.)", Text(Row(page, verified).QuerySelector(".conclusion")!), StringComparison.Ordinal);
        Assert.Equal($"/Operator/Applications/Details?id={verified}", Row(page, verified).QuerySelector("a.name")!.GetAttribute("href"));

        // The filters: a municipality, a period.
        var district = await client.GetDocumentAsync($"/Operator/Conclusions?municipalityId={Directory.District.Id}");
        Assert.Equal([verifiedDistrict], Ids(district));
        Assert.Equal(1, Counts(district)[ConclusionList.Verified]);
        var latePeriod = await client.GetDocumentAsync($"/Operator/Conclusions?periodId={late.Id}");
        Assert.Equal([verified], Ids(latePeriod));

        // Waiting for the coordinator: the one past the 15th is flagged, and its file downloads.
        var waiting = await client.GetDocumentAsync("/Operator/Conclusions?show=Waiting");
        Assert.Equal([uploadedLate, signed], Ids(waiting));
        Assert.Equal("true", Row(waiting, uploadedLate).GetAttribute("data-overdue"));
        Assert.Equal("false", Row(waiting, signed).GetAttribute("data-overdue"));
        Assert.Equal($"до 15.{first.AddMonths(-1):MM.yyyy} (срок истёк)", Text(Row(waiting, uploadedLate).QuerySelector(".due")!));
        Assert.Contains("Не подписано аттестуемым", Text(Row(waiting, uploadedLate).QuerySelector(".conclusion")!), StringComparison.Ordinal);
        Assert.NotNull(Row(waiting, uploadedLate).QuerySelector("a.upload"));
        Assert.Null(Row(waiting, signed).QuerySelector("a.upload"));
        using (var download = await client.GetAsync(Row(waiting, uploadedLate).QuerySelector("a.file")!.GetAttribute("href")))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(SampleFiles.Pdf("late one"), await download.Content.ReadAsByteArrayAsync());
        }

        // Not in the system: the overdue one first (its period is older), each with the operator's paper upload.
        var missingList = await client.GetDocumentAsync("/Operator/Conclusions?show=Missing");
        Assert.Equal([missingLate, missing], Ids(missingList));
        Assert.Equal("true", Row(missingList, missingLate).GetAttribute("data-overdue"));
        Assert.Equal("false", Row(missingList, missing).GetAttribute("data-overdue"));
        Assert.Equal($"/Operator/Conclusions/Upload?id={missing}", Row(missingList, missing).QuerySelector("a.upload")!.GetAttribute("href"));
        var inTimeMissing = await client.GetDocumentAsync($"/Operator/Conclusions?show=Missing&periodId={inTime.Id}&municipalityId={tomsk}");
        Assert.Equal([missing], Ids(inTimeMissing));

        using var unknown = await client.GetAsync($"/Operator/Conclusions?periodId={Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        // Within a period the municipalities in the order of the alphabet: «г. Северск» before «Город Томск», though
        // its bytes (a small «г») put it after «Томский район».
        var (seversk, severskSchool) = await MunicipalityAsync("г. Северск", "МБОУ «СОШ № 76» г. Северска");
        var missingSeversk = await _desk.ApplicationAsync("cl.missing.seversk", seversk, severskSchool, longAgo, register: true,
            period: inTime, experts: experts);
        Assert.Equal([missingLate, missingSeversk, missing], Ids(await client.GetDocumentAsync("/Operator/Conclusions?show=Missing")));
        Assert.Equal([missingSeversk, missing], Ids(await client.GetDocumentAsync($"/Operator/Conclusions?show=Missing&periodId={inTime.Id}")));

        // The regional institutions last within a period, as in every list of the operator's, though «В…» comes before
        // «г.» in the alphabet; the same order searched (the rows sorted) and not (cut from the kept groups).
        var (regional, regionalSchool) = await MunicipalityAsync("Вне муниципальных образований (областные учреждения)",
            "ОГБОУ «Томский физико-технический лицей»", regionalPseudo: true);
        var missingRegional = await _desk.ApplicationAsync("cl.missing.regional", regional, regionalSchool, longAgo, register: true,
            period: inTime, experts: experts);
        Assert.Equal([missingLate, missingSeversk, missing, missingRegional],
            Ids(await client.GetDocumentAsync("/Operator/Conclusions?show=Missing")));
        Assert.Equal([missingLate, missingSeversk, missing, missingRegional],
            Ids(await client.GetDocumentAsync("/Operator/Conclusions?show=Missing&q=Учителева")));
    }

    private async Task<(int Municipality, int School)> MunicipalityAsync(string name, string school, bool regionalPseudo = false)
    {
        await using var db = factory.OpenDb();
        var municipality = new Attestation.Domain.Directory.Municipality(name, isRegionalPseudo: regionalPseudo);
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync();
        var organisation = new Attestation.Domain.Directory.Organisation(municipality.Id, school);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return (municipality.Id, organisation.Id);
    }

    [Fact]
    public async Task Only_the_operator_opens_the_conclusions()
    {
        using var coordinator = await factory.SignInAsync((await _desk.CreateCoordinatorAsync("cl.other.coordinator")).UserName!);

        using var response = await coordinator.GetAsync("/Operator/Conclusions");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static List<Guid> Ids(IHtmlDocument page) =>
        page.QuerySelectorAll("#conclusions tbody tr").Select(r => Guid.Parse(r.GetAttribute("data-id")!)).ToList();

    private static AngleSharp.Dom.IElement Row(IHtmlDocument page, Guid id) =>
        page.QuerySelector($"#conclusions tbody tr[data-id='{id}']") ?? throw new InvalidOperationException($"No row {id}.");

    private static Dictionary<ConclusionList, int> Counts(IHtmlDocument page) =>
        page.QuerySelectorAll("#lists a[data-queue]").ToDictionary(
            a => Enum.Parse<ConclusionList>(a.GetAttribute("data-queue")!),
            a => int.Parse(Text(a.QuerySelector(".count")!), System.Globalization.CultureInfo.InvariantCulture));
}
