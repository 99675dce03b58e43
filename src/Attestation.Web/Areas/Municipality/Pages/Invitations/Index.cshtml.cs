using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Municipality.Pages.Invitations;

/// <summary>
/// «Список пользователей зарегистрированных по приглашению»: everyone the municipality's coordinators invited, with
/// the login once registered — «в случае, если ваши приглашенные забыли свой логин, они должны обратиться за помощью к
/// вам».
/// </summary>
public sealed class IndexModel(AttestationDbContext db, RegionTime region) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<Row> Invitations { get; private set; } = [];

    public sealed record Row(
        Guid Id,
        string? Login,
        string Email,
        string? LastName,
        string? FirstName,
        string? MiddleName,
        string Role,
        string Municipality,
        string? Organisation,
        DateTimeOffset InvitedAt,
        string InvitedBy,
        InvitationState State,
        DateTimeOffset? AcceptedAt,
        DateTimeOffset ExpiresAt);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var municipalityId = User.MunicipalityId() ?? -1;
        var now = region.Now;
        var rows = await (
            from i in db.Invitations.AsNoTracking()
            where i.MunicipalityId == municipalityId
            join u in db.Users on i.AcceptedUserId equals u.Id into accepted
            from u in accepted.DefaultIfEmpty()
            orderby i.CreatedAt descending
            select new
            {
                Invitation = i,
                Login = u == null ? null : u.UserName,
                Email = u == null ? i.Email : u.Email,
                LastName = u == null ? null : u.LastName,
                FirstName = u == null ? null : u.FirstName,
                MiddleName = u == null ? null : u.MiddleName,
                Municipality = db.Municipalities.Where(m => m.Id == i.MunicipalityId).Select(m => m.Name).Single(),
                Organisation = db.Organisations
                    .Where(o => o.Id == (u == null ? i.OrganisationId : u.OrganisationId))
                    .Select(o => o.Name).FirstOrDefault(),
                InvitedBy = db.Users.Where(b => b.Id == i.InvitedBy).Select(b => b.LastName + " " + b.FirstName).FirstOrDefault(),
            }).ToListAsync(ct);

        Invitations = rows
            .Select(r => new Row(r.Invitation.Id, r.Login, r.Email ?? r.Invitation.Email, r.LastName, r.FirstName, r.MiddleName,
                Roles.DisplayName(r.Invitation.Role), r.Municipality, r.Organisation, r.Invitation.CreatedAt, r.InvitedBy ?? "",
                r.Invitation.StateAt(now), r.Invitation.AcceptedAt, r.Invitation.ExpiresAt))
            .ToList();
    }
}
