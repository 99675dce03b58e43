using Attestation.Domain;
using Attestation.Web.Authorization;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;
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
    DateTimeOffset ExpiresAt)
{
    public string FullName => LastName is null ? "" : Domain.PersonName.Join(LastName, FirstName ?? "", MiddleName);

    public string StateText => State switch
    {
        InvitationState.Accepted => "зарегистрирован",
        InvitationState.Pending => "не зарегистрирован, ссылка действует",
        _ => "не зарегистрирован, срок ссылки истёк",
    };
}

public static class InvitationQueries
{
    /// <summary>
    /// The <paramref name="invitations"/> (already scoped by the caller) whose address or registered person's full name
    /// holds <paramref name="search"/>, newest first, with the names they refer to: one statement whatever is read.
    /// </summary>
    public static IQueryable<InvitationLine> Lines(this AttestationDbContext db, IQueryable<Invitation> invitations, string? search)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = LikePattern.ContainsFolded(search);
            var named = db.Users.WhoseNameContains(search);
            invitations = invitations.Where(i =>
                EF.Functions.ILike(i.Email, pattern, "\\")
                || named.Any(u => (Guid?)u.Id == i.AcceptedUserId)
                // A teacher invited by his school is named by the invitation until he registers.
                || (i.AcceptedUserId == null && i.LastName != null && EF.Functions.ILike(
                    (i.LastName + " " + i.FirstName + " " + (i.MiddleName ?? "")).Replace("ё", "е").Replace("Ё", "Е"), pattern, "\\")));
        }
        return
            from i in invitations.AsNoTracking()
            join m in db.Municipalities on i.MunicipalityId equals m.Id
            join o in db.Organisations on i.OrganisationId equals (int?)o.Id into organisations
            from o in organisations.DefaultIfEmpty()
            join u in db.Users on i.AcceptedUserId equals (Guid?)u.Id into accepted
            from u in accepted.DefaultIfEmpty()
            join uo in db.Organisations on u.OrganisationId equals (int?)uo.Id into userOrganisations
            from uo in userOrganisations.DefaultIfEmpty()
            join inviter in db.Users on i.InvitedBy equals inviter.Id into inviters
            from inviter in inviters.DefaultIfEmpty()
            orderby i.CreatedAt descending, i.Id
            select new InvitationLine
            {
                Invitation = i,
                Municipality = m.Name,
                Organisation = u == null ? (o == null ? null : o.Name) : (uo == null ? null : uo.Name),
                Login = u == null ? null : u.UserName,
                Email = u == null ? null : u.Email,
                LastName = u == null ? i.LastName : u.LastName,
                FirstName = u == null ? i.FirstName : u.FirstName,
                MiddleName = u == null ? i.MiddleName : u.MiddleName,
                Inviter = inviter == null ? null : new PersonName(inviter.LastName, inviter.FirstName, inviter.MiddleName),
            };
    }

    /// <summary>A page of <see cref="Lines"/> as list rows: two statements, the count and the page.</summary>
    public static async Task<Paged<InvitationRow>> PageAsync(this IQueryable<InvitationLine> lines, int? page, DateTimeOffset now,
        CancellationToken ct)
    {
        var paged = await lines.ToPagedAsync(page, ct);
        return new Paged<InvitationRow>(paged.Items.Select(l => l.ToRow(now)).ToList(), paged.Total, paged.Page, paged.PageSize);
    }
}

/// <summary>An invitation with the names it refers to, as <see cref="InvitationQueries.Lines"/> reads it.</summary>
public sealed class InvitationLine
{
    public required Invitation Invitation { get; init; }
    public required string Municipality { get; init; }
    public string? Organisation { get; init; }
    public string? Login { get; init; }
    public string? Email { get; init; }
    public string? LastName { get; init; }
    public string? FirstName { get; init; }
    public string? MiddleName { get; init; }
    public PersonName? Inviter { get; init; }

    public InvitationRow ToRow(DateTimeOffset now) => new(Invitation.Id, Login, Email ?? Invitation.Email,
        LastName, FirstName, MiddleName, Roles.DisplayName(Invitation.Role), Municipality, Organisation,
        Invitation.CreatedAt, Inviter?.FullName ?? "", Invitation.StateAt(now), Invitation.AcceptedAt, Invitation.ExpiresAt);
}
