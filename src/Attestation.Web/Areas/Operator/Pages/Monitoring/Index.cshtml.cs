using Attestation.Web.Areas.Operator.Pages.Directories;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Areas.Operator.Pages.Monitoring;

/// <summary>«Мониторинг» of the whole region, or of any one municipality chosen; an id that names none is 404.</summary>
public sealed class IndexModel(AttestationDbContext db, MonitoringQuery query, RegionTime region, IOptions<MonitoringOptions> options)
    : MonitoringPageModel(query, region, options)
{
    protected override async Task<MonitoringScope?> ScopeAsync(CancellationToken ct)
    {
        var municipalities = await db.Municipalities.AsNoTracking()
            .Select(m => new { m.Id, m.Name, m.IsRegionalPseudo })
            .ToListAsync(ct);
        var ordered = municipalities
            .OrderBy(m => m.IsRegionalPseudo).ThenBy(m => m.Name, OperatorLists.Alphabetical)
            .Select(m => (m.Id, m.Name))
            .ToList();
        if (MunicipalityId is { } id && !ordered.Exists(m => m.Id == id))
            return null;
        return new MonitoringScope(MunicipalityId, ordered);
    }
}
