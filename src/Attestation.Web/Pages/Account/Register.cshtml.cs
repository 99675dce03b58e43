using System.ComponentModel.DataAnnotations;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Pages.Account;

/// <summary>A teacher registers himself; every other role is invited.</summary>
[AllowAnonymous]
[LimitedForm("registration", "Input.Login")]
public sealed class RegisterModel(
    AttestationDbContext db,
    UserManager<AppUser> users,
    SignInManager<AppUser> signInManager,
    TimeProvider time) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public List<SelectListItem> Municipalities { get; private set; } = [];
    public List<SelectListItem> Organisations { get; private set; } = [];
    public List<SelectListItem> Positions { get; private set; } = [];
    public List<SelectListItem> Subjects { get; private set; } = [];

    public sealed class InputModel : ProfileInput
    {
        [Required(ErrorMessage = "Придумайте логин.")]
        [RegularExpression(PersonFields.LoginPattern, ErrorMessage = PersonFields.LoginMessage)]
        [Display(Name = "Логин")]
        public string Login { get; set; } = "";

        [Required(ErrorMessage = "Придумайте пароль.")]
        [StringLength(128, MinimumLength = IdentitySetup.MinPasswordLength,
            ErrorMessage = "Пароль должен содержать не менее {2} символов.")]
        [DataType(DataType.Password)]
        [Display(Name = "Пароль")]
        public string Password { get; set; } = "";

        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "Пароли не совпадают.")]
        [Display(Name = "Повторите пароль")]
        public string ConfirmPassword { get; set; } = "";

        [Range(typeof(bool), "true", "true", ErrorMessage = "Без согласия на обработку персональных данных регистрация невозможна.")]
        [Display(Name = "Даю согласие на обработку моих персональных данных")]
        public bool PersonalDataConsent { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadListsAsync(ct);

    /// <summary>Without scripts, choosing a municipality posts the form back to list its organisations.</summary>
    public async Task<IActionResult> OnPostMunicipalityAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Input.OrganisationId = null;
        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await db.CheckWorkplaceAsync(ModelState, "Input", Input.MunicipalityId, Input.OrganisationId, Input.PositionId,
            Input.SubjectId, ct);
        if (!ModelState.IsValid)
        {
            await LoadListsAsync(ct);
            return Page();
        }

        var user = new AppUser
        {
            UserName = Input.Login.Trim(),
            Email = Input.Email.Trim(),
            PhoneNumber = PersonFields.NormalizePhone(Input.Phone),
            LastName = PersonFields.Normalize(Input.LastName),
            FirstName = PersonFields.Normalize(Input.FirstName),
            MiddleName = string.IsNullOrWhiteSpace(Input.MiddleName) ? null : PersonFields.Normalize(Input.MiddleName),
            MunicipalityId = Input.MunicipalityId,
            OrganisationId = Input.OrganisationId,
            PositionId = Input.PositionId,
            SubjectId = Input.SubjectId,
            CreatedAt = time.GetUtcNow(),
        };

        var result = await users.CreateAsync(user, Input.Password);
        if (result.Succeeded)
            result = await users.AddToRoleAsync(user, Roles.Teacher);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(FieldOf(error), error.Description);
            await LoadListsAsync(ct);
            return Page();
        }

        await signInManager.SignInAsync(user, isPersistent: false);
        return RedirectToPage("/Index", new { area = AreaNames.Teacher });
    }

    private static string FieldOf(IdentityError error) => error.Code switch
    {
        _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => "Input.Password",
        "DuplicateUserName" or "InvalidUserName" => "Input.Login",
        "DuplicateEmail" or "InvalidEmail" => "Input.Email",
        _ => string.Empty,
    };

    private async Task LoadListsAsync(CancellationToken ct)
    {
        Municipalities = await db.MunicipalityOptionsAsync(ct);
        Organisations = await db.OrganisationOptionsAsync(Input.MunicipalityId, ct);
        Positions = await db.PositionOptionsAsync(ct);
        Subjects = await db.SubjectOptionsAsync(ct);
    }
}
