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
/// The second step of a two-factor sign-in: the six digits of the authenticator app, or one of the recovery codes when
/// the phone is not at hand (each works once). Wrong codes count towards the lockout like wrong passwords.
/// </summary>
[AllowAnonymous]
[LimitedForm("sign-in-code")]
public sealed class LoginWithCodeModel(SignInManager<AppUser> signInManager, UserManager<AppUser> users,
    AttestationDbContext db, TimeProvider time) : PageModel
{
    public const string WrongCode = "Код не подошёл. Введите новый код из приложения или неиспользованный код восстановления.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Введите код.")]
        [StringLength(20, ErrorMessage = "Код — шесть цифр из приложения или код восстановления вида XXXXX-XXXXX.")]
        [Display(Name = "Код из приложения или код восстановления")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("./Login", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            // The five minutes between the password and the code have passed: the password again.
            this.Refuse("Время на ввод кода истекло. Войдите ещё раз: введите логин и пароль, затем новый код.");
            return RedirectToPage("./Login", new { ReturnUrl });
        }
        if (!ModelState.IsValid)
            return Page();

        var code = Input.Code.Trim();
        var digits = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = digits.Length == 6 && digits.All(char.IsAsciiDigit)
            ? await signInManager.TwoFactorAuthenticatorSignInAsync(digits, RememberMe, rememberClient: false)
            : await signInManager.TwoFactorRecoveryCodeSignInAsync(code.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        if (result.IsLockedOut)
            return SignInLanding.LockedOut(this, user);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("Input.Code", WrongCode);
            return Page();
        }
        return await SignInLanding.LandAsync(this, user, ReturnUrl, users, db, time);
    }
}
