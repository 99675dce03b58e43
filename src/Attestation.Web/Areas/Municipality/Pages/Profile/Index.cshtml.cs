using System.ComponentModel.DataAnnotations;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Municipality.Pages.Profile;

/// <summary>
/// «Личный кабинет» of the municipal coordinator: name, e-mail and phones. The work phone is printed on the schedule,
/// which is published; the municipality is the scope of everything he sees and only the operator changes it.
/// </summary>
public sealed class IndexModel(AttestationDbContext db, OwnProfile profile) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public string Login { get; private set; } = "";

    public string? Municipality { get; private set; }

    public sealed class InputModel : PersonNameInput
    {
        [Required(ErrorMessage = "Укажите адрес электронной почты.")]
        [EmailAddress(ErrorMessage = "Адрес электронной почты указан неверно.")]
        [StringLength(PersonFields.EmailMaxLength, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Адрес электронной почты")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Укажите рабочий номер телефона: он печатается в графике.")]
        [RegularExpression(PersonFields.PhonePattern, ErrorMessage = PersonFields.PhoneMessage)]
        [StringLength(PersonFields.PhoneMaxLength, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Рабочий номер телефона (с кодом муниципалитета)")]
        public string WorkPhone { get; set; } = "";

        [RegularExpression(PersonFields.PhonePattern, ErrorMessage = PersonFields.PhoneMessage)]
        [Display(Name = "Мобильный телефон")]
        public string? Phone { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await CurrentUserAsync(ct);
        Input = new InputModel
        {
            LastName = user.LastName, FirstName = user.FirstName, MiddleName = user.MiddleName,
            Email = user.Email ?? "", WorkPhone = user.WorkPhone ?? "", Phone = user.PhoneNumber,
            Version = user.ConcurrencyStamp,
        };
        await LoadAsync(user, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await CurrentUserAsync(ct);
        if (!ModelState.IsValid)
        {
            await LoadAsync(user, ct);
            return Page();
        }

        if (!await profile.SaveAsync(user, Input, new OwnContacts(Input.Email, Input.Phone, Input.WorkPhone), ModelState,
                nameof(Input), ct))
        {
            await LoadAsync(user, ct);
            return Page();
        }

        StatusMessage = OwnProfile.SavedMessage;
        return RedirectToPage();
    }

    private async Task<AppUser> CurrentUserAsync(CancellationToken ct)
    {
        var id = User.UserId();
        return await db.Users.SingleAsync(u => u.Id == id, ct);
    }

    private async Task LoadAsync(AppUser user, CancellationToken ct)
    {
        Login = user.UserName ?? "";
        Municipality = user.MunicipalityId is { } municipalityId ? await db.MunicipalityNameAsync(municipalityId, ct) : null;
    }
}
