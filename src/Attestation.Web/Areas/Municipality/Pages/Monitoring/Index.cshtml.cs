using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Areas.Municipality.Pages.Monitoring;

/// <summary>«Мониторинг» of the coordinator's own municipality; another municipality's id is 404, never its figures.</summary>
public sealed class IndexModel(AttestationDbContext db, MonitoringQuery query, MonitoringReports kept, RegionTime region,
    IOptions<MonitoringOptions> options)
    : MonitoringPageModel(query, kept, region, options)
{
    protected override async Task<MonitoringScope?> ScopeAsync(CancellationToken ct)
    {
        var own = User.OwnMunicipalityId();
        if (MunicipalityId is { } id && id != own)
            return null;
        MunicipalityId = own;
        var name = await db.FindMunicipalityNameAsync(own, ct);
        return name is null ? null : new MonitoringScope(own, [(own, name)]);
    }
}
