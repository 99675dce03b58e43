using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Attestation.Domain.Categories;
using Attestation.Testing;
using Attestation.Web.Areas.Operator.Pages;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Documents;
using Attestation.Web.Infrastructure;
using Attestation.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Attestation.Web.Tests.Operator.OperatorDesk;

namespace Attestation.Web.Tests.Operator;

/// <summary>What the job keeps counted for the operator's pages (<see cref="AheadCounting"/>), read back.</summary>
internal static class CountedAheadRows
{
    public static Task<bool> CountAsync(PortalFactory factory) =>
        factory.WithServicesAsync(services => services.GetRequiredService<AheadCounting>().RunOnceAsync(CancellationToken.None));

    /// <summary>Changes the stored figure as <paramref name="change"/> says: the page showing the change read the store.</summary>
    public static async Task TamperAsync(PortalFactory factory, string key, Func<JsonNode, JsonNode> change)
    {
        await using var db = factory.OpenDb();
        var row = await db.CountedAhead.SingleAsync(c => c.Key == key);
        row.Content = change(JsonNode.Parse(row.Content)!).ToJsonString();
        await db.SaveChangesAsync();
    }

    /// <summary>Deletes every stored figure: the tests of a class share the database, and another one may have counted.</summary>
    public static async Task ForgetAllAsync(PortalFactory factory)
    {
        await using var db = factory.OpenDb();
        await db.CountedAhead.ExecuteDeleteAsync();
    }

    /// <summary>Makes every figure older than the longest age a figure is shown at (the monitoring's).</summary>
    public static Task AgeAsync(PortalFactory factory) =>
        DateAsync(factory, factory.Clock.GetUtcNow() - new JobsOptions().MonitoringMaxAge - TimeSpan.FromSeconds(1));

    /// <summary>Dates every stored figure (or the one of <paramref name="key"/>) as counted at <paramref name="countedAt"/>.</summary>
    public static async Task DateAsync(PortalFactory factory, DateTimeOffset countedAt, string? key = null)
    {
        await using var db = factory.OpenDb();
        await db.CountedAhead.Where(c => key == null || c.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CountedAt, countedAt));
    }

    /// <summary>When the figure of <paramref name="key"/> was counted as stored; null when none is.</summary>
    public static async Task<DateTimeOffset?> CountedAtAsync(PortalFactory factory, string key)
    {
        await using var db = factory.OpenDb();
        return await db.CountedAhead.Where(c => c.Key == key).Select(c => (DateTimeOffset?)c.CountedAt).SingleOrDefaultAsync();
    }
}

/// <summary>
/// The region's «Мониторинг» of the default twelve months counted ahead: every table the same as counted for the
/// request, shown with the time it was counted while fresh, and counted for the request when stale or for other dates.
/// </summary>
public sealed class CountedAheadMonitoringTests(MonitoringFactory factory) : IClassFixture<MonitoringFactory>
{
    private static readonly string[] Tables =
    [
        MonitoringTables.Months, MonitoringTables.Statuses, MonitoringTables.Categories, MonitoringTables.Forms,
        MonitoringTables.Outcomes, MonitoringTables.Consideration, MonitoringTables.ConsiderationByMunicipality,
        MonitoringTables.Durations,
    ];

    private readonly MonitoringWorld _world = new(factory);

    [Fact]
    public async Task The_region_s_monitoring_is_shown_as_counted_ahead_with_the_same_figures()
    {
        await _world.BuildAsync("Каргасокский район");
        await CountedAheadRows.ForgetAllAsync(factory);
        using var client = await new OperatorDesk(factory).SignInOperatorAsync($"ahead{MunicipalWorld.Next()}");

        var live = await client.GetDocumentAsync("/Operator/Monitoring");
        Assert.DoesNotContain("Подсчитано", Scope(live), StringComparison.Ordinal);
        Assert.NotEqual("0", live.Total(MonitoringTables.Months)[1]);

        Assert.True(await CountedAheadRows.CountAsync(factory));
        var counted = await client.GetDocumentAsync("/Operator/Monitoring");
        Assert.Contains($"Подсчитано {factory.Clock.GetUtcNow().ToRegionDateTime()}", Scope(counted), StringComparison.Ordinal);
        foreach (var table in Tables)
        {
            Assert.Equal(live.Rows(table), counted.Rows(table));
            Assert.Equal(live.Total(table), counted.Total(table));
        }

        // The page reads the stored figures: the statuses' «Подано» changed in the store shows.
        var submitted = int.Parse(counted.Row(MonitoringTables.Statuses, "Подано")[1], System.Globalization.CultureInfo.InvariantCulture);
        await CountedAheadRows.TamperAsync(factory, AheadKeys.Monitoring(), json =>
        {
            json["byStatus"]!["Submitted"] = submitted + 500;
            return json;
        });
        var tampered = await client.GetDocumentAsync("/Operator/Monitoring");
        Assert.Equal((submitted + 500).ToString(System.Globalization.CultureInfo.InvariantCulture),
            tampered.Row(MonitoringTables.Statuses, "Подано")[1]);

        // Other dates are counted for the request; so is one municipality the first time, then kept as its
        // coordinator's page keeps it.
        var from = MonitoringPageReading.Iso(_world.From);
        var other = await client.GetDocumentAsync($"/Operator/Monitoring?from={from}&to={MonitoringPageReading.Iso(_world.Today)}");
        Assert.DoesNotContain("Подсчитано", Scope(other), StringComparison.Ordinal);
        var one = await client.GetDocumentAsync($"/Operator/Monitoring?municipalityId={_world.Place.Municipality.Id}");
        Assert.DoesNotContain("Подсчитано", Scope(one), StringComparison.Ordinal);
        var oneAgain = await client.GetDocumentAsync($"/Operator/Monitoring?municipalityId={_world.Place.Municipality.Id}");
        Assert.Contains("Подсчитано", Scope(oneAgain), StringComparison.Ordinal);
        Assert.Equal(one.Rows(MonitoringTables.Statuses), oneAgain.Rows(MonitoringTables.Statuses));
        Assert.NotEqual(tampered.Rows(MonitoringTables.Statuses), oneAgain.Rows(MonitoringTables.Statuses));

        // Stale, the figures are counted for the request again.
        await CountedAheadRows.AgeAsync(factory);
        var stale = await client.GetDocumentAsync("/Operator/Monitoring");
        Assert.DoesNotContain("Подсчитано", Scope(stale), StringComparison.Ordinal);
        Assert.Equal(live.Rows(MonitoringTables.Statuses), stale.Rows(MonitoringTables.Statuses));
    }

    [Fact]
    public async Task The_region_s_monitoring_is_counted_every_monitoring_interval_and_shown_for_two()
    {
        await _world.BuildAsync("Чаинский район");
        await CountedAheadRows.ForgetAllAsync(factory);
        using var client = await new OperatorDesk(factory).SignInOperatorAsync($"every{MunicipalWorld.Next()}");
        var jobs = new JobsOptions();
        var now = factory.Clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10)); // as PostgreSQL keeps it, to the microsecond
        Assert.True(await CountedAheadRows.CountAsync(factory));
        var counted = await client.GetDocumentAsync("/Operator/Monitoring");
        var submitted = int.Parse(counted.Row(MonitoringTables.Statuses, "Подано")[1], System.Globalization.CultureInfo.InvariantCulture);

        // Five minutes on: past the other figures' two minutes, within the monitoring's interval. The job's next run
        // counts the others again and leaves the monitoring as it is (its changed figure stays), which is still shown.
        var fiveMinutesAgo = now - TimeSpan.FromMinutes(5);
        await CountedAheadRows.DateAsync(factory, fiveMinutesAgo);
        await CountedAheadRows.TamperAsync(factory, AheadKeys.Monitoring(), json =>
        {
            json["byStatus"]!["Submitted"] = submitted + 300;
            return json;
        });
        Assert.True(await CountedAheadRows.CountAsync(factory));
        Assert.Equal(fiveMinutesAgo, await CountedAheadRows.CountedAtAsync(factory, AheadKeys.Monitoring()));
        Assert.Equal(now, await CountedAheadRows.CountedAtAsync(factory, AheadKeys.CommissionWaiting));
        var kept = await client.GetDocumentAsync("/Operator/Monitoring");
        Assert.Contains($"Подсчитано {fiveMinutesAgo.ToRegionDateTime()}", Scope(kept), StringComparison.Ordinal);
        Assert.Equal((submitted + 300).ToString(System.Globalization.CultureInfo.InvariantCulture),
            kept.Row(MonitoringTables.Statuses, "Подано")[1]);

        // An interval on, the job's run counts it again.
        await CountedAheadRows.DateAsync(factory, now - jobs.MonitoringCountingInterval, AheadKeys.Monitoring());
        Assert.True(await CountedAheadRows.CountAsync(factory));
        Assert.Equal(now, await CountedAheadRows.CountedAtAsync(factory, AheadKeys.Monitoring()));
        var recounted = await client.GetDocumentAsync("/Operator/Monitoring");
        Assert.Equal(counted.Rows(MonitoringTables.Statuses), recounted.Rows(MonitoringTables.Statuses));

        // Not counted again since (the job off) and older than two intervals, it is counted for the request.
        await CountedAheadRows.DateAsync(factory, now - jobs.MonitoringMaxAge - TimeSpan.FromSeconds(1), AheadKeys.Monitoring());
        var stale = await client.GetDocumentAsync("/Operator/Monitoring");
        Assert.DoesNotContain("Подсчитано", Scope(stale), StringComparison.Ordinal);
        Assert.Equal(counted.Rows(MonitoringTables.Statuses), stale.Rows(MonitoringTables.Statuses));
    }

    [Theory]
    [InlineData(null, 0, true)]
    [InlineData(0, 0, false)]
    [InlineData(5, 0, false)]
    [InlineData(9, 0, false)]
    [InlineData(10, 0, true)]
    [InlineData(-1, 0, true)]
    [InlineData(1, 1, true)]
    public void The_monitoring_is_due_when_never_counted_counted_an_interval_ago_another_day_or_in_the_future(
        int? minutesAgo, int daysAgo, bool due)
    {
        var jobs = new JobsOptions { ControlCountingInterval = TimeSpan.FromMinutes(1), MonitoringCountingInterval = TimeSpan.FromMinutes(10) };
        var now = new DateTimeOffset(2026, 12, 7, 5, 0, 0, TimeSpan.Zero);
        var today = new DateOnly(2026, 12, 7);
        var last = minutesAgo is { } minutes
            ? new AheadCounting.CountedOn(today.AddDays(-daysAgo), now - TimeSpan.FromMinutes(minutes))
            : null;

        Assert.Equal(due, AheadCounting.MonitoringDue(last, today, now, jobs));
    }

    [Fact]
    public async Task A_report_counted_ahead_is_made_once_for_the_requests_and_anew_when_a_municipality_is_renamed()
    {
        await _world.BuildAsync("Парабельский район");
        await CountedAheadRows.ForgetAllAsync(factory);
        using var client = await new OperatorDesk(factory).SignInOperatorAsync($"memo{MunicipalWorld.Next()}");
        Assert.True(await CountedAheadRows.CountAsync(factory));
        var name = _world.Place.Municipality.Name;

        var first = await client.GetDocumentAsync("/Operator/Monitoring");
        var (report, again) = await factory.WithServicesAsync(async services =>
        {
            using var scope = services.CreateScope();
            var snapshot = (await scope.ServiceProvider.GetRequiredService<CountedAheadStore>()
                .ReadAsync<MonitoringSnapshot>(AheadKeys.Monitoring(), CancellationToken.None))!.Value;
            var memo = services.GetRequiredService<MonitoringReportMemo>();
            var range = new MonitoringRange(null, snapshot.From, snapshot.To);
            await using var db = factory.OpenDb();
            var periods = await db.Periods.AsNoTracking().Where(p => snapshot.PeriodIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
            var municipalities = await db.Municipalities.AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.Id, m.Name }).ToListAsync();
            var shown = municipalities.Select(m => (m.Id, m.Name)).ToList();
            return (memo.ReportOf(snapshot, range, shown, periods), memo.ReportOf(snapshot, range, [.. shown], periods));
        });
        var renamed = $"Парабельский район {MunicipalWorld.Next()} (новое имя)";
        await using (var db = factory.OpenDb())
            await db.Database.ExecuteSqlAsync($"""UPDATE "Municipalities" SET "Name" = {renamed} WHERE "Id" = {_world.Place.Municipality.Id}""");
        var after = await client.GetDocumentAsync("/Operator/Monitoring");

        Assert.NotNull(report);
        Assert.Same(report, again);
        Assert.Contains(first.Rows(MonitoringTables.ConsiderationByMunicipality), r => r[0] == name);
        Assert.Contains($"Подсчитано", Scope(after), StringComparison.Ordinal);
        Assert.Contains(after.Rows(MonitoringTables.ConsiderationByMunicipality), r => r[0] == renamed);
        Assert.DoesNotContain(after.Rows(MonitoringTables.ConsiderationByMunicipality), r => r[0] == name);
    }

    private static string Scope(IHtmlDocument page) => Text(page.QuerySelector("#scope")!);
}

/// <summary>
/// The applications waiting for the commission, the year's journals and the periods of the school year counted ahead:
/// the same numbers as counted for the request, shown while fresh, and the waiting count forgotten the moment the
/// operator puts applications on a meeting's list.
/// </summary>
public sealed class CountedAheadTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly OperatorDesk _desk = new(factory);

    [Fact]
    public async Task The_waiting_count_is_shown_as_counted_and_forgotten_when_the_operator_fills_a_meeting()
    {
        var period = await _desk.PastPeriodAsync();
        var first = await _desk.AttesteeAsync("ahead.w1", "Ожидаева", QualificationCategory.Highest, period);
        await _desk.AttesteeAsync("ahead.w2", "Ждущева", QualificationCategory.Highest, period);
        await CountedAheadRows.ForgetAllAsync(factory);
        using var client = await _desk.SignInOperatorAsync("ahead.commission");

        var live = await Waiting(client);
        Assert.True(live.Count >= 2);
        Assert.DoesNotContain("подсчитано", live.Text, StringComparison.Ordinal);

        Assert.True(await CountedAheadRows.CountAsync(factory));
        var counted = await Waiting(client);
        Assert.Equal(live.Count, counted.Count);
        Assert.Contains($"(подсчитано {_desk.Now.ToRegionDateTime()})", counted.Text, StringComparison.Ordinal);

        await CountedAheadRows.TamperAsync(factory, AheadKeys.CommissionWaiting, _ => JsonValue.Create(live.Count + 100));
        Assert.Equal(live.Count + 100, (await Waiting(client)).Count);

        // The operator puts one on a meeting's list: the page counts for itself at once.
        var meeting = await _desk.MeetingAsync(_desk.Today.AddDays(10), "ahead-1");
        var page = await client.GetDocumentAsync($"/Operator/Commission/Meeting?id={meeting}");
        using (var added = await PostCheckedAsync(client, page, "main form#add", "Selected", [first.ApplicationId.ToString()]))
            Assert.Equal(System.Net.HttpStatusCode.Redirect, added.StatusCode);
        var after = await Waiting(client);
        Assert.Equal(live.Count - 1, after.Count);
        Assert.DoesNotContain("подсчитано", after.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_journals_of_the_year_are_shown_as_counted_and_any_other_choice_is_counted_now()
    {
        await _desk.ApplicationAsync("ahead.j1", factory.Directory.Tomsk.Id, factory.Directory.Lyceum.Id, _desk.Now.AddMinutes(-5));
        await CountedAheadRows.ForgetAllAsync(factory);
        using var client = await _desk.SignInOperatorAsync("ahead.journals");

        var live = await client.GetDocumentAsync("/Operator/Journals");
        var submitted = Counts(live)[0];
        Assert.True(submitted >= 1);
        Assert.DoesNotContain("подсчитаны", Text(live.QuerySelector("#description")!), StringComparison.Ordinal);

        Assert.True(await CountedAheadRows.CountAsync(factory));
        var counted = await client.GetDocumentAsync("/Operator/Journals");
        Assert.Equal(Counts(live), Counts(counted));
        Assert.Contains($"Числа подсчитаны {_desk.Now.ToRegionDateTime()}.", Text(counted.QuerySelector("#description")!), StringComparison.Ordinal);

        await CountedAheadRows.TamperAsync(factory, AheadKeys.Journals(_desk.Today.Year),
            json =>
            {
                json["submitted"] = submitted + 1000;
                return json;
            });
        Assert.Equal(submitted + 1000, Counts(await client.GetDocumentAsync("/Operator/Journals"))[0]);

        // The same year asked for one municipality, and the download's count, are counted now.
        var year = _desk.Today.Year;
        var tomsk = await client.GetDocumentAsync(
            $"/Operator/Journals?municipality={factory.Directory.Tomsk.Id}&from={year}-01-01&to={year}-12-31");
        Assert.DoesNotContain("подсчитаны", Text(tomsk.QuerySelector("#description")!), StringComparison.Ordinal);
        Assert.True(Counts(tomsk)[0] <= submitted);
    }

    [Fact]
    public async Task The_periods_of_the_school_year_are_shown_as_counted_until_a_period_is_added()
    {
        var period = await _desk.PeriodAsync(_desk.Today.Year, _desk.Today.Month);
        await _desk.AttesteeAsync("ahead.p1", "Периодова", QualificationCategory.First, period, stage: ApplicationStage.Scheduled);
        await CountedAheadRows.ForgetAllAsync(factory);
        using var client = await _desk.SignInOperatorAsync("ahead.periods");

        var live = await client.GetDocumentAsync("/Operator/Periods");
        var count = Applications(live, period.Id);
        Assert.True(count >= 1);
        Assert.Null(live.QuerySelector("#counted-at"));

        Assert.True(await CountedAheadRows.CountAsync(factory));
        var counted = await client.GetDocumentAsync("/Operator/Periods");
        Assert.Equal(count, Applications(counted, period.Id));
        Assert.Contains(_desk.Now.ToRegionDateTime(), Text(counted.QuerySelector("#counted-at")!), StringComparison.Ordinal);

        await CountedAheadRows.TamperAsync(factory, AheadKeys.Periods(Domain.Periods.SchoolYear.Containing(_desk.Today).StartYear),
            json =>
            {
                json[period.Id.ToString()] = count + 40;
                return json;
            });
        Assert.Equal(count + 40, Applications(await client.GetDocumentAsync("/Operator/Periods"), period.Id));

        // A period added since the count is not in it: the page counts for itself.
        var next = _desk.Today.AddMonths(1);
        if (Domain.Periods.SchoolYear.Containing(next) == Domain.Periods.SchoolYear.Containing(_desk.Today))
        {
            await _desk.PeriodAsync(next.Year, next.Month);
            var added = await client.GetDocumentAsync("/Operator/Periods");
            Assert.Equal(count, Applications(added, period.Id));
            Assert.Null(added.QuerySelector("#counted-at"));
        }
    }

    [Fact]
    public async Task This_year_s_applications_are_counted_by_municipality_ahead_and_a_search_is_counted_now()
    {
        var tomsk = factory.Directory.Tomsk;
        await _desk.ApplicationAsync("ahead.a1", tomsk.Id, factory.Directory.Lyceum.Id, _desk.Now.AddMinutes(-3));
        await CountedAheadRows.ForgetAllAsync(factory);
        using var client = await _desk.SignInOperatorAsync("ahead.applications");

        var live = await client.GetDocumentAsync("/Operator/Applications");
        var total = Total(live);
        Assert.True(total >= 1);
        Assert.DoesNotContain("подсчитано", Text(live.QuerySelector("#scope")!), StringComparison.Ordinal);

        Assert.True(await CountedAheadRows.CountAsync(factory));
        var counted = await client.GetDocumentAsync("/Operator/Applications");
        Assert.Equal(total, Total(counted));
        Assert.Contains($"(подсчитано {_desk.Now.ToRegionDateTime()})", Text(counted.QuerySelector("#scope")!), StringComparison.Ordinal);
        Assert.Equal(live.QuerySelectorAll("main table tbody tr").Select(Text), counted.QuerySelectorAll("main table tbody tr").Select(Text));

        await CountedAheadRows.TamperAsync(factory, AheadKeys.Applications(_desk.Today.Year), json =>
        {
            var row = json.AsArray().Single(m => (int)m!["id"]! == tomsk.Id)!;
            row["counts"]![0] = (int)row["counts"]![0]! + 7;
            return json;
        });
        Assert.Equal(total + 7, Total(await client.GetDocumentAsync("/Operator/Applications")));
        var one = await client.GetDocumentAsync($"/Operator/Applications?municipalityId={tomsk.Id}");
        Assert.Contains("(подсчитано", Text(one.QuerySelector("#scope")!), StringComparison.Ordinal);

        // A search, another year or a control list are counted now.
        var searched = await client.GetDocumentAsync("/Operator/Applications?q=а");
        Assert.DoesNotContain("подсчитано", Text(searched.QuerySelector("#scope")!), StringComparison.Ordinal);
        var previous = await client.GetDocumentAsync($"/Operator/Applications?year={_desk.Today.Year - 1}");
        Assert.DoesNotContain("подсчитано", Text(previous.QuerySelector("#scope")!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_conclusions_lists_are_counted_by_municipality_ahead_and_one_period_is_counted_now()
    {
        var period = await _desk.PastPeriodAsync(3);
        await _desk.AttesteeAsync("ahead.c1", "Заключенова", QualificationCategory.Highest, period);
        await CountedAheadRows.ForgetAllAsync(factory);
        using var client = await _desk.SignInOperatorAsync("ahead.conclusions");

        var live = await client.GetDocumentAsync("/Operator/Conclusions");
        var total = Found(live);
        Assert.True(total >= 1);
        Assert.DoesNotContain("подсчитано", Text(live.QuerySelector("#scope")!), StringComparison.Ordinal);

        Assert.True(await CountedAheadRows.CountAsync(factory));
        var counted = await client.GetDocumentAsync("/Operator/Conclusions");
        Assert.Equal(total, Found(counted));
        Assert.Contains($"(подсчитано {_desk.Now.ToRegionDateTime()})", Text(counted.QuerySelector("#scope")!), StringComparison.Ordinal);
        Assert.Equal(live.QuerySelectorAll("main table tbody tr").Select(Text), counted.QuerySelectorAll("main table tbody tr").Select(Text));
        Assert.Equal(live.QuerySelectorAll("main select option").Select(Text), counted.QuerySelectorAll("main select option").Select(Text));

        await CountedAheadRows.TamperAsync(factory, AheadKeys.Conclusions, json =>
        {
            var row = json.AsArray().Single(m => (int)m!["id"]! == factory.Directory.Tomsk.Id)!;
            row["counts"]![0] = (int)row["counts"]![0]! + 9; // «Проверено», the list shown first
            return json;
        });
        Assert.Equal(total + 9, Found(await client.GetDocumentAsync("/Operator/Conclusions")));

        var one = await client.GetDocumentAsync($"/Operator/Conclusions?periodId={period.Id}");
        Assert.DoesNotContain("подсчитано", Text(one.QuerySelector("#scope")!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_figure_read_is_shared_with_the_next_requests_until_its_row_changes()
    {
        var key = $"memo-{MunicipalWorld.Next()}";
        await factory.WithServicesAsync(async services =>
        {
            var region = services.GetRequiredService<RegionTime>();
            await services.GetRequiredService<CountedAheadStore>().WriteAsync(key, region.Today, new List<int> { 1, 2 }, region.Now,
                CancellationToken.None);
            return await services.GetRequiredService<Attestation.Web.Data.AttestationDbContext>().SaveChangesAsync();
        });

        var first = await ReadAsync(key);
        var second = await ReadAsync(key);
        Assert.Equal([1, 2], first!.Value);
        Assert.Same(first.Value, second!.Value);

        // Another instance's job (or anyone) writes the row again, even with the same time and content length: read anew.
        await CountedAheadRows.TamperAsync(factory, key, _ => new JsonArray(7, 2));
        var changed = await ReadAsync(key);
        Assert.Equal([7, 2], changed!.Value);
        Assert.Equal(first.CountedAt, changed.CountedAt);

        await using (var db = factory.OpenDb())
            await db.CountedAhead.Where(c => c.Key == key).ExecuteDeleteAsync();
        Assert.Null(await ReadAsync(key));
    }

    private Task<Counted<List<int>>?> ReadAsync(string key) => factory.WithServicesAsync(services =>
        services.GetRequiredService<CountedAheadStore>().ReadAsync<List<int>>(key, CancellationToken.None));

    [Fact]
    public async Task Only_one_instance_counts_at_a_time()
    {
        await using (var other = factory.OpenDb())
        {
            await using var transaction = await other.Database.BeginTransactionAsync();
            Assert.True(await AdvisoryLock.TryAcquireAsync(other, AheadCounting.LockKey, CancellationToken.None));
            Assert.False(await CountedAheadRows.CountAsync(factory));
        }

        Assert.True(await CountedAheadRows.CountAsync(factory));
    }

    private static async Task<(int Count, string Text)> Waiting(HttpClient client)
    {
        var page = await client.GetDocumentAsync("/Operator/Commission");
        var text = Text(page.QuerySelector("#waiting")!);
        var number = System.Text.RegularExpressions.Regex.Match(text, @":\s*(\d+)").Groups[1].Value;
        return (int.Parse(number, System.Globalization.CultureInfo.InvariantCulture), text);
    }

    private static int Total(IHtmlDocument page) => int.Parse(
        System.Text.RegularExpressions.Regex.Match(Text(page.QuerySelector("#scope")!), @"заявлений:\s*(\d+)").Groups[1].Value,
        System.Globalization.CultureInfo.InvariantCulture);

    private static int Found(IHtmlDocument page) => int.Parse(
        System.Text.RegularExpressions.Regex.Match(Text(page.QuerySelector("#scope")!), @"Заявлений:\s*(\d+)").Groups[1].Value,
        System.Globalization.CultureInfo.InvariantCulture);

    private static int[] Counts(IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".count").Select(c => int.Parse(Text(c).Replace("\u00a0", "", StringComparison.Ordinal)
            .Replace(" ", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture))];

    private static int Applications(IHtmlDocument page, Guid periodId) =>
        int.Parse(Text(page.QuerySelector($"tr[data-id='{periodId}'] .applications")!), System.Globalization.CultureInfo.InvariantCulture);
}
