using Attestation.Web.Areas.Operator.Pages.Directories;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Areas.Operator.Pages.Monitoring;

/// <summary>«Мониторинг» of the whole region, or of any one municipality chosen; an id that names none is 404.</summary>
public sealed class IndexModel(
    AttestationDbContext db,
    MonitoringQuery query,
    MonitoringReports kept,
    RegionTime region,
    IOptions<MonitoringOptions> options,
    DirectoryNameCache directories)
    : MonitoringPageModel(query, kept, region, options)
{
    protected override async Task<MonitoringScope?> ScopeAsync(CancellationToken ct)
    {
        // The municipalities as the instance holds them for this version, in their order: no statement.
        var ordered = (await directories.CurrentAsync(db, ct)).MunicipalitiesInOrder.Select(m => (m.Id, m.Name)).ToList();
        if (MunicipalityId is { } id && !ordered.Exists(m => m.Id == id))
            return null;
        return new MonitoringScope(MunicipalityId, ordered);
    }
}
