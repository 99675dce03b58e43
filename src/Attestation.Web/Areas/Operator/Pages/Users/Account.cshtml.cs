using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;

namespace Attestation.Web.Areas.Operator.Pages.Users;

/// <summary>An account of the region on its own page: history, last sign-in, the move (see <see cref="AccountPage"/>).</summary>
public sealed class AccountModel(AttestationDbContext db, AccountDirectory accounts) : AccountPage(db, accounts)
{
    public override AccountScope Scope => AccountScope.Region(User.UserId());
}
