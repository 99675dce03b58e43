using System.ComponentModel.DataAnnotations;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attestation.Web.Pages.Account;

[AllowAnonymous]
[LimitedForm("password-letter", "Input.Login")]
public sealed class ForgotPasswordModel(UserManager<AppUser> users, AttestationDbContext db, PasswordResetLetters letters)
    : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Введите логин или адрес электронной почты.")]
        [Display(Name = "Логин или адрес электронной почты")]
        public string Login { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return Page();

        var login = Input.Login.Trim();
        var user = await users.FindByNameAsync(login) ?? await users.FindByEmailAsync(login);
        // The answer is the same whether or not the account exists, so the page cannot be used to probe logins.
        if (user is not null && await letters.QueueAsync(user, Url))
            await db.SaveChangesAsync(ct);
        return RedirectToPage("./ForgotPasswordConfirmation");
    }
}
