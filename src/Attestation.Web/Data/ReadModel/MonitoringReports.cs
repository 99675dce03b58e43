using Attestation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Data.ReadModel;

/// <summary>
/// The «Мониторинг» reports of the default twelve months kept in <see cref="CountedAhead"/>: the region's, which the job
/// counts ahead (<see cref="AheadKeys.Monitoring"/>), and a municipality's, counted by the first request that asks for it
/// and kept as long (<see cref="Jobs.JobsOptions.MonitoringMaxAge"/>, the same key with its id). The coordinator's page counted
/// its municipality's year in seven aggregates on every request (5–6 ms of PostgreSQL's time, a tenth of the calibration
/// page's throughput); only the municipalities someone looks at are counted, once per interval.
/// </summary>
public sealed class MonitoringReports(AttestationDbContext db, CountedAheadStore store, MonitoringReportMemo memo, RegionTime region)
{
    /// <summary>
    /// The report of <paramref name="range"/> as kept, with the time it was counted, while it is fresh and answers the
    /// range (the default dates, the same limit); null otherwise, and the caller counts. Two statements: the kept figure
    /// and its periods.
    /// </summary>
    public async Task<Counted<MonitoringReport>?> ReadAsync(MonitoringRange range, IReadOnlyList<(int Id, string Name)> municipalities,
        int expertLoadLimit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(range);
        if (!IsDefault(range))
            return null;
        var counted = await store.ReadAsync<MonitoringSnapshot>(AheadKeys.Monitoring(range.MunicipalityId), ct);
        if (counted is null || !counted.Value.Answers(range, expertLoadLimit))
            return null;
        var ids = counted.Value.PeriodIds;
        var periods = await db.Periods.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return memo.ReportOf(counted.Value, range, municipalities, periods) is { } report ? new(report, counted.CountedAt) : null;
    }

    /// <summary>
    /// Keeps a municipality's report of the default dates just counted for a request, so that the next requests read it;
    /// the region's is the job's to count, and other dates are not kept.
    /// </summary>
    public async Task KeepAsync(MonitoringReport report, DateTimeOffset countedAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Range.MunicipalityId is { } id && IsDefault(report.Range))
            await store.KeepAsync(AheadKeys.Monitoring(id), report.Today, MonitoringSnapshot.Of(report), countedAt, ct);
    }

    private bool IsDefault(MonitoringRange range) => range == MonitoringRange.LastTwelveMonths(range.MunicipalityId, region.Today);
}
