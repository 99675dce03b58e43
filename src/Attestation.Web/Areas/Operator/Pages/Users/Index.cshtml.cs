using Attestation.Web.Areas.Operator.Pages.Directories;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;

namespace Attestation.Web.Areas.Operator.Pages.Users;

/// <summary>«Пользователи» of the region: every account, by role and municipality (see <see cref="AccountListPage"/>).</summary>
public sealed class IndexModel(AttestationDbContext db, AccountDirectory accounts, RegionTime region,
    DirectoryNameCache directories)
    : AccountListPage(accounts, region)
{
    public override AccountScope Scope => AccountScope.Region(User.UserId());

    /// <summary>The municipalities of the directories held for this version, in the alphabet's order: no statement.</summary>
    protected override async Task LoadChoicesAsync(CancellationToken ct) =>
        Municipalities = (await directories.MunicipalityChoicesAsync(db, ct)).Choosing(MunicipalityId);
}
