using System.ComponentModel.DataAnnotations;
using Attestation.Domain;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Municipality.Pages.Invitations;

/// <summary>
/// «Приглашение в систему специалиста по аттестации»: the seed's letter, editable, sent with a single-use link that
/// registers the person with the chosen role in the coordinator's own municipality.
/// </summary>
public sealed class CreateModel(AttestationDbContext db, InvitationSender sender) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? Municipality { get; private set; }

    public List<SelectListItem> Organisations { get; private set; } = [];

    public int LifetimeDays => sender.LifetimeDays;

    public sealed class InputModel : InvitationLetter
    {
        [Required(ErrorMessage = "Выберите роль пользователя.")]
        [Display(Name = "Выбор роли пользователя, для которого отправляется ссылка")]
        public string Role { get; set; } = Roles.Expert;

        [Display(Name = "Образовательная организация (для координатора по аттестации в ОО)")]
        public int? OrganisationId { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var municipalityId = User.MunicipalityId();
        if (municipalityId is null)
            ModelState.AddModelError(string.Empty, "В вашем профиле не указан муниципалитет: приглашать некого. Обратитесь к оператору.");
        // The choice is two radio buttons; a forged post naming another role (a municipal coordinator, the operator) stops here.
        if (!Invitation.RolesInvitableBy(Roles.MunicipalCoordinator).Contains(Input.Role))
            ModelState.AddModelError("Input.Role", "Выберите роль: специалист по аттестации или координатор по аттестации в ОО.");
        if (Input.Role == Roles.SchoolCoordinator)
        {
            if (Input.OrganisationId is not { } organisationId)
                ModelState.AddModelError("Input.OrganisationId", "Выберите образовательную организацию координатора.");
            else if (!await db.Organisations.AnyAsync(o => o.Id == organisationId && o.MunicipalityId == municipalityId && o.IsActive, ct))
                ModelState.AddModelError("Input.OrganisationId", "Выберите образовательную организацию вашего муниципалитета.");
        }
        await sender.CheckAddressAsync(Input, ModelState, nameof(Input));
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var invitation = await sender.SendAsync(Input, Input.Role, municipalityId!.Value, Input.OrganisationId,
            new Actor(User.UserId(), Roles.MunicipalCoordinator), Url, ct);
        if (invitation is null)
        {
            ModelState.AddModelError(string.Empty, InvitationSender.NotSentMessage);
            await LoadAsync(ct);
            return Page();
        }

        TempData["StatusMessage"] = InvitationSender.SentMessage(invitation);
        return RedirectToPage("./Index");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var municipalityId = User.MunicipalityId();
        Municipality = municipalityId is { } id ? await db.FindMunicipalityNameAsync(id, ct) : null;
        Organisations = await db.OrganisationOptionsAsync(municipalityId, ct);
    }
}
