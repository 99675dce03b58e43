using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.School.Pages.Invitations;

/// <summary>
/// «Приглашения педагогам»: the teachers of the coordinator's organisation invited to open their cabinets, with their
/// login once registered (a teacher who forgot it asks here), newest first, a page at a time: the count, the page's rows
/// and the people's names, three statements.
/// </summary>
public sealed class IndexModel(AttestationDbContext db, RegionTime region) : PageModel
{
    [BindProperty(SupportsGet = true, Name = PagerView.Parameter)]
    public int? PageNumber { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public PagerView? Pager { get; private set; }

    public IReadOnlyList<InvitationRow> Invitations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.UserId();
        // The organisation is read with the list (not from the sign-in cookie): a change of workplace applies at once.
        var organisationId = db.Users.Where(u => u.Id == me).Select(u => u.OrganisationId);
        var invitations = db.Invitations.AsNoTracking()
            .Where(i => i.Role == Roles.Teacher && i.OrganisationId != null && organisationId.Contains(i.OrganisationId))
            .OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id);
        var total = await invitations.CountAsync(ct);
        var size = Paging.DefaultPageSize;
        var number = Math.Clamp(PageNumber ?? 1, 1, Math.Max(1, (total + size - 1) / size));
        Invitations = total == 0 ? [] : await db.ListAsync(invitations.Skip((number - 1) * size).Take(size), region.Now, ct);
        Pager = PagerView.Of(new Paged<InvitationRow>(Invitations, total, number, size), Request);
    }
}
