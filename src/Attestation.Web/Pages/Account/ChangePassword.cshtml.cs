using System.ComponentModel.DataAnnotations;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attestation.Web.Pages.Account;

/// <summary>
/// «Смена пароля», for everyone signed in: the current password, then the new one twice. The change renews the
/// account's security stamp, so the person's other sessions end at their next check; this one continues.
/// </summary>
[Authorize]
public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditLog audit) : PageModel
{
    public const string ChangedMessage = "Пароль изменён. Используйте новый пароль при следующем входе.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed class InputModel : NewPasswordInput
    {
        [Required(ErrorMessage = "Введите текущий пароль.")]
        [DataType(DataType.Password)]
        [Display(Name = "Текущий пароль")]
        public string CurrentPassword { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();

        // The same form sent twice (a double click, a resent request): the first changed the password, the second
        // finds the new one in place and says so rather than «неверный пароль».
        if (!await users.CheckPasswordAsync(user, Input.CurrentPassword)
            && await users.CheckPasswordAsync(user, Input.Password))
            return Changed();

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.Password);
        if (!result.Succeeded)
        {
            NewPasswordInput.Report(result.Errors, ModelState, nameof(Input));
            return Page();
        }
        await audit.RecordAsync(AuditAction.PasswordChanged, "свой пароль");
        await signIn.RefreshSignInAsync(user);
        return Changed();
    }

    private RedirectToPageResult Changed()
    {
        StatusMessage = ChangedMessage;
        return RedirectToPage();
    }
}
