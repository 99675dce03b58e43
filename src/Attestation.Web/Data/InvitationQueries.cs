using Attestation.Web.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Data;

/// <summary>
/// A line of «Список пользователей зарегистрированных по приглашению»: the invitee's login once registered, so that the
/// one who invited can answer «I forgot my login».
/// </summary>
public sealed record InvitationRow(
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

public static class InvitationQueries
{
    /// <summary>The <paramref name="invitations"/> (already scoped by the caller), newest first, as list rows.</summary>
    public static async Task<IReadOnlyList<InvitationRow>> ListAsync(this AttestationDbContext db,
        IQueryable<Invitation> invitations, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (
            from i in invitations.AsNoTracking()
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

        return rows
            .Select(r => new InvitationRow(r.Invitation.Id, r.Login, r.Email ?? r.Invitation.Email, r.LastName, r.FirstName,
                r.MiddleName, Roles.DisplayName(r.Invitation.Role), r.Municipality, r.Organisation, r.Invitation.CreatedAt,
                r.InvitedBy ?? "", r.Invitation.StateAt(now), r.Invitation.AcceptedAt, r.Invitation.ExpiresAt))
            .ToList();
    }
}
