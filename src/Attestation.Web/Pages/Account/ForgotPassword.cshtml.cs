using System.ComponentModel.DataAnnotations;
using System.Text;
using Attestation.Web.Data;
using Attestation.Web.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Attestation.Web.Pages.Account;

[AllowAnonymous]
public sealed class ForgotPasswordModel(UserManager<AppUser> users, AttestationDbContext db, AccountEmails emails, PortalLinks links)
    : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Введите логин или адрес электронной почты.")]
        [Display(Name = "Логин или e-mail")]
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
        if (user?.Email is not null)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
            var link = links.Absolute(Url.Page("/Account/ResetPassword", new { userId = user.Id, code })!);
            emails.QueuePasswordReset(user.Id, user.Email, user.FullName, user.UserName!, link);
            await db.SaveChangesAsync(ct);
        }
        return RedirectToPage("./ForgotPasswordConfirmation");
    }
}
