using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;

namespace Attestation.Web.Areas.School.Pages.Invitations;

/// <summary>
/// «Приглашения педагогам»: the teachers of the coordinator's organisation invited to open their cabinets, with their
/// login once registered (a teacher who forgot it asks here), newest first, a page at a time, searched and downloaded
/// (see <see cref="InvitationListPage"/>).
/// </summary>
public sealed class IndexModel(AttestationDbContext db, RegionTime region) : InvitationListPage(db, region)
{
    protected override IQueryable<Invitation> ScopeOf(AttestationDbContext data)
    {
        var me = User.UserId();
        // The organisation is read with the list (not from the sign-in cookie): a change of workplace applies at once.
        var organisationId = data.Users.Where(u => u.Id == me).Select(u => u.OrganisationId);
        return data.Invitations
            .Where(i => i.Role == Roles.Teacher && i.OrganisationId != null && organisationId.Contains(i.OrganisationId));
    }
}
