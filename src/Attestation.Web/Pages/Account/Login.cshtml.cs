using System.ComponentModel.DataAnnotations;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signInManager, UserManager<AppUser> users, AttestationDbContext db,
    TimeProvider time) : PageModel
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
        [Display(Name = "Логин или e-mail")]
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
            ModelState.AddModelError(string.Empty, "Неверный логин или пароль.");
            return Page();
        }

        // Unlike the template page, failures are counted: repeated guessing locks the account.
        var result = await signInManager.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.IsLockedOut)
            return RedirectToPage("./Lockout", new { blocked = AccountBlock.IsBlocked(user.LockoutEnd) ? true : (bool?)null });
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, "Неверный логин или пароль.");
            return Page();
        }

        // Written past Identity: the account's version (its concurrency stamp) is not a sign-in's business.
        var now = time.GetUtcNow();
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSignInAt, now), HttpContext.RequestAborted);

        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl))
            return LocalRedirect(ReturnUrl);

        var role = (await users.GetRolesAsync(user)).FirstOrDefault();
        return role is null
            ? RedirectToPage("/Index")
            : RedirectToPage("/Index", new { area = Roles.Area(role) });
    }
}
