using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Users;

/// <summary>«Пользователи» of the region: every account, by role and municipality (see <see cref="AccountListPage"/>).</summary>
public sealed class IndexModel(AttestationDbContext db, AccountDirectory accounts, RegionTime region)
    : AccountListPage(accounts, region)
{
    public override AccountScope Scope => AccountScope.Region(User.UserId());

    protected override async Task LoadChoicesAsync(CancellationToken ct) =>
        Municipalities = await db.Municipalities.AsNoTracking().OrderBy(m => m.Name)
            .Select(m => new SelectListItem(m.Name, m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                m.Id == MunicipalityId))
            .ToListAsync(ct);
}
