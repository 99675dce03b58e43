using Attestation.Web.Authorization;
using Attestation.Web.Data.ReadModel;
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
            join m in db.Municipalities on i.MunicipalityId equals m.Id
            join o in db.Organisations on i.OrganisationId equals (int?)o.Id into organisations
            from o in organisations.DefaultIfEmpty()
            orderby i.CreatedAt descending
            select new { Invitation = i, Municipality = m.Name, Organisation = o == null ? null : o.Name })
            .ToListAsync(ct);
        var people = await db.PeopleAsync(
            rows.SelectMany(r => new[] { r.Invitation.AcceptedUserId, r.Invitation.InvitedBy }), ct);

        return rows
            .Select(r => (Row: r, Person: r.Invitation.AcceptedUserId is { } id ? people.GetValueOrDefault(id) : null))
            .Select(r => new InvitationRow(r.Row.Invitation.Id, r.Person?.Login, r.Person?.Email ?? r.Row.Invitation.Email,
                // A teacher invited by his school's coordinator is named by the invitation until he registers.
                r.Person?.LastName ?? r.Row.Invitation.LastName, r.Person?.FirstName ?? r.Row.Invitation.FirstName,
                r.Person?.MiddleName ?? r.Row.Invitation.MiddleName, Roles.DisplayName(r.Row.Invitation.Role),
                r.Row.Municipality, r.Person is null ? r.Row.Organisation : r.Person.Organisation, r.Row.Invitation.CreatedAt,
                people.GetValueOrDefault(r.Row.Invitation.InvitedBy)?.FullName ?? "", r.Row.Invitation.StateAt(now),
                r.Row.Invitation.AcceptedAt, r.Row.Invitation.ExpiresAt))
            .ToList();
    }
}
