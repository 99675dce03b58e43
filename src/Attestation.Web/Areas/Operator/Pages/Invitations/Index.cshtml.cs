using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;

namespace Attestation.Web.Areas.Operator.Pages.Invitations;

/// <summary>
/// The municipal coordinators the operators invited, of every municipality, with their state and, once registered,
/// their login: a coordinator who forgot his login asks the operator («Специалисты ЦОПМиКП оказывают помощь»).
/// </summary>
public sealed class IndexModel(AttestationDbContext db, RegionTime region) : InvitationListPage(db, region)
{
    private static readonly IReadOnlyList<string> InvitedRoles = Invitation.RolesInvitableBy(Roles.Operator);

    protected override IQueryable<Invitation> ScopeOf(AttestationDbContext data) => data.Invitations.Where(i => InvitedRoles.Contains(i.Role));
}
