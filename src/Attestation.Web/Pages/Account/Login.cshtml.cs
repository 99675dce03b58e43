using System.ComponentModel.DataAnnotations;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attestation.Web.Pages.Account;

[AllowAnonymous]
[LimitedForm("sign-in", "Input.Login")]
public sealed class LoginModel(SignInManager<AppUser> signInManager, UserManager<AppUser> users, AttestationDbContext db,
    TimeProvider time, IPasswordHasher<AppUser> hasher, AuditLog audit) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Введите логин или адрес электронной почты.")]
        [Display(Name = "Логин или адрес электронной почты")]
        public string Login { get; set; } = "";

        [Required(ErrorMessage = "Введите пароль.")]
        [DataType(DataType.Password)]
        [Display(Name = "Пароль")]
        public string Password { get; set; } = "";

        [Display(Name = "Запомнить меня")]
        public bool RememberMe { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();

        var login = Input.Login.Trim();
        var user = await users.FindByNameAsync(login) ?? await users.FindByEmailAsync(login);
        if (user is null)
        {
            UnknownLogin.VerifyPassword(hasher, Input.Password);
            await audit.RecordAsync(AuditAction.SignInFailed, null, login, "неизвестный логин");
            ModelState.AddModelError(string.Empty, "Неверный логин или пароль.");
            return Page();
        }

        // Unlike the template page, failures are counted: repeated guessing locks the account, longer each time.
        var result = await signInManager.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            await audit.RecordAsync(AuditAction.LockedOut, user, login, $"вход заблокирован до {user.LockoutEnd:O}");
            return SignInLanding.LockedOut(this, user);
        }
        if (result.RequiresTwoFactor)
            return RedirectToPage("./LoginWithCode", new { ReturnUrl, Input.RememberMe });
        if (!result.Succeeded)
        {
            await audit.RecordAsync(AuditAction.SignInFailed, user, login, "неверный пароль");
            ModelState.AddModelError(string.Empty, "Неверный логин или пароль.");
            return Page();
        }
        return await SignInLanding.LandAsync(this, user, ReturnUrl, users, db, time);
    }
}
