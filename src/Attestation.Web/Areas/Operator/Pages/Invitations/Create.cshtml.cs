using System.ComponentModel.DataAnnotations;
using Attestation.Domain;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Attestation.Web.Areas.Operator.Pages.Invitations;

/// <summary>
/// «Приглашение» of a municipal coordinator: the same letter and single-use link as the coordinators' own invitations;
/// the role is always «Координатор по аттестации по муниципальному образованию» and the operator chooses the
/// municipality, which the registered account then keeps.
/// </summary>
public sealed class CreateModel(AttestationDbContext db, InvitationSender sender) : PageModel
{
    public const string InvitedRole = Roles.MunicipalCoordinator;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public List<SelectListItem> Municipalities { get; private set; } = [];

    public int LifetimeDays => sender.LifetimeDays;

    public string RoleName => Roles.DisplayName(InvitedRole);

    public sealed class InputModel : InvitationLetter
    {
        [Required(ErrorMessage = "Выберите муниципальное образование координатора.")]
        [Display(Name = "Муниципальное образование")]
        public int? MunicipalityId { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await db.CheckWorkplaceAsync(ModelState, nameof(Input), Input.MunicipalityId, null, null, null, ct);
        await sender.CheckAddressAsync(Input, ModelState, nameof(Input));
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var invitation = await sender.SendAsync(Input, InvitedRole, Input.MunicipalityId!.Value, organisationId: null,
            new Actor(User.UserId(), Roles.Operator), Url, ct);
        if (invitation is null)
        {
            ModelState.AddModelError(string.Empty, InvitationSender.NotSentMessage);
            await LoadAsync(ct);
            return Page();
        }

        TempData["StatusMessage"] = InvitationSender.SentMessage(invitation);
        return RedirectToPage("./Index");
    }

    private async Task LoadAsync(CancellationToken ct) => Municipalities = await db.MunicipalityOptionsAsync(ct);
}
