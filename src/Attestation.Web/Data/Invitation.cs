using System.Security.Cryptography;
using Attestation.Domain;
using Attestation.Web.Authorization;
using Microsoft.AspNetCore.WebUtilities;

namespace Attestation.Web.Data;

/// <summary>
/// «Приглашение»: a municipal coordinator invites an expert or a school coordinator of his municipality, the operator a
/// municipal coordinator of a municipality he chooses (<see cref="RolesInvitableBy"/>). The e-mail
/// carries a random token; only its SHA-256 is stored, so a copy of the database opens no account. The link works once
/// and until <see cref="ExpiresAt"/>; the role, the municipality and (for a school coordinator) the organisation are
/// fixed here, not chosen by whoever holds the link.
/// </summary>
public sealed class Invitation
{
    public const int TokenBytes = 32;
    public const int EmailMaxLength = 120;

    /// <summary>The roles a municipal coordinator may invite.</summary>
    public static readonly IReadOnlyList<string> InvitableRoles = [Roles.Expert, Roles.SchoolCoordinator];

    /// <summary>The roles the operator may invite: the coordinators of the municipalities («Уровни ответственности»).</summary>
    public static readonly IReadOnlyList<string> OperatorInvitableRoles = [Roles.MunicipalCoordinator];

    /// <summary>The roles a school coordinator may invite: the teachers of his organisation (seed 003, item 6).</summary>
    public static readonly IReadOnlyList<string> SchoolInvitableRoles = [Roles.Teacher];

    /// <summary>Whom a person in <paramref name="inviterRole"/> may invite; nobody else invites anyone.</summary>
    public static IReadOnlyList<string> RolesInvitableBy(string inviterRole) => inviterRole switch
    {
        Roles.MunicipalCoordinator => InvitableRoles,
        Roles.Operator => OperatorInvitableRoles,
        Roles.SchoolCoordinator => SchoolInvitableRoles,
        _ => [],
    };

    /// <summary>The roles whose invitation names the organisation the invitee works in.</summary>
    public static bool NamesOrganisation(string role) => role is Roles.SchoolCoordinator or Roles.Teacher;

    /// <summary>
    /// Who sends the invitations of <paramref name="role"/>, as the letter and the registration page name him: the one
    /// to ask for a new link or a forgotten login.
    /// </summary>
    public static InviterNames InviterOf(string role) =>
        OperatorInvitableRoles.Contains(role)
            ? new InviterNames("Оператор ЦОПМиКП", "оператора ЦОПМиКП", "оператору ЦОПМиКП")
            : SchoolInvitableRoles.Contains(role)
                ? new InviterNames("Координатор по аттестации в ОО", "координатора по аттестации в вашей организации", "координатору по аттестации в вашей организации")
                : new InviterNames("Муниципальный координатор", "муниципального координатора", "муниципальному координатору");

    private Invitation()
    {
        TokenHash = [];
        Email = "";
        Role = "";
    }

    public Guid Id { get; private set; }

    /// <summary>SHA-256 of the token's 32 random bytes.</summary>
    public byte[] TokenHash { get; private set; }

    public string Email { get; private set; }

    public string Role { get; private set; }

    public int MunicipalityId { get; private set; }

    /// <summary>The school of an invited school coordinator or teacher; experts state their workplace themselves.</summary>
    public int? OrganisationId { get; private set; }

    /// <summary>A teacher's name as his school coordinator entered it: the registration form offers it for correction.</summary>
    public string? LastName { get; private set; }

    public string? FirstName { get; private set; }

    public string? MiddleName { get; private set; }

    /// <summary>A teacher's position, as his school coordinator entered it.</summary>
    public int? PositionId { get; private set; }

    public int? SubjectId { get; private set; }

    public Guid InvitedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public Guid? AcceptedUserId { get; private set; }

    /// <summary>A new invitation and the token for its link (shown once, in the e-mail, never stored).</summary>
    /// <param name="id">The key the invitation form was shown with, so that the same form sent twice invites once.</param>
    public static (Invitation Invitation, string Token) Create(string email, string role, int municipalityId,
        int? organisationId, Actor invitedBy, DateTimeOffset now, TimeSpan lifetime, Guid? id = null, InvitedTeacher? teacher = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentNullException.ThrowIfNull(invitedBy);
        if (!RolesInvitableBy(invitedBy.Role).Contains(role))
            throw new ArgumentOutOfRangeException(nameof(role), role, $"A {invitedBy.Role} may not invite a {role}.");
        if (NamesOrganisation(role) && organisationId is null)
            throw new ArgumentException("A school coordinator or a teacher is invited to an organisation.", nameof(organisationId));
        if ((role == Roles.Teacher) != (teacher is not null))
            throw new ArgumentException("A teacher, and only a teacher, is invited with his name and position.", nameof(teacher));

        var token = RandomNumberGenerator.GetBytes(TokenBytes);
        var invitation = new Invitation
        {
            Id = id is { } given && given != Guid.Empty ? given : Guid.CreateVersion7(),
            TokenHash = SHA256.HashData(token),
            Email = email.Trim(),
            Role = role,
            MunicipalityId = municipalityId,
            OrganisationId = NamesOrganisation(role) ? organisationId : null,
            LastName = teacher?.LastName,
            FirstName = teacher?.FirstName,
            MiddleName = teacher?.MiddleName,
            PositionId = teacher?.PositionId,
            SubjectId = teacher?.SubjectId,
            InvitedBy = invitedBy.Id,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        return (invitation, WebEncoders.Base64UrlEncode(token));
    }

    /// <summary>The hash to look a token up by; null when the text cannot be a token of ours.</summary>
    public static byte[]? HashOf(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
            return null;
        try
        {
            var bytes = WebEncoders.Base64UrlDecode(token.Trim());
            return bytes.Length == TokenBytes ? SHA256.HashData(bytes) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public InvitationState StateAt(DateTimeOffset now) =>
        AcceptedAt is not null ? InvitationState.Accepted
        : now >= ExpiresAt ? InvitationState.Expired
        : InvitationState.Pending;

    public void Accept(Guid userId, DateTimeOffset now)
    {
        if (StateAt(now) != InvitationState.Pending)
            throw new InvalidOperationException("Only a pending invitation can be accepted.");
        AcceptedAt = now;
        AcceptedUserId = userId;
    }
}

/// <summary>What the school coordinator knows of a teacher he invites (normalised): the invitation keeps it for the registration form.</summary>
public sealed record InvitedTeacher(string LastName, string FirstName, string? MiddleName, int PositionId, int? SubjectId);

/// <summary>The inviter as a sentence needs him: «… пригласил вас», «попросите …», «обратитесь к …».</summary>
public sealed record InviterNames(string Nominative, string Accusative, string Dative);

public enum InvitationState
{
    Pending = 0,
    Accepted = 1,
    Expired = 2,
}

public sealed class InvitationOptions
{
    public const string Section = "Invitations";

    /// <summary>How long the link in an invitation works.</summary>
    public int LifetimeDays { get; set; } = 14;

    public TimeSpan Lifetime => TimeSpan.FromDays(LifetimeDays);
}
