using System.ComponentModel.DataAnnotations;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Municipality.Pages.Profile;

/// <summary>
/// «Личный кабинет» of the municipal coordinator: name, e-mail and phones. The work phone is printed on the schedule,
/// which is published; the municipality is the scope of everything he sees and only the operator changes it.
/// </summary>
public sealed class IndexModel(AttestationDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
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

        // Saved meanwhile in another tab: nothing is overwritten, nothing typed is lost.
        if (AccountVersions.IsStale(user, Input, ModelState, nameof(Input)))
        {
            await LoadAsync(user, ct);
            return Page();
        }

        user.LastName = PersonFields.Normalize(Input.LastName);
        user.FirstName = PersonFields.Normalize(Input.FirstName);
        user.MiddleName = string.IsNullOrWhiteSpace(Input.MiddleName) ? null : PersonFields.Normalize(Input.MiddleName);
        user.WorkPhone = PersonFields.NormalizePhone(Input.WorkPhone);
        user.PhoneNumber = string.IsNullOrWhiteSpace(Input.Phone) ? null : PersonFields.NormalizePhone(Input.Phone);
        var result = await users.SetEmailAsync(user, Input.Email.Trim());
        if (result.Succeeded)
            result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            var conflict = await AccountVersions.ReportConflictAsync(db, user, result.Errors, ModelState, Input, nameof(Input), ct);
            foreach (var error in conflict ? [] : result.Errors)
                ModelState.AddModelError(error.Code.Contains("Email", StringComparison.Ordinal) ? "Input.Email" : string.Empty,
                    error.Description);
            await LoadAsync(user, ct);
            return Page();
        }

        // The short name in the navigation bar comes from the cookie.
        await signIn.RefreshSignInAsync(user);
        StatusMessage = "Личные сведения сохранены.";
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
