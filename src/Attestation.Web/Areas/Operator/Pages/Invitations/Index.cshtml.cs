using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attestation.Web.Areas.Operator.Pages.Invitations;

/// <summary>
/// The municipal coordinators the operators invited, of every municipality, with their state and, once registered,
/// their login: a coordinator who forgot his login asks the operator («Специалисты ЦОПМиКП оказывают помощь»).
/// </summary>
public sealed class IndexModel(AttestationDbContext db, RegionTime region) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<InvitationRow> Invitations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var roles = Invitation.RolesInvitableBy(Roles.Operator);
        Invitations = await db.ListAsync(db.Invitations.Where(i => roles.Contains(i.Role)), region.Now, ct);
    }
}
