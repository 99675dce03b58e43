using Attestation.Web.Authorization;
using Attestation.Web.Infrastructure;

namespace Attestation.Web.Areas.Municipality.Pages.Users;

/// <summary>
/// «Пользователи» of the municipality: the coordinator's own experts and school coordinators, found, blocked and
/// unblocked, sent the letter to set a new password (see <see cref="AccountListPage"/>); nobody of another municipality.
/// </summary>
public sealed class IndexModel(AccountDirectory accounts, RegionTime region) : AccountListPage(accounts, region)
{
    public override AccountScope Scope => AccountScope.Municipality(User.OwnMunicipalityId(), User.UserId());
}
