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

/// <summary>
/// Registration through an invitation: the role, the municipality and (for a school coordinator) the organisation
/// come from the invitation, whatever the form sends; the link works once and until it expires.
/// </summary>
[AllowAnonymous]
[LimitedForm("invitation", nameof(Token))]
public sealed class InvitationModel(
    AttestationDbContext db,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    RegionTime region) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Null when the link is good; otherwise why it is not, as a heading and an explanation.</summary>
    public (string Heading, string Text, bool OfferLogin)? Problem { get; private set; }

    public string RoleName { get; private set; } = "";
    public string Municipality { get; private set; } = "";
    public string? Organisation { get; private set; }
    public string Email { get; private set; } = "";
    public DateTimeOffset ExpiresAt { get; private set; }
    public bool IsExpert { get; private set; }

    /// <summary>A teacher invited by his school's coordinator: the name, position and subject come filled in.</summary>
    public bool IsTeacher { get; private set; }

    /// <summary>A municipal coordinator's work phone is printed in his municipality's schedule: asked for at once.</summary>
    public bool IsMunicipalCoordinator { get; private set; }

    public string InvitedBy { get; private set; } = "";

    public List<SelectListItem> Organisations { get; private set; } = [];
    public List<SelectListItem> Positions { get; private set; } = [];
    public List<SelectListItem> Subjects { get; private set; } = [];

    public sealed class InputModel : PersonNameInput
    {
        [Required(ErrorMessage = "Укажите телефон.")]
        [RegularExpression(PersonFields.PhonePattern, ErrorMessage = PersonFields.PhoneMessage)]
        [Display(Name = "Телефон")]
        public string Phone { get; set; } = "";

        [RegularExpression(PersonFields.PhonePattern, ErrorMessage = PersonFields.PhoneMessage)]
        [Display(Name = "Рабочий номер телефона (с кодом муниципалитета)")]
        public string? WorkPhone { get; set; }

        [Display(Name = "Образовательная организация (место работы)")]
        public int? OrganisationId { get; set; }

        [Display(Name = "Должность")]
        public int? PositionId { get; set; }

        [Display(Name = "Предмет (направление)")]
        public int? SubjectId { get; set; }

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

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var invitation = await FindAsync(ct);
        if (invitation is null)
            return Page();
        if (invitation.Role == Roles.Teacher)
        {
            Input.LastName = invitation.LastName ?? "";
            Input.FirstName = invitation.FirstName ?? "";
            Input.MiddleName = invitation.MiddleName;
            Input.PositionId = invitation.PositionId;
            Input.SubjectId = invitation.SubjectId;
        }
        await LoadAsync(invitation, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var invitation = await FindAsync(ct);
        if (invitation is null)
            return Page();

        var expert = invitation.Role == Roles.Expert;
        var organisationId = expert ? Input.OrganisationId : invitation.OrganisationId;
        if (expert && Input.OrganisationId is null)
            ModelState.AddModelError("Input.OrganisationId", "Выберите образовательную организацию (место работы).");
        if (expert && Input.PositionId is null)
            ModelState.AddModelError("Input.PositionId", "Выберите должность.");
        var coordinator = invitation.Role == Roles.MunicipalCoordinator;
        if (coordinator && string.IsNullOrWhiteSpace(Input.WorkPhone))
            ModelState.AddModelError("Input.WorkPhone", "Укажите рабочий телефон: он печатается в графике аттестации.");
        var withSubject = expert || invitation.Role == Roles.Teacher;
        await db.CheckWorkplaceAsync(ModelState, "Input", invitation.MunicipalityId, organisationId, Input.PositionId,
            withSubject ? Input.SubjectId : null, ct);
        if (!expert && ModelState.TryGetValue("Input.OrganisationId", out var school) && school.Errors.Count > 0)
        {
            // The school is not a field of this form: say so above it.
            ModelState.Remove("Input.OrganisationId");
            ModelState.AddModelError(string.Empty,
                $"Образовательная организация из приглашения больше не действует. Попросите {Invitation.InviterOf(invitation.Role).Accusative} прислать новое приглашение.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(invitation, ct);
            return Page();
        }

        var now = region.Now;
        var user = new AppUser
        {
            UserName = Input.Login.Trim(),
            Email = invitation.Email,
            // The address received the link: it is confirmed by the registration itself.
            EmailConfirmed = true,
            PhoneNumber = PersonFields.NormalizePhone(Input.Phone),
            WorkPhone = coordinator ? PersonFields.NormalizePhone(Input.WorkPhone!) : null,
            LastName = PersonFields.Normalize(Input.LastName),
            FirstName = PersonFields.Normalize(Input.FirstName),
            MiddleName = string.IsNullOrWhiteSpace(Input.MiddleName) ? null : PersonFields.Normalize(Input.MiddleName),
            MunicipalityId = invitation.MunicipalityId,
            OrganisationId = organisationId,
            PositionId = Input.PositionId,
            SubjectId = withSubject ? Input.SubjectId : null,
            CreatedAt = now,
        };

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var result = await users.CreateAsync(user, Input.Password);
            if (result.Succeeded)
                result = await users.AddToRoleAsync(user, invitation.Role);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                    ModelState.AddModelError(FieldOf(error), error.Description);
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                await LoadAsync(invitation, ct);
                return Page();
            }

            var saved = await db.TrySaveAsync(() => invitation.Accept(user.Id, now), ct);
            if (saved.Conflicted)
            {
                // Somebody registered through the same link a moment earlier.
                await transaction.RollbackAsync(CancellationToken.None);
                Problem = Used(invitation);
                return Page();
            }
            saved.ReportTo(ModelState);
            if (!saved.Succeeded)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                await LoadAsync(invitation, ct);
                return Page();
            }

            await transaction.CommitAsync(ct);
        }

        await signIn.SignInAsync(user, isPersistent: false);
        return RedirectToPage("/Index", new { area = Roles.Area(invitation.Role) });
    }

    private async Task<Invitation?> FindAsync(CancellationToken ct)
    {
        // The token must not leave the page in a Referer header.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        var hash = Invitation.HashOf(Token);
        var invitation = hash is null ? null : await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        switch (invitation?.StateAt(region.Now))
        {
            case null:
                Problem = ("Приглашение не найдено",
                    "Ссылка неверна или повреждена. Скопируйте её из письма целиком или попросите того, кто вас пригласил, прислать новое приглашение.",
                    false);
                Response.StatusCode = StatusCodes.Status404NotFound;
                return null;
            case InvitationState.Accepted:
                Problem = Used(invitation);
                Response.StatusCode = StatusCodes.Status410Gone;
                return null;
            case InvitationState.Expired:
                Problem = ("Срок действия приглашения истёк",
                    $"Приглашение действовало до {invitation.ExpiresAt.ToRegionDateTime()}. Попросите {Invitation.InviterOf(invitation.Role).Accusative}, который вас пригласил, прислать новое приглашение.",
                    false);
                Response.StatusCode = StatusCodes.Status410Gone;
                return null;
            default:
                return invitation;
        }
    }

    private static (string, string, bool) Used(Invitation invitation) =>
        ("Приглашение уже использовано",
            $"По этой ссылке уже зарегистрирована учётная запись: ссылка из приглашения действует один раз. Войдите в систему со своим логином и паролем; если вы забыли логин, обратитесь к {Invitation.InviterOf(invitation.Role).Dative}, который вас пригласил.",
            true);

    private async Task LoadAsync(Invitation invitation, CancellationToken ct)
    {
        IsExpert = invitation.Role == Roles.Expert;
        IsTeacher = invitation.Role == Roles.Teacher;
        IsMunicipalCoordinator = invitation.Role == Roles.MunicipalCoordinator;
        InvitedBy = Invitation.InviterOf(invitation.Role).Nominative;
        RoleName = Roles.DisplayName(invitation.Role);
        Email = invitation.Email;
        ExpiresAt = invitation.ExpiresAt;
        Municipality = await db.MunicipalityNameAsync(invitation.MunicipalityId, ct);
        Organisation = await db.OrganisationNameAsync(invitation.OrganisationId, ct);
        Organisations = await db.OrganisationOptionsAsync(invitation.MunicipalityId, ct);
        Positions = await db.PositionOptionsAsync(ct);
        Subjects = await db.SubjectOptionsAsync(ct);
    }

    private static string FieldOf(IdentityError error) => error.Code switch
    {
        _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => "Input.Password",
        "DuplicateUserName" or "InvalidUserName" => "Input.Login",
        _ => string.Empty,
    };
}
