using System.ComponentModel.DataAnnotations;
using Attestation.Domain;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Notifications;

/// <summary>
/// The letter of «Приглашение в систему» as whoever invites types it: the address and the seed's subject and text,
/// editable. The role and the place the invitee gets are the inviting page's own fields.
/// </summary>
public class InvitationLetter
{
    public const int SubjectMaxLength = 200;
    public const int MessageMaxLength = 4000;

    [Required(ErrorMessage = "Укажите адрес электронной почты получателя.")]
    [EmailAddress(ErrorMessage = "Адрес электронной почты указан неверно.")]
    [StringLength(Invitation.EmailMaxLength, ErrorMessage = "Не более {1} символов.")]
    [Display(Name = "Почта получателя")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Укажите тему письма.")]
    [StringLength(SubjectMaxLength, ErrorMessage = "Не более {1} символов.")]
    [Display(Name = "Тема письма")]
    public string Subject { get; set; } = InvitationEmails.DefaultSubject;

    [Required(ErrorMessage = "Напишите текст письма.")]
    [StringLength(MessageMaxLength, ErrorMessage = "Не более {1} символов.")]
    [Display(Name = "Сообщение (текст письма)")]
    public string Message { get; set; } = InvitationEmails.DefaultMessage;

    /// <summary>
    /// Given with the empty form and sent back with it: the id of the invitation it creates, so that a double click or
    /// a resent request lands on the invitation (and the one letter) the first post made.
    /// </summary>
    public Guid FormKey { get; set; } = Guid.CreateVersion7();
}

/// <summary>
/// Sends an invitation, whoever invites: the municipal coordinator his experts and school coordinators, the operator
/// the municipal coordinators. The invitation and its letter are saved together: the token exists only in the letter,
/// and the outbox delivers it however long the mail server is away.
/// </summary>
public sealed class InvitationSender(
    AttestationDbContext db,
    UserManager<AppUser> users,
    InvitationEmails emails,
    PortalLinks links,
    RegionTime region,
    IOptions<InvitationOptions> options)
{
    /// <summary>The one refusal left: the same form was posted meanwhile with another address.</summary>
    public const string NotSentMessage = "Приглашение не сохранено: эта форма только что отправлена с другим адресом. Проверьте список приглашений и при необходимости повторите.";

    public int LifetimeDays => options.Value.LifetimeDays;

    /// <summary>An address that already has an account needs no invitation: said next to the field.</summary>
    public async Task CheckAddressAsync(InvitationLetter letter, ModelStateDictionary modelState, string prefix)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(modelState);
        if (modelState.IsValid && await users.FindByEmailAsync(letter.Email.Trim()) is not null)
            modelState.AddModelError($"{prefix}.{nameof(InvitationLetter.Email)}",
                $"Адрес «{letter.Email.Trim()}» уже зарегистрирован в системе: приглашение не нужно.");
    }

    /// <summary>
    /// Saves the invitation of <paramref name="role"/> to <paramref name="municipalityId"/> with the letter that carries
    /// the link; null when another post of the same form made a different invitation meanwhile.
    /// </summary>
    public async Task<Invitation?> SendAsync(InvitationLetter letter, string role, int municipalityId, int? organisationId,
        Actor by, IUrlHelper url, CancellationToken ct, InvitedTeacher? teacher = null)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(by);
        // The same form again: its invitation is made (or being made), its letter sent once. A form changed since (another
        // address: the browser's «back») is a new invitation.
        Guid? key = letter.FormKey;
        if (await SentBeforeAsync(letter.FormKey, ct) is { } earlier)
        {
            if (IsSameAs(earlier, letter, by))
                return earlier;
            key = null;
        }

        var invitation = await QueueAsync(letter, role, municipalityId, organisationId, by, url, key, teacher, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (DbErrors.IsUniqueViolation(error))
        {
            // The other post of the same form saved it (and its letter) a moment earlier.
            db.ChangeTracker.Clear();
            var other = await SentBeforeAsync(letter.FormKey, ct);
            return other is not null && IsSameAs(other, letter, by) ? other : null;
        }
        return invitation;
    }

    /// <summary>
    /// Adds the invitation (with the id <paramref name="key"/> when given) and queues its letter, without saving: the
    /// caller saves many at once (an imported list) in one transaction.
    /// </summary>
    public async Task<Invitation> QueueAsync(InvitationLetter letter, string role, int municipalityId, int? organisationId,
        Actor by, IUrlHelper url, Guid? key, InvitedTeacher? teacher, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(by);
        var (invitation, token) = Invitation.Create(letter.Email, role, municipalityId, organisationId, by, region.Now,
            options.Value.Lifetime, key, teacher);
        db.Invitations.Add(invitation);
        var municipality = await db.MunicipalityNameAsync(invitation.MunicipalityId, ct);
        var organisation = await db.OrganisationNameAsync(invitation.OrganisationId, ct);
        var link = links.Absolute(url.Page("/Account/Invitation", new { area = "", token })!);
        emails.Queue(invitation.Email, letter.Subject, letter.Message, Roles.DisplayName(invitation.Role),
            municipality, organisation, link, invitation.ExpiresAt, Invitation.InviterOf(invitation.Role));
        return invitation;
    }

    private static bool IsSameAs(Invitation invitation, InvitationLetter letter, Actor by) =>
        invitation.InvitedBy == by.Id && string.Equals(invitation.Email, letter.Email.Trim(), StringComparison.OrdinalIgnoreCase);

    private Task<Invitation?> SentBeforeAsync(Guid key, CancellationToken ct) =>
        db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == key, ct);

    public static string SentMessage(Invitation invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return $"Приглашение отправлено на адрес {invitation.Email}. Ссылка действует до {invitation.ExpiresAt.ToRegionDate()} включительно.";
    }
}
