using System.ComponentModel.DataAnnotations;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Attestation.Web.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Areas.Municipality.Pages.Invitations;

/// <summary>
/// «Приглашение в систему специалиста по аттестации»: the seed's letter, editable, sent with a single-use link that
/// registers the person with the chosen role in the coordinator's own municipality.
/// </summary>
public sealed class CreateModel(
    AttestationDbContext db,
    UserManager<AppUser> users,
    InvitationEmails emails,
    PortalLinks links,
    RegionTime region,
    IOptions<InvitationOptions> options) : PageModel
{
    public const int SubjectMaxLength = 200;
    public const int MessageMaxLength = 4000;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? Municipality { get; private set; }

    public List<SelectListItem> Organisations { get; private set; } = [];

    public int LifetimeDays => options.Value.LifetimeDays;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Выберите роль пользователя.")]
        [Display(Name = "Выбор роли пользователя, для которого отправляется ссылка")]
        public string Role { get; set; } = Roles.Expert;

        [Required(ErrorMessage = "Укажите адрес электронной почты получателя.")]
        [EmailAddress(ErrorMessage = "Адрес электронной почты указан неверно.")]
        [StringLength(Invitation.EmailMaxLength, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Почта получателя")]
        public string Email { get; set; } = "";

        [Display(Name = "Образовательная организация (для координатора по аттестации в ОО)")]
        public int? OrganisationId { get; set; }

        [Required(ErrorMessage = "Укажите тему письма.")]
        [StringLength(SubjectMaxLength, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Тема письма")]
        public string Subject { get; set; } = InvitationEmails.DefaultSubject;

        [Required(ErrorMessage = "Напишите текст письма.")]
        [StringLength(MessageMaxLength, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Сообщение (текст письма)")]
        public string Message { get; set; } = InvitationEmails.DefaultMessage;
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var municipalityId = User.MunicipalityId();
        if (municipalityId is null)
            ModelState.AddModelError(string.Empty, "В вашем профиле не указан муниципалитет: приглашать некого. Обратитесь к оператору.");
        if (!Invitation.InvitableRoles.Contains(Input.Role))
            ModelState.AddModelError("Input.Role", "Выберите роль: специалист по аттестации или координатор по аттестации в ОО.");
        if (Input.Role == Roles.SchoolCoordinator)
        {
            if (Input.OrganisationId is not { } organisationId)
                ModelState.AddModelError("Input.OrganisationId", "Выберите образовательную организацию координатора.");
            else if (!await db.Organisations.AnyAsync(o => o.Id == organisationId && o.MunicipalityId == municipalityId && o.IsActive, ct))
                ModelState.AddModelError("Input.OrganisationId", "Выберите образовательную организацию вашего муниципалитета.");
        }
        if (ModelState.IsValid && await users.FindByEmailAsync(Input.Email.Trim()) is not null)
            ModelState.AddModelError("Input.Email", $"Адрес «{Input.Email.Trim()}» уже зарегистрирован в системе: приглашение не нужно.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var (invitation, token) = Invitation.Create(Input.Email, Input.Role, municipalityId!.Value,
            Input.OrganisationId, User.UserId(), region.Now, options.Value.Lifetime);
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);

        var municipality = await db.Municipalities.Where(m => m.Id == invitation.MunicipalityId).Select(m => m.Name).SingleAsync(ct);
        var organisation = invitation.OrganisationId is { } id
            ? await db.Organisations.Where(o => o.Id == id).Select(o => o.Name).SingleAsync(ct)
            : null;
        var link = links.Absolute(Url.Page("/Account/Invitation", new { area = "", token })!, Request);
        // A header cannot span lines: a pasted line break would otherwise break the letter.
        var subject = string.Join(' ', Input.Subject.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        var sent = await emails.SendAsync(invitation.Email, subject, Input.Message, Roles.DisplayName(invitation.Role),
            municipality, organisation, link, invitation.ExpiresAt);
        if (!sent)
        {
            // The token exists only in the letter: without the letter the invitation is useless.
            db.Invitations.Remove(invitation);
            await db.SaveChangesAsync(CancellationToken.None);
            ModelState.AddModelError(string.Empty, "Письмо отправить не удалось. Проверьте адрес и попробуйте ещё раз позже.");
            await LoadAsync(ct);
            return Page();
        }

        TempData["StatusMessage"] = $"Приглашение отправлено на адрес {invitation.Email}. Ссылка действует до {invitation.ExpiresAt.ToRegionDate()} включительно.";
        return RedirectToPage("./Index");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var municipalityId = User.MunicipalityId();
        Municipality = await db.Municipalities.AsNoTracking()
            .Where(m => m.Id == municipalityId).Select(m => m.Name).SingleOrDefaultAsync(ct);
        Organisations = await db.OrganisationOptionsAsync(municipalityId, ct);
    }
}
