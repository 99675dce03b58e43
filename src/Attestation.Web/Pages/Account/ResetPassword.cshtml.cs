using System.ComponentModel.DataAnnotations;
using System.Text;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Attestation.Web.Pages.Account;

[AllowAnonymous]
[LimitedForm("password-reset", "Input.UserId")]
public sealed class ResetPasswordModel(UserManager<AppUser> users, AuditLog audit) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel : NewPasswordInput
    {
        [Required]
        public Guid UserId { get; set; }

        [Required]
        public string Code { get; set; } = "";
    }

    public IActionResult OnGet(Guid? userId, string? code)
    {
        if (userId is null || string.IsNullOrEmpty(code))
            return BadRequest();
        Input = new InputModel { UserId = userId.Value, Code = code };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();

        var user = await users.FindByIdAsync(Input.UserId.ToString());
        if (user is null)
            return RedirectToPage("./ResetPasswordConfirmation");

        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Input.Code));
        }
        catch (FormatException)
        {
            ModelState.AddModelError(string.Empty, new RussianIdentityErrorDescriber().InvalidToken().Description);
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            NewPasswordInput.Report(result.Errors, ModelState, nameof(Input));
            return Page();
        }

        await audit.RecordAsync(AuditAction.PasswordReset, user, null, "новый пароль по ссылке из письма");
        // A new password ends a lockout caused by guessing the old one; the operator's block stays.
        if (!AccountBlock.IsBlocked(user.LockoutEnd))
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }
        return RedirectToPage("./ResetPasswordConfirmation");
    }
}
