using System.Net;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Areas.Operator.Pages.Directories;
using Attestation.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Attestation.Web.Tests.Conventions;

/// <summary>
/// What a list page costs in SQL statements, counted by <see cref="StatementCounter"/> (a count, not a timing): a
/// bounded page reads at most three statements of its own, however many applications the municipality has, never one
/// per row — plus the account's check of every signed-in request (AccountCheck: blocked, signed out elsewhere, and the bell's
/// unread count in the same statement).
/// </summary>
public sealed class ListStatementTests(MunicipalFactory factory) : IClassFixture<MunicipalFactory>
{
    private const int MaxStatements = 3 + LayoutStatements;

    /// <summary>The account's check of the request, which counts the bell's unread notices too (AccountCheck).</summary>
    private const int LayoutStatements = 1;

    private readonly MunicipalWorld _world = new(factory);

    public static TheoryData<string> BoundedPages() =>
    [
        "/Municipality",
        "/Municipality/Registration",
        "/Municipality/Registration?show=all",
        "/Municipality/Registration?show=overdue",
        "/Municipality/Attestation",
        "/Municipality/Attestation?periodId=all",
        "/Municipality/Schedule/Fill",
        "/Municipality/Schedule/View",
        "/Municipality/Withdraw",
        "/Municipality/Withdrawals",
        "/Municipality/NotApplied",
        "/Municipality/Invitations",
        "/Municipality/Users",
    ];

    [Theory]
    [MemberData(nameof(BoundedPages))]
    public async Task A_list_page_reads_a_constant_few_statements_however_many_rows_it_shows(string url)
    {
        var place = await _world.MunicipalityAsync($"Район {MunicipalWorld.Next()}");
        var coordinator = await _world.CoordinatorAsync(place);
        using var client = await factory.SignInAsync(coordinator.UserName!);
        await ApplicationsAsync(place, 1);
        var (few, withFew) = await factory.GetCountingStatementsAsync(client, url);
        few.Dispose();

        await ApplicationsAsync(place, 3);
        var (more, withMore) = await factory.GetCountingStatementsAsync(client, url);

        Assert.Equal(HttpStatusCode.OK, more.StatusCode);
        more.Dispose();
        Assert.InRange(withFew, 1, MaxStatements);
        Assert.Equal(withFew, withMore);
    }

    public static TheoryData<string> OperatorPages() =>
    [
        "/Operator/Control",
        "/Operator/Applications",
        "/Operator/Users",
        "/Operator/Users?q=ё&role=Teacher",
        "/Operator/Applications?year=",
        "/Operator/Applications?show=Waiting",
        "/Operator/Conclusions",
        "/Operator/Conclusions?show=Missing",
        "/Operator/Schedule",
        "/Operator/Schedule?municipalityId={municipality}",
        "/Operator/Periods",
        "/Operator/Periods/Details?id={period}",
        "/Operator/Commission",
        "/Operator/Journals",
        "/Operator/Print",
        "/Operator/Directories",
        "/Operator/Directories/Experts",
        "/Operator/Directories/Organisations",
        "/Operator/Directories/Municipalities",
    ];

    [Theory]
    [MemberData(nameof(OperatorPages))]
    public async Task An_operators_list_page_reads_a_constant_few_statements_however_many_rows_it_shows(string url)
    {
        var place = await _world.MunicipalityAsync($"Район {MunicipalWorld.Next()}");
        url = url.Replace("{municipality}", place.Municipality.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{period}", factory.OpenPeriod.Id.ToString(), StringComparison.Ordinal);
        using var client = await new Operator.OperatorDesk(factory).SignInOperatorAsync($"control{MunicipalWorld.Next()}");
        await ApplicationsAsync(place, 1);
        var (few, withFew) = await factory.GetCountingStatementsAsync(client, url);
        few.Dispose();

        await ApplicationsAsync(place, 2);
        var (more, withMore) = await factory.GetCountingStatementsAsync(client, url);

        Assert.Equal(HttpStatusCode.OK, more.StatusCode);
        more.Dispose();
        Assert.InRange(withFew, 1, MaxStatements);
        Assert.Equal(withFew, withMore);
    }

    /// <summary>
    /// «Мониторинг» reads more than a list when it counts, but a fixed number of aggregates: the (municipality, month)
    /// counts, the day histograms, the periods, the conclusions, the experts' load per period and those over the limit,
    /// and the rejection reasons; before them the figures kept for the default dates (the region's counted ahead,
    /// missing here: the web tests run no jobs) and the coordinator's municipality, after them a municipality's figures
    /// kept for the next requests. Forgotten before each request here, so that each counts.
    /// </summary>
    private const int MaxMonitoringStatements = 10 + LayoutStatements;

    [Theory]
    [InlineData("/Operator/Monitoring")]
    [InlineData("/Operator/Monitoring?municipalityId={municipality}")]
    [InlineData("/Municipality/Monitoring")]
    public async Task Monitoring_reads_a_constant_few_aggregates_however_many_applications_it_counts(string url)
    {
        var place = await _world.MunicipalityAsync($"Район {MunicipalWorld.Next()}");
        url = url.Replace("{municipality}", place.Municipality.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var expertA = await _world.ExpertAsync(place, "Фёдоров");
        var expertB = await _world.ExpertAsync(place, "Громов");
        using var client = url.StartsWith("/Operator", StringComparison.Ordinal)
            ? await new Operator.OperatorDesk(factory).SignInOperatorAsync($"monitoring{MunicipalWorld.Next()}")
            : await factory.SignInAsync((await _world.CoordinatorAsync(place)).UserName!);
        await _world.ApplicationAsync(place, "Первая", ApplicationStage.Scheduled, factory.ClosedPeriod, expertA, expertB, submittedAt: factory.Now.AddDays(-3));
        await Operator.CountedAheadRows.ForgetAllAsync(factory);
        var (few, withFew) = await factory.GetCountingStatementsAsync(client, url);
        few.Dispose();

        await _world.ApplicationAsync(place, "Вторая", ApplicationStage.Rejected, submittedAt: factory.Now.AddDays(-2));
        await _world.ApplicationAsync(place, "Третья", ApplicationStage.Scheduled, factory.ClosedPeriod, expertA, expertB, submittedAt: factory.Now.AddDays(-4));
        await Operator.CountedAheadRows.ForgetAllAsync(factory);
        var (more, withMore) = await factory.GetCountingStatementsAsync(client, url);

        Assert.Equal(HttpStatusCode.OK, more.StatusCode);
        more.Dispose();
        Assert.InRange(withFew, 1, MaxMonitoringStatements);
        Assert.Equal(withFew, withMore);
    }

    /// <summary>
    /// The operator's pages that show region-wide figures counted ahead read them, not the applications, while they
    /// are fresh: «Мониторинг» the municipalities, the figures and their periods; the others their rows and the figure.
    /// </summary>
    [Theory]
    [InlineData("/Operator/Monitoring", 3)]
    [InlineData("/Operator/Commission", 2)]
    [InlineData("/Operator/Journals", 2)]
    [InlineData("/Operator/Periods", 2)]
    [InlineData("/Operator/Applications", 3)]
    [InlineData("/Operator/Conclusions", 3)]
    public async Task A_page_with_figures_counted_ahead_reads_them_and_not_the_applications(string url, int statements)
    {
        var place = await _world.MunicipalityAsync($"Район {MunicipalWorld.Next()}");
        using var client = await new Operator.OperatorDesk(factory).SignInOperatorAsync($"ahead{MunicipalWorld.Next()}");
        await ApplicationsAsync(place, 2);
        Assert.True(await factory.WithServicesAsync(services =>
            services.GetRequiredService<Web.Areas.Operator.Pages.AheadCounting>().RunOnceAsync(CancellationToken.None)));

        var (page, read) = await factory.GetCountingStatementsAsync(client, url);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        page.Dispose();
        Assert.InRange(read, 1, statements + LayoutStatements);
    }

    [Fact]
    public async Task The_calibration_page_reads_one_row_besides_the_layouts_for_anyone_signed_in_and_no_one_else()
    {
        var place = await _world.MunicipalityAsync($"Район {MunicipalWorld.Next()}");
        var coordinator = await _world.CoordinatorAsync(place);
        using var client = await factory.SignInAsync(coordinator.UserName!);

        var (response, statements) = await factory.GetCountingStatementsAsync(client, "/Calibration");
        var page = await response.Content.ReadAsStringAsync();
        response.Dispose();
        Assert.Equal(1 + LayoutStatements, statements);
        Assert.Contains(coordinator.LastName, page, StringComparison.Ordinal);

        using var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var refused = await anonymous.GetAsync("/Calibration");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/Login", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_operators_applications_show_this_years_submissions_by_default_the_latest_first_a_page_at_a_time()
    {
        var place = await _world.MunicipalityAsync($"Район {MunicipalWorld.Next()}");
        var lastYear = await _world.ApplicationAsync(place, "Прошлогодняя", ApplicationStage.Registered,
            submittedAt: Attestation.Domain.RegionClock.StartOfDay(new DateOnly(factory.Today.Year - 1, 6, 10), MunicipalFactory.Zone));
        for (var i = 0; i < 50; i++)
            await _world.ApplicationAsync(place, "Нынешняя", ApplicationStage.Registered, submittedAt: factory.Now.AddDays(-2).AddMinutes(-i));
        var newest = await _world.ApplicationAsync(place, "Свежая", ApplicationStage.Submitted, submittedAt: factory.Now.AddHours(-1));
        using var client = await new Operator.OperatorDesk(factory).SignInOperatorAsync($"list{MunicipalWorld.Next()}");
        var url = $"/Operator/Applications?municipalityId={place.Municipality.Id}";

        var first = await client.GetDocumentAsync(url);
        Assert.Equal($"Заявления, поданные в {factory.Today.Year} году", first.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(50, first.QuerySelectorAll("#applications tbody tr").Length);
        Assert.Equal(newest.Id.ToString(), first.QuerySelector("#applications tbody tr")!.GetAttribute("data-id"));
        Assert.Equal("Строки 1–50 из 51", first.QuerySelector("#pager-range")!.TextContent.Trim());
        var second = await client.GetDocumentAsync(first.QuerySelector("#pager-next")!.GetAttribute("href")!);
        Assert.Single(second.QuerySelectorAll("#applications tbody tr"));
        Assert.Null(second.QuerySelector($"tr[data-id='{lastYear.Id}']"));

        var all = await client.GetDocumentAsync(url + "&year=");
        Assert.Equal("Строки 1–50 из 52", all.QuerySelector("#pager-range")!.TextContent.Trim());
        var before = await client.GetDocumentAsync(url + $"&year={factory.Today.Year - 1}");
        Assert.Equal([lastYear.Id.ToString()], before.QuerySelectorAll("#applications tbody tr").Select(r => r.GetAttribute("data-id")));
        // The count follows the year.
        Assert.Contains("заявлений: 1", before.QuerySelector("#scope")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>
    /// A list's rows counted up to a limit (<see cref="Paging.CountUpToAsync"/>), alone or with the municipalities of the
    /// operator's filter in the same statement: the count stops at the limit and says there are more.
    /// </summary>
    [Fact]
    public async Task A_count_up_to_a_limit_stops_there_and_says_there_are_more()
    {
        var place = await _world.MunicipalityAsync($"Район {MunicipalWorld.Next()}");
        await ApplicationsAsync(place, 3);
        await using var db = factory.OpenDb();
        var found = db.Applications.Where(a => a.MunicipalityId == place.Municipality.Id);

        Assert.Equal(new RowCount(4, More: true), await found.CountUpToAsync(4, CancellationToken.None));
        Assert.Equal(new RowCount(6, More: false), await found.CountUpToAsync(6, CancellationToken.None));
        var (choices, counted) = await db.MunicipalityChoicesAsync(found, 5, CancellationToken.None);
        Assert.Equal(new RowCount(5, More: true), counted);
        Assert.Contains(choices.Choices, c => c.Text == place.Municipality.Name);
        Assert.Equal(new RowCount(6, More: false), (await db.MunicipalityChoicesAsync(found, 6, CancellationToken.None)).Found);
    }

    [Fact]
    public async Task The_attestation_list_shows_the_periods_not_over_by_default_a_page_at_a_time()
    {
        var place = await _world.MunicipalityAsync("Тегульдетский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var expertA = await _world.ExpertAsync(place, "Фёдоров");
        var expertB = await _world.ExpertAsync(place, "Громов");
        var past = await factory.Applications.PeriodAsync(new DateOnly(factory.Today.Year, factory.Today.Month, 1).AddMonths(-4));
        var old = await _world.ApplicationAsync(place, "Давняя", ApplicationStage.Scheduled, past, expertA, expertB);
        for (var i = 0; i < 52; i++)
            await _world.ApplicationAsync(place, "Текущая", ApplicationStage.Scheduled, expertA: expertA, expertB: expertB);
        using var client = await factory.SignInAsync(coordinator.UserName!);

        var first = await client.GetDocumentAsync("/Municipality/Attestation");
        Assert.Equal(50, first.QuerySelectorAll("#applications tbody tr").Length);
        Assert.Equal("Строки 1–50 из 52", first.QuerySelector("#pager-range")!.TextContent.Trim());
        Assert.Null(first.QuerySelector($"tr[data-id='{old.Id}']"));

        var second = await client.GetDocumentAsync(first.QuerySelector("#pager-next")!.GetAttribute("href")!);
        Assert.Equal(2, second.QuerySelectorAll("#applications tbody tr").Length);
        Assert.Equal("Строки 51–52 из 52", second.QuerySelector("#pager-range")!.TextContent.Trim());

        // The ended period is one choice away, and so is everything.
        var ended = await client.GetDocumentAsync($"/Municipality/Attestation?periodId={past.Id}");
        Assert.NotNull(ended.QuerySelector($"tr[data-id='{old.Id}']"));
        var all = await client.GetDocumentAsync("/Municipality/Attestation?periodId=all");
        Assert.Equal("Строки 1–50 из 53", all.QuerySelector("#pager-range")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_list_ordered_in_the_database_reads_names_in_russian_alphabetical_order()
    {
        var place = await _world.MunicipalityAsync("Александровский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var expertA = await _world.ExpertAsync(place, "Фёдоров");
        var expertB = await _world.ExpertAsync(place, "Громов");
        foreach (var name in new[] { "Жукова", "Ёлкина", "Абрамова", "Елисеева" })
            await _world.ApplicationAsync(place, name, ApplicationStage.Scheduled, expertA: expertA, expertB: expertB);
        using var client = await factory.SignInAsync(coordinator.UserName!);

        var page = await client.GetDocumentAsync("/Municipality/Attestation");

        Assert.Equal(["Абрамова", "Елисеева", "Ёлкина", "Жукова"],
            page.QuerySelectorAll("#applications tbody tr").Select(tr => tr.QuerySelectorAll("td")[1].TextContent.Trim().Split(' ')[0]));
    }

    [Fact]
    public async Task The_registration_journal_of_all_years_is_read_a_page_at_a_time()
    {
        var place = await _world.MunicipalityAsync("Колпашевский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var newest = await _world.ApplicationAsync(place, "Свежая", ApplicationStage.Registered, submittedAt: factory.Now.AddDays(-1));
        for (var i = 0; i < 51; i++)
            await _world.ApplicationAsync(place, "Прошлогодняя", ApplicationStage.Registered, submittedAt: factory.Now.AddDays(-300 - i));
        using var client = await factory.SignInAsync(coordinator.UserName!);

        var first = await client.GetDocumentAsync("/Municipality/Registration?show=all");
        Assert.Equal(50, first.QuerySelectorAll("#journal tbody tr").Length);
        Assert.Equal("Строки 1–50 из 52", first.QuerySelector("#pager-range")!.TextContent.Trim());
        // The latest submission first.
        Assert.Equal(newest.Id.ToString(), first.QuerySelector("#journal tbody tr")!.GetAttribute("data-id"));

        var second = await client.GetDocumentAsync(first.QuerySelector("#pager-next")!.GetAttribute("href")!);
        Assert.Equal(2, second.QuerySelectorAll("#journal tbody tr").Length);
        Assert.Contains("show=all", first.QuerySelector("#pager-next")!.GetAttribute("href")!, StringComparison.Ordinal);
    }

    private async Task ApplicationsAsync(MunicipalWorld.Place place, int count)
    {
        var expertA = await _world.ExpertAsync(place, "Фёдоров");
        var expertB = await _world.ExpertAsync(place, "Громов");
        for (var i = 0; i < count; i++)
        {
            await _world.ApplicationAsync(place, "Счётова", ApplicationStage.Registered);
            await _world.ApplicationAsync(place, "Счётова", ApplicationStage.ConclusionSigned, expertA: expertA, expertB: expertB);
        }
    }
}
