using System.ComponentModel.DataAnnotations;
using Attestation.Domain;
using Attestation.Domain.Categories;
using Attestation.Domain.Names;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Teacher.Pages.Profile;

/// <summary>
/// «Личный кабинет» of a teacher: who he is, where he works, the categories he holds, and how the documents decline his
/// name («от Ивановой Марии Петровны»), which he may correct.
/// </summary>
public sealed class IndexModel(
    AttestationDbContext db,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    RegionTime region) : PageModel
{
    // Each of the two forms posts only its own fields; the names keep the other model from binding to the empty
    // prefix, where its «required» errors would hide under keys nobody clears.
    [BindProperty(Name = nameof(Input))]
    public ProfileInput Input { get; set; } = new();

    [BindProperty(Name = nameof(Category))]
    public CategoryInput Category { get; set; } = new();

    [BindProperty(Name = nameof(Genitive))]
    public GenitiveInput Genitive { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public string Login { get; private set; } = "";
    public IReadOnlyList<HeldCategory> Categories { get; private set; } = [];
    public List<SelectListItem> Municipalities { get; private set; } = [];
    public List<SelectListItem> Organisations { get; private set; } = [];
    public List<SelectListItem> Positions { get; private set; } = [];
    public List<SelectListItem> Subjects { get; private set; } = [];

    /// <summary>«Ивановой Марии Петровны» as the documents print it now: the teacher's correction, or else the rules'.</summary>
    public string PrintedGenitive { get; private set; } = "";

    public bool HasGenitiveCorrection { get; private set; }

    /// <summary>A correction written for an earlier name: kept, but no longer printed.</summary>
    public GenitiveCorrection? StaleGenitive { get; private set; }

    public sealed class GenitiveInput
    {
        [Required(ErrorMessage = "Укажите фамилию, имя и отчество в родительном падеже.")]
        [RegularExpression(GenitiveCorrection.InputPattern, ErrorMessage = GenitiveCorrection.InvalidMessage)]
        [StringLength(GenitiveCorrection.MaxLength, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Фамилия, имя, отчество в родительном падеже (кого?)")]
        public string? FullName { get; set; }
    }

    public sealed class CategoryInput
    {
        [Required(ErrorMessage = "Выберите категорию.")]
        [Display(Name = "Категория")]
        public QualificationCategory? Kind { get; set; }

        [Required(ErrorMessage = "Укажите должность, по которой установлена категория.")]
        [StringLength(HeldCategory.PositionNameMaxLength, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "По должности")]
        public string? PositionName { get; set; }

        [Required(ErrorMessage = "Укажите дату установления.")]
        [Display(Name = "Дата установления")]
        public DateOnly? SetOn { get; set; }

        [StringLength(HeldCategory.DecisionNumberMaxLength, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Номер распоряжения")]
        public string? DecisionNumber { get; set; }

        [Display(Name = "Дата распоряжения")]
        public DateOnly? DecisionDate { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await CurrentUserAsync(ct);
        Input = ProfileInput.From(user);
        await LoadAsync(user, ct);
        Genitive.FullName = PrintedGenitive;
        return Page();
    }

    /// <summary>Without scripts, choosing a municipality posts the form back to list its organisations.</summary>
    public async Task<IActionResult> OnPostMunicipalityAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Input.OrganisationId = null;
        await LoadAsync(await CurrentUserAsync(ct), ct);
        Genitive.FullName = PrintedGenitive;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await CurrentUserAsync(ct);
        ClearErrorsOf(nameof(Category));
        ClearErrorsOf(nameof(Genitive));
        await db.CheckWorkplaceAsync(ModelState, "Input", Input.MunicipalityId, Input.OrganisationId, Input.PositionId,
            Input.SubjectId, ct);
        if (!ModelState.IsValid)
        {
            await LoadAsync(user, ct);
            Genitive.FullName = PrintedGenitive;
            return Page();
        }

        // Saved meanwhile in another tab: nothing is overwritten, nothing typed is lost.
        if (AccountVersions.IsStale(user, Input, ModelState, nameof(Input)))
        {
            await LoadAsync(user, ct);
            Genitive.FullName = PrintedGenitive;
            return Page();
        }

        user.LastName = PersonFields.Normalize(Input.LastName);
        user.FirstName = PersonFields.Normalize(Input.FirstName);
        user.MiddleName = string.IsNullOrWhiteSpace(Input.MiddleName) ? null : PersonFields.Normalize(Input.MiddleName);
        user.PhoneNumber = PersonFields.NormalizePhone(Input.Phone);
        user.MunicipalityId = Input.MunicipalityId;
        user.OrganisationId = Input.OrganisationId;
        user.PositionId = Input.PositionId;
        user.SubjectId = Input.SubjectId;
        var result = await users.SetEmailAsync(user, Input.Email.Trim());
        if (result.Succeeded)
            result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            var conflict = await AccountVersions.ReportConflictAsync(db, user, result.Errors, ModelState, Input, nameof(Input), ct);
            foreach (var error in conflict ? [] : result.Errors)
                ModelState.AddModelError(error.Code.Contains("Email", StringComparison.Ordinal) ? "Input.Email" : string.Empty,
                    error.Description);
            await LoadAsync(user, ct);
            Genitive.FullName = PrintedGenitive;
            return Page();
        }

        // The short name in the navigation bar comes from the cookie.
        await signIn.RefreshSignInAsync(user);
        StatusMessage = "Профиль сохранён.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAddCategoryAsync(CancellationToken ct)
    {
        var user = await CurrentUserAsync(ct);
        ClearErrorsOf(nameof(Input));
        ClearErrorsOf(nameof(Genitive));
        if (Category.Kind == QualificationCategory.None)
            ModelState.AddModelError("Category.Kind", "Выберите категорию.");
        if (Category.SetOn > region.Today)
            ModelState.AddModelError("Category.SetOn", "Дата установления не может быть в будущем.");
        if (Category.DecisionDate > region.Today)
            ModelState.AddModelError("Category.DecisionDate", "Дата распоряжения не может быть в будущем.");
        if (ModelState.IsValid)
        {
            var saved = await db.TrySaveAsync(() => db.HeldCategories.Add(HeldCategory.Record(user.Id, Category.Kind!.Value,
                Category.PositionName!, Category.SetOn!.Value, Category.DecisionNumber, Category.DecisionDate)), ct);
            if (!saved.ReportTo(ModelState, "Category.Kind"))
            {
                StatusMessage = "Квалификационная категория добавлена.";
                return RedirectToPage();
            }
        }

        Input = ProfileInput.From(user);
        await LoadAsync(user, ct);
        Genitive.FullName = PrintedGenitive;
        return Page();
    }

    /// <summary>The teacher's own genitive of his name, for his current name; the rules' own result clears it.</summary>
    public async Task<IActionResult> OnPostGenitiveAsync(CancellationToken ct)
    {
        var user = await CurrentUserAsync(ct);
        ClearErrorsOf(nameof(Input));
        ClearErrorsOf(nameof(Category));
        if (ModelState.IsValid)
        {
            var saved = await db.TrySaveAsync(
                () => user.CorrectGenitive(new GenitiveCorrection(NameOf(user).FullName, Genitive.FullName!)), ct);
            if (!saved.ReportTo(ModelState, "Genitive.FullName"))
            {
                StatusMessage = user.GenitiveFullName is null
                    ? "Имя в родительном падеже совпадает с автоматическим склонением: документы склоняют его по правилам."
                    : $"Имя в родительном падеже сохранено: документы напечатают «от {user.GenitiveFullName}».";
                return RedirectToPage();
            }
        }

        Input = ProfileInput.From(user);
        await LoadAsync(user, ct);
        return Page();
    }

    /// <summary>«Склонять автоматически»: drops the correction.</summary>
    public async Task<IActionResult> OnPostResetGenitiveAsync(CancellationToken ct)
    {
        var user = await CurrentUserAsync(ct);
        user.CorrectGenitive(null);
        await db.SaveChangesAsync(ct);
        StatusMessage = "Имя в документах снова склоняется автоматически.";
        return RedirectToPage();
    }

    private static PersonName NameOf(AppUser user) => new(user.LastName, user.FirstName, user.MiddleName);

    private void ClearErrorsOf(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
            ModelState.Remove(key);
    }

    private async Task<AppUser> CurrentUserAsync(CancellationToken ct)
    {
        var id = User.UserId();
        return await db.Users.SingleAsync(u => u.Id == id, ct);
    }

    private async Task LoadAsync(AppUser user, CancellationToken ct)
    {
        Login = user.UserName ?? "";
        Categories = await db.HeldCategories.AsNoTracking()
            .Where(c => c.TeacherId == user.Id)
            .OrderByDescending(c => c.SetOn)
            .ToListAsync(ct);
        Municipalities = await db.MunicipalityOptionsAsync(ct);
        Organisations = await db.OrganisationOptionsAsync(Input.MunicipalityId, ct);
        Positions = await db.PositionOptionsAsync(ct);
        Subjects = await db.SubjectOptionsAsync(ct);

        var name = NameOf(user);
        var correction = user.GenitiveCorrection;
        PrintedGenitive = name.FullNameGenitiveWith(correction);
        HasGenitiveCorrection = correction?.AppliesTo(name) == true;
        StaleGenitive = correction is not null && !HasGenitiveCorrection ? correction : null;
    }
}
