using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Experts;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Authorization;

namespace Attestation.Web.Tests.Municipality.Home;

/// <summary>
/// The month's deadlines on the home page, on a fixed calendar: the portal's clock is moved to the next 5 November
/// (Tomsk), so the 11th and 12th belong to «декабрь-январь» and the 15th to «октябрь-ноябрь».
/// </summary>
public sealed class HomeDeadlinesTests(HomeDeadlinesTests.November world) : IClassFixture<HomeDeadlinesTests.November>
{
    private static readonly TimeZoneInfo Tomsk = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tomsk");

    public sealed class November : PortalWithDirectoryFactory
    {
        public int Year { get; private set; }
        public AttestationPeriod OctoberNovember { get; private set; } = null!;
        public AttestationPeriod DecemberJanuary { get; private set; } = null!;
        public AttestationPeriod JanuaryFebruary { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var now = Clock.GetUtcNow();
            var today = RegionClock.Today(now, Tomsk);
            Year = today < new DateOnly(today.Year, 11, 5) ? today.Year : today.Year + 1;
            Clock.Advance(RegionClock.StartOfDay(new DateOnly(Year, 11, 5), Tomsk).AddHours(10) - now);

            OctoberNovember = new AttestationPeriod(Year, 10);
            DecemberJanuary = new AttestationPeriod(Year, 12);
            JanuaryFebruary = new AttestationPeriod(Year + 1, 1);
            await using var db = OpenDb();
            db.Periods.AddRange(OctoberNovember, DecemberJanuary, JanuaryFebruary);
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task The_home_page_shows_the_11th_12th_and_15th_with_what_is_still_open_for_each()
    {
        var d = world.Directory;
        var coordinator = await Coordinators.CoordinatorAsync(world, "deadlines.coord", d.District.Id);
        var expertA = await world.CreateUserAsync(Roles.Expert, "deadlines.expert.a", u => u.MunicipalityId = d.District.Id);
        var expertB = await world.CreateUserAsync(Roles.Expert, "deadlines.expert.b", u => u.MunicipalityId = d.District.Id);

        var number = 0;
        // Registered an hour after the submission, put into a period an hour later.
        async Task<ApplicationBuilder> Application(string login, int daysAgo)
        {
            var at = world.Clock.GetUtcNow().AddDays(-daysAgo);
            return Coordinators.Application(world, await Coordinators.TeacherAsync(world, login, d.District.Id,
                    d.VillageSchool.Id, d.SchoolTeacher.Id), daysAgo)
                .By(coordinator)
                .Registered($"{++number}/{world.Year}", at.AddHours(1), RegionClock.Today(at, Tomsk));
        }
        async Task Scheduled(string login, int daysAgo, AttestationPeriod period, ApplicationStage stage = ApplicationStage.Scheduled) =>
            await (await Application(login, daysAgo))
                .Scheduled(period, expertA, expertB, world.Clock.GetUtcNow().AddDays(-daysAgo).AddHours(2))
                .Concluded(Conformity.Corresponds, world.Clock.GetUtcNow().AddDays(-2))
                .AtAsync(stage);

        // Waiting for registration: two.
        await (await Application("deadlines.waiting1", 3)).AtAsync(ApplicationStage.Submitted);
        await (await Application("deadlines.waiting2", 5)).AtAsync(ApplicationStage.Submitted);
        // Registered without a period: one; put into «декабрь-январь» without experts: one; with both: one.
        await (await Application("deadlines.noperiod", 20)).AtAsync(ApplicationStage.Registered);
        await (await Application("deadlines.period", 20))
            .InPeriod(world.DecemberJanuary, world.Clock.GetUtcNow().AddDays(-20).AddHours(2))
            .AtAsync(ApplicationStage.Registered);
        await Scheduled("deadlines.scheduled", 20, world.DecemberJanuary);
        // «октябрь-ноябрь»: one conclusion not uploaded, one uploaded and not signed (scheduled back in the summer).
        await Scheduled("deadlines.conclusion.missing", 120, world.OctoberNovember);
        await Scheduled("deadlines.conclusion.unsigned", 120, world.OctoberNovember, ApplicationStage.ConclusionUploaded);
        using var client = await world.SignInAsync("deadlines.coord");

        var page = await client.GetDocumentAsync("/Municipality");

        Assert.Equal("Количество заявлений = 7.", page.QuerySelector("#application-count")!.TextContent.Trim());
        Assert.Contains("«декабрь " + world.Year + "-январь " + (world.Year + 1) + "»", page.QuerySelector("#schedule h3")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(("1", "1", "1"), (Text(page, "#schedule-without-period"), Text(page, "#schedule-fewer-experts"),
            Text(page, "#schedule-complete")));
        Assert.Contains($"«октябрь-ноябрь {world.Year}» — до 15.11.{world.Year}", page.QuerySelector("#conclusions h3")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(("1", "1", "0"), (Text(page, "#conclusions-not-uploaded"), Text(page, "#conclusions-not-signed"),
            Text(page, "#conclusions-to-verify")));

        var rows = Deadlines(page);
        Assert.Equal(3, rows.Count);
        Assert.Equal($"до 11.11.{world.Year}", rows[0][0]);
        Assert.Equal("ожидают регистрации: 2", rows[0][2]);
        Assert.Equal($"до 12.11.{world.Year}", rows[1][0]);
        Assert.Contains("Заполнение графика периода «декабрь", rows[1][1], StringComparison.Ordinal);
        Assert.Equal("в графике: 1; без двух экспертов: 1; зарегистрированы без периода: 1", rows[1][2]);
        Assert.Equal($"до 15.11.{world.Year}", rows[2][0]);
        Assert.Equal("не загружено: 1; не подписано педагогом: 1; на проверке: 0", rows[2][2]);

        // After the 12th the December period is closed: the nearest open one is January, and the 12th has passed.
        world.Clock.Advance(TimeSpan.FromDays(8));
        using var later = await world.SignInAsync("deadlines.coord");
        var after = await later.GetDocumentAsync("/Municipality");
        Assert.Contains($"«январь-февраль {world.Year + 1}»", after.QuerySelector("#schedule h3")!.TextContent, StringComparison.Ordinal);
        var laterRows = Deadlines(after);
        Assert.Equal($"до 12.11.{world.Year} (прошёл)", laterRows[1][0]);
        Assert.StartsWith("период закрыт", laterRows[1][2], StringComparison.Ordinal);
    }

    private static string Text(AngleSharp.Html.Dom.IHtmlDocument page, string selector) =>
        page.QuerySelector(selector)!.TextContent.Trim();

    private static List<List<string>> Deadlines(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("#deadlines tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList())
            .ToList();
}
