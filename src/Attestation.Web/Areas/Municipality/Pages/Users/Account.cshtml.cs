using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;

namespace Attestation.Web.Areas.Municipality.Pages.Users;

/// <summary>An expert or school coordinator of the coordinator's municipality (another's: 404) on its own page: history, last sign-in, the move (see <see cref="AccountPage"/>).</summary>
public sealed class AccountModel(AttestationDbContext db, AccountDirectory accounts) : AccountPage(db, accounts)
{
    public override AccountScope Scope => AccountScope.Municipality(User.OwnMunicipalityId(), User.UserId());
}
