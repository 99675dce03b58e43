using System.ComponentModel.DataAnnotations;
using Attestation.Domain;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Attestation.Web.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Attestation.Web.Areas.School.Pages.Invitations;

/// <summary>
/// «Приглашение педагога»: the school coordinator enters one teacher of his organisation (ФИО, e-mail, position,
/// subject); the teacher gets the letter with a single-use link to choose his login and password. The form's key makes a
/// second post of the same form the same invitation (one letter).
/// </summary>
public sealed class CreateModel(
    AttestationDbContext db,
    InvitationSender sender,
    ILookupNormalizer normalizer,
    RegionTime region) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? Organisation { get; private set; }

    public List<SelectListItem> Positions { get; private set; } = [];

    public List<SelectListItem> Subjects { get; private set; } = [];

    public int LifetimeDays => sender.LifetimeDays;

    public sealed class InputModel : InvitationLetter
    {
        [Required(ErrorMessage = "Укажите фамилию.")]
        [RegularExpression(PersonFields.RussianPattern, ErrorMessage = PersonFields.RussianMessage)]
        [StringLength(PersonName.PartMaxLength, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Фамилия")]
        public string LastName { get; set; } = "";

        [Required(ErrorMessage = "Укажите имя.")]
        [RegularExpression(PersonFields.RussianPattern, ErrorMessage = PersonFields.RussianMessage)]
        [StringLength(PersonName.PartMaxLength, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Имя")]
        public string FirstName { get; set; } = "";

        [RegularExpression(PersonFields.RussianPattern, ErrorMessage = PersonFields.RussianMessage)]
        [StringLength(PersonName.PartMaxLength, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Отчество (при наличии)")]
        public string? MiddleName { get; set; }

        [Required(ErrorMessage = "Выберите должность.")]
        [Display(Name = "Должность")]
        public int? PositionId { get; set; }

        [Display(Name = "Предмет (направление)")]
        public int? SubjectId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var organisation = await OwnOrganisation.OfAsync(db, User, ct);
        if (organisation is null)
            return NotFound();
        await db.CheckWorkplaceAsync(ModelState, nameof(Input), null, null, Input.PositionId, Input.SubjectId, ct);
        if (ModelState.IsValid
            && (await TeacherInvitations.TakenAddressesAsync(db, normalizer, [Input.Email.Trim()], region.Now, ct)).Values.FirstOrDefault() is { } taken
            && !await SameFormSentAsync(ct))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Email)}", taken);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var teacher = new InvitedTeacher(PersonFields.Normalize(Input.LastName), PersonFields.Normalize(Input.FirstName),
            string.IsNullOrWhiteSpace(Input.MiddleName) ? null : PersonFields.Normalize(Input.MiddleName), Input.PositionId!.Value,
            Input.SubjectId);
        var invitation = await sender.SendAsync(Input, Roles.Teacher, organisation.MunicipalityId, organisation.Id,
            new Actor(User.UserId(), Roles.SchoolCoordinator), Url, ct, teacher);
        if (invitation is null)
        {
            ModelState.AddModelError(string.Empty, InvitationSender.NotSentMessage);
            await LoadAsync(ct);
            return Page();
        }

        TempData["StatusMessage"] = InvitationSender.SentMessage(invitation);
        return RedirectToPage("./Index");
    }

    /// <summary>A resent post of this very form: its invitation exists and is not a reason to refuse.</summary>
    private Task<bool> SameFormSentAsync(CancellationToken ct) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Invitations, i => i.Id == Input.FormKey, ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Organisation = (await OwnOrganisation.OfAsync(db, User, ct))?.Name;
        Positions = await db.PositionOptionsAsync(ct);
        Subjects = await db.SubjectOptionsAsync(ct);
    }
}
