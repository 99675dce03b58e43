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

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Укажите фамилию.")]
        [RegularExpression(PersonName.RussianPattern, ErrorMessage = PersonName.RussianMessage)]
        [StringLength(60, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Фамилия")]
        public string LastName { get; set; } = "";

        [Required(ErrorMessage = "Укажите имя.")]
        [RegularExpression(PersonName.RussianPattern, ErrorMessage = PersonName.RussianMessage)]
        [StringLength(60, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Имя")]
        public string FirstName { get; set; } = "";

        [RegularExpression(PersonName.RussianPattern, ErrorMessage = PersonName.RussianMessage)]
        [StringLength(60, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Отчество (при наличии)")]
        public string? MiddleName { get; set; }

        [Required(ErrorMessage = "Придумайте логин.")]
        [RegularExpression(PersonName.LoginPattern, ErrorMessage = PersonName.LoginMessage)]
        [Display(Name = "Логин")]
        public string Login { get; set; } = "";

        [Required(ErrorMessage = "Укажите адрес электронной почты.")]
        [EmailAddress(ErrorMessage = "Адрес электронной почты указан неверно.")]
        [StringLength(120, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Электронная почта")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Укажите телефон.")]
        [RegularExpression(PersonName.PhonePattern, ErrorMessage = PersonName.PhoneMessage)]
        [Display(Name = "Телефон")]
        public string Phone { get; set; } = "";

        [Required(ErrorMessage = "Выберите муниципальное образование.")]
        [Display(Name = "Муниципальное образование")]
        public int? MunicipalityId { get; set; }

        [Required(ErrorMessage = "Выберите образовательную организацию.")]
        [Display(Name = "Образовательная организация (место работы)")]
        public int? OrganisationId { get; set; }

        [Required(ErrorMessage = "Выберите должность.")]
        [Display(Name = "Должность")]
        public int? PositionId { get; set; }

        [Display(Name = "Предмет (направление)")]
        public int? SubjectId { get; set; }

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
        await CheckDirectoryChoicesAsync(ct);
        if (!ModelState.IsValid)
        {
            await LoadListsAsync(ct);
            return Page();
        }

        var user = new AppUser
        {
            UserName = Input.Login.Trim(),
            Email = Input.Email.Trim(),
            PhoneNumber = PersonName.NormalizePhone(Input.Phone),
            LastName = PersonName.Normalize(Input.LastName),
            FirstName = PersonName.Normalize(Input.FirstName),
            MiddleName = string.IsNullOrWhiteSpace(Input.MiddleName) ? null : PersonName.Normalize(Input.MiddleName),
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

    /// <summary>The lists are only a convenience: a forged post must not attach a teacher to a foreign organisation.</summary>
    private async Task CheckDirectoryChoicesAsync(CancellationToken ct)
    {
        if (Input.MunicipalityId is { } municipalityId
            && !await db.Municipalities.AnyAsync(m => m.Id == municipalityId && m.IsActive, ct))
            ModelState.AddModelError("Input.MunicipalityId", "Выберите муниципальное образование из списка.");

        if (Input.OrganisationId is { } organisationId
            && !await db.Organisations.AnyAsync(
                o => o.Id == organisationId && o.MunicipalityId == Input.MunicipalityId && o.IsActive, ct))
            ModelState.AddModelError("Input.OrganisationId", "Выберите образовательную организацию выбранного муниципалитета.");

        if (Input.PositionId is { } positionId && !await db.Positions.AnyAsync(p => p.Id == positionId && p.IsActive, ct))
            ModelState.AddModelError("Input.PositionId", "Выберите должность из списка.");

        if (Input.SubjectId is { } subjectId && !await db.Subjects.AnyAsync(s => s.Id == subjectId && s.IsActive, ct))
            ModelState.AddModelError("Input.SubjectId", "Выберите предмет из списка.");
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        Municipalities = await db.MunicipalityOptionsAsync(ct);
        Organisations = await db.OrganisationOptionsAsync(Input.MunicipalityId, ct);
        Positions = await db.PositionOptionsAsync(ct);
        Subjects = await db.SubjectOptionsAsync(ct);
    }
}
