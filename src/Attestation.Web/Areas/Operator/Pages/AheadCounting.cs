using Attestation.Domain.Periods;
using Attestation.Web.Areas.Operator.Pages.Commission;
using Attestation.Web.Areas.Operator.Pages.Directories;
using Attestation.Web.Areas.Operator.Pages.Periods;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Documents;
using Attestation.Web.Infrastructure;
using Attestation.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Areas.Operator.Pages;

/// <summary>
/// Counts ahead the region-wide figures the operator's pages show by default (<see cref="AheadKeys"/>): «Мониторинг»
/// of the last twelve months, the applications waiting for the commission, the year's journals, the periods of the
/// school year, the year's applications and the conclusions' stages by municipality. Each counts every application of the region concerned — at a country's size a tenth of a second to
/// more than a second a request — so the job counts them once a minute and the pages show them with the time they
/// were counted while they are fresh, counting themselves otherwise; the monitoring, the costliest and a figure by
/// month, only every <see cref="JobsOptions.MonitoringCountingInterval"/>. Run by <see cref="ControlCountingJob"/> after the
/// control table; one instance at a time (an advisory lock).
/// </summary>
public sealed partial class AheadCounting(
    AttestationDbContext db,
    RegionTime region,
    MonitoringQuery monitoring,
    CountedAheadStore store,
    IOptions<MonitoringOptions> monitoringOptions,
    IOptions<JobsOptions> jobs,
    ILogger<AheadCounting> logger)
{
    /// <summary>"AHEADCNT" in ASCII: no other lock of the portal uses it.</summary>
    public const long LockKey = 0x4148_4541_4443_4E54;

    /// <summary>Counts every figure and replaces the stored ones; false when another instance is counting.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await AdvisoryLock.TryAcquireAsync(db, LockKey, ct))
        {
            LogSkipped(logger);
            return false;
        }

        var today = region.Today;
        var countedAt = region.Now;

        var monitored = await db.CountedAhead.AsNoTracking().Where(c => c.Key == AheadKeys.Monitoring())
            .Select(c => new CountedOn(c.Day, c.CountedAt)).FirstOrDefaultAsync(ct);
        if (MonitoringDue(monitored, today, countedAt, jobs.Value))
        {
            var range = MonitoringRange.LastTwelveMonths(null, today);
            var report = await monitoring.LoadAsync(range, [], monitoringOptions.Value.ExpertLoadLimit, ct);
            await store.WriteAsync(AheadKeys.Monitoring(), today, MonitoringSnapshot.Of(report), countedAt, ct);
        }

        await store.WriteAsync(AheadKeys.CommissionWaiting, today, await CountWaitingAsync(db, ct), countedAt, ct);

        var journal = JournalFilter.Year(null, today.Year);
        await store.WriteAsync(AheadKeys.Journals(today.Year), today, await CountJournalsAsync(db, journal, region.Zone, ct), countedAt, ct);

        var submitted = Applications.IndexModel.SubmittedIn(db.Applications.AsNoTracking().Where(a => a.SubmittedAt != null), today.Year, region.Zone);
        await store.WriteAsync(AheadKeys.Applications(today.Year), today, await db.MunicipalityRowsAsync(submitted, [a => true], ct), countedAt, ct);

        var allPeriods = await db.Periods.AsNoTracking().ToListAsync(ct);
        await store.WriteAsync(AheadKeys.Conclusions, today,
            await Conclusions.IndexModel.KeptRowsAsync(db, allPeriods, today, periodId: null, ct), countedAt, ct);

        var year = SchoolYear.Containing(today);
        var periods = await db.Periods.AsNoTracking().Of(year).Select(p => p.Id).ToListAsync(ct);
        var byPeriod = await CountByPeriodAsync(db, periods, ct);
        // Every period of the year, those without applications too: a period missing from the figure is one added since.
        await store.WriteAsync(AheadKeys.Periods(year.StartYear), today,
            periods.ToDictionary(id => id, id => byPeriod.GetValueOrDefault(id)), countedAt, ct);

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return true;
    }

    /// <summary>When a figure was last counted, and for which day.</summary>
    public sealed record CountedOn(DateOnly Day, DateTimeOffset CountedAt);

    /// <summary>
    /// Whether this run counts the region's monitoring: never counted, counted for another day or in the future (a clock
    /// moved back), or <see cref="JobsOptions.MonitoringCountingInterval"/> ago — less half a run's interval, so that a run
    /// a moment early does not put the count off by a whole run.
    /// </summary>
    public static bool MonitoringDue(CountedOn? last, DateOnly today, DateTimeOffset now, JobsOptions jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        return last is null || last.Day != today || last.CountedAt > now
            || now - last.CountedAt >= jobs.MonitoringCountingInterval - (jobs.ControlCountingInterval / 2);
    }

    /// <summary>«Ожидают заседания»: verified applications on no meeting's list.</summary>
    public static Task<int> CountWaitingAsync(AttestationDbContext db, CancellationToken ct) =>
        MeetingQueries.WaitingForMeeting(db).CountAsync(ct);

    /// <summary>
    /// The lines of the registration journal and of the withdrawal journal for <paramref name="filter"/>: one statement,
    /// two scalar subqueries selected on any one row (a period's); a region without periods yet counts with two.
    /// </summary>
    public static async Task<JournalCounts> CountJournalsAsync(AttestationDbContext db, JournalFilter filter, TimeZoneInfo zone,
        CancellationToken ct)
    {
        var registration = RegistrationJournalModel.Lines(db.Applications.AsNoTracking(), filter, zone);
        var withdrawals = WithdrawalJournalModel.Lines(db.Applications.AsNoTracking(), filter, zone);
        return await db.Periods.AsNoTracking().OrderBy(p => p.Id).Take(1)
            .Select(_ => new JournalCounts(registration.Count(), withdrawals.Count()))
            .FirstOrDefaultAsync(ct)
            ?? new JournalCounts(await registration.CountAsync(ct), await withdrawals.CountAsync(ct));
    }

    /// <summary>The applications in each of the periods (those without any are absent).</summary>
    public static Task<Dictionary<Guid, int>> CountByPeriodAsync(AttestationDbContext db, IReadOnlyCollection<Guid> periodIds,
        CancellationToken ct) =>
        db.Applications.AsNoTracking()
            .Where(a => a.PeriodId != null && periodIds.Contains(a.PeriodId.Value))
            .GroupBy(a => a.PeriodId!.Value)
            .Select(g => new { PeriodId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.PeriodId, g => g.Count, ct);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Counting ahead skipped: another instance holds the lock")]
    private static partial void LogSkipped(ILogger logger);
}

/// <summary>How many lines the two journals have.</summary>
public sealed record JournalCounts(int Submitted, int Withdrawals);
