using Attestation.Testing;
using Attestation.Web.Data;

namespace Attestation.Web.Tests.Municipality.Lists;

/// <summary>
/// The municipal coordinator's lists of applications searched by a part of the teacher's name (any case, «ё» as
/// «е»), within his municipality only; the search stays in the filter form, its tabs and its pages.
/// </summary>
public sealed class NameSearchTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private TestDirectory Directory => factory.Directory;

    [Fact]
    public async Task Registration_withdrawal_and_fill_lists_find_the_teacher_by_a_part_of_the_name_in_the_own_municipality_only()
    {
        var (municipalityId, organisationId) = await Coordinators.MunicipalityAsync(factory, "Кривошеинский район");
        using var client = await Coordinators.SignedInAsync(factory, "ns.coord", municipalityId);
        var fyodorova = await TeacherAsync("ns.fyodorova", municipalityId, organisationId, "Фёдорова");
        var other = await TeacherAsync("ns.other", municipalityId, organisationId, "Кузнецова");
        var foreign = await TeacherAsync("ns.foreign", Directory.Tomsk.Id, Directory.Lyceum.Id, "Федорова");
        var submitted = await Coordinators.ApplicationAsync(factory, fyodorova, daysAgo: 2);
        await Coordinators.ApplicationAsync(factory, other, daysAgo: 2);
        await Coordinators.ApplicationAsync(factory, foreign, daysAgo: 2);
        var registered = await Coordinators.Application(factory, fyodorova, daysAgo: 40).Registered().AtAsync(ApplicationStage.Registered);
        await Coordinators.Application(factory, other, daysAgo: 40).Registered().AtAsync(ApplicationStage.Registered);

        var registration = await client.GetDocumentAsync("/Municipality/Registration?show=all&q=федор");
        var waiting = await client.GetDocumentAsync("/Municipality/Registration?q=ФЕДОР");
        var withdraw = await client.GetDocumentAsync("/Municipality/Withdraw?q=фЁдор");
        var fill = await client.GetDocumentAsync("/Municipality/Schedule/Fill?q=федорова");
        var nobody = await client.GetDocumentAsync("/Municipality/Registration?show=all&q=Иванова");

        // The latest submission first; another municipality's «Федорова» is never there.
        Assert.Equal([submitted.Id, registered.Id], Ids(registration, "#journal"));
        Assert.Equal([submitted.Id], Ids(waiting, "#journal"));
        Assert.Contains("q=%D0%A4%D0%95%D0%94%D0%9E%D0%A0", waiting.QuerySelectorAll("a.btn").Select(a => a.GetAttribute("href") ?? "").First(h => h.Contains("show=overdue", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal([registered.Id], Ids(withdraw, "#applications"));
        Assert.Equal([registered.Id], Ids(fill, "#applications"));
        Assert.Empty(Ids(nobody, "#journal"));
        Assert.Equal("федор", registration.QuerySelector("#q")!.GetAttribute("value"));
    }

    private static List<Guid> Ids(AngleSharp.Html.Dom.IHtmlDocument page, string table) =>
        page.QuerySelectorAll($"{table} tbody tr[data-id]").Select(r => Guid.Parse(r.GetAttribute("data-id")!)).Distinct().ToList();

    private Task<AppUser> TeacherAsync(string login, int municipalityId, int organisationId, string lastName) =>
        Coordinators.TeacherAsync(factory, login, municipalityId, organisationId, Directory.SchoolTeacher.Id, lastName);
}
