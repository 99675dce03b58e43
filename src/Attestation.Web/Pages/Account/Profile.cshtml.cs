using System.ComponentModel.DataAnnotations;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Pages.Account;

/// <summary>
/// «Личный кабинет» of the operator, the experts and the school coordinators: the name, the e-mail and the phones are
/// their own to change; the role and where they work are shown, and only the operator (or the municipal coordinator for
/// his municipality) changes them.
/// </summary>
[Authorize]
public sealed class ProfileModel(AttestationDbContext db, OwnProfile profile) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public ProfileView Profile { get; private set; } = null!;

    /// <summary>What the person sees of his account and cannot change himself.</summary>
    public sealed record ProfileView(string Login, string Role, string? Municipality, string? Organisation, string? Position,
        string? Subject);

    public sealed class InputModel : PersonNameInput
    {
        [Required(ErrorMessage = "Укажите адрес электронной почты.")]
        [EmailAddress(ErrorMessage = "Адрес электронной почты указан неверно.")]
        [StringLength(PersonFields.EmailMaxLength, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Адрес электронной почты")]
        public string Email { get; set; } = "";

        [RegularExpression(PersonFields.PhonePattern, ErrorMessage = PersonFields.PhoneMessage)]
        [StringLength(PersonFields.PhoneMaxLength, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Мобильный телефон")]
        public string? Phone { get; set; }

        [RegularExpression(PersonFields.PhonePattern, ErrorMessage = PersonFields.PhoneMessage)]
        [StringLength(PersonFields.PhoneMaxLength, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Рабочий телефон")]
        public string? WorkPhone { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await CurrentUserAsync(ct);
        Input = new InputModel
        {
            LastName = user.LastName, FirstName = user.FirstName, MiddleName = user.MiddleName,
            Email = user.Email ?? "", Phone = user.PhoneNumber, WorkPhone = user.WorkPhone, Version = user.ConcurrencyStamp,
        };
        return await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await CurrentUserAsync(ct);
        if (!ModelState.IsValid
            || !await profile.SaveAsync(user, Input, new OwnContacts(Input.Email, Input.Phone, Input.WorkPhone), ModelState,
                nameof(Input), ct))
            return await LoadAsync(ct);

        StatusMessage = OwnProfile.SavedMessage;
        return RedirectToPage();
    }

    private async Task<AppUser> CurrentUserAsync(CancellationToken ct)
    {
        var id = User.UserId();
        return await db.Users.SingleAsync(u => u.Id == id, ct);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        var id = User.UserId();
        var person = await db.Users.AsNoTracking().Where(u => u.Id == id).ToPeople(db).SingleOrDefaultAsync(ct);
        if (person is null)
            return NotFound();
        var role = Roles.All.FirstOrDefault(User.IsInRole);
        Profile = new ProfileView(person.Login ?? "", role is null ? "—" : Roles.DisplayName(role),
            person.Municipality, person.Organisation, person.Position, person.Subject);
        return Page();
    }
}
