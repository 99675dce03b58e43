using Attestation.Web.Areas.Operator.Pages.Directories;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Areas.Operator.Pages.Monitoring;

/// <summary>«Мониторинг» of the whole region, or of any one municipality chosen; an id that names none is 404.</summary>
public sealed class IndexModel(
    AttestationDbContext db,
    MonitoringQuery query,
    CountedAheadStore countedAhead,
    MonitoringReportMemo reports,
    RegionTime region,
    IOptions<MonitoringOptions> options,
    DirectoryNameCache directories)
    : MonitoringPageModel(query, region, options)
{
    /// <summary>The region's figures of the default dates, as the job counted them (a country's take over a second).</summary>
    protected override async Task<Counted<MonitoringReport>?> CountedAheadAsync(MonitoringRange range,
        IReadOnlyList<(int Id, string Name)> municipalities, int expertLoadLimit, CancellationToken ct)
    {
        if (range.MunicipalityId is not null)
            return null;
        var counted = await countedAhead.ReadAsync<MonitoringSnapshot>(AheadKeys.Monitoring, ct);
        if (counted is null || !counted.Value.Answers(range, expertLoadLimit))
            return null;
        var ids = counted.Value.PeriodIds;
        var periods = await db.Periods.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return reports.ReportOf(counted.Value, range, municipalities, periods) is { } report ? new(report, counted.CountedAt) : null;
    }

    protected override async Task<MonitoringScope?> ScopeAsync(CancellationToken ct)
    {
        // The municipalities as the instance holds them for this version, in their order: no statement.
        var ordered = (await directories.CurrentAsync(db, ct)).MunicipalitiesInOrder.Select(m => (m.Id, m.Name)).ToList();
        if (MunicipalityId is { } id && !ordered.Exists(m => m.Id == id))
            return null;
        return new MonitoringScope(MunicipalityId, ordered);
    }
}
