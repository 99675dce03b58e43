using System.ComponentModel.DataAnnotations;
using Attestation.Domain;
using Attestation.Domain.Directory;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Directories.Organisations;

/// <summary>
/// An organisation created or changed; deactivated (it disappears from the registration and profile lists) or activated;
/// deleted only while nothing refers to it.
/// </summary>
public sealed class EditModel(AttestationDbContext db) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public int? Id { get; private set; }

    public bool IsActive { get; private set; } = true;

    public DirectoryUsage.Usage Usage { get; private set; } = new(0, 0, 0);

    public List<SelectListItem> Municipalities { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Выберите муниципальное образование.")]
        [Display(Name = "Муниципальное образование")]
        public int? MunicipalityId { get; set; }

        [Required(ErrorMessage = "Укажите наименование.")]
        [StringLength(Organisation.NameMaxLength, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Полное наименование")]
        public string? Name { get; set; }

        [StringLength(Organisation.ShortNameMaxLength, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Краткое наименование")]
        public string? ShortName { get; set; }

        [Display(Name = "Профессиональная образовательная организация (СПО)")]
        public bool IsVocational { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, int? municipalityId, CancellationToken ct)
    {
        if (id is null)
        {
            Input.MunicipalityId = municipalityId;
            await LoadAsync(null, ct);
            return Page();
        }

        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
            return NotFound();
        Input = new InputModel
        {
            MunicipalityId = organisation.MunicipalityId,
            Name = organisation.Name,
            ShortName = organisation.ShortName,
            IsVocational = organisation.IsVocational,
        };
        await LoadAsync(organisation, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Organisation? organisation = null;
        if (id is not null)
        {
            organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct);
            if (organisation is null)
                return NotFound();
        }

        if (ModelState.IsValid)
            await CheckAsync(organisation, ct);

        if (ModelState.IsValid)
        {
            try
            {
                if (organisation is null)
                {
                    organisation = new Organisation(Input.MunicipalityId!.Value, Input.Name!, Input.ShortName, Input.IsVocational);
                    db.Organisations.Add(organisation);
                }
                else
                {
                    organisation.Rename(Input.Name!, Input.ShortName);
                    organisation.MarkVocational(Input.IsVocational);
                    organisation.MoveToMunicipality(Input.MunicipalityId!.Value);
                }
                await db.SaveChangesAsync(ct);
                StatusMessage = $"Организация «{organisation.Name}» сохранена.";
                return RedirectToPage("./Index", new { municipalityId = organisation.MunicipalityId });
            }
            catch (DomainException error)
            {
                ModelState.AddModelError(string.Empty, error.Message);
            }
            catch (DbUpdateException error) when (DirectoryNames.IsUniqueViolation(error))
            {
                ModelState.AddModelError("Input.Name", Duplicate());
            }
        }

        if (organisation is not null && id is not null)
            await db.Entry(organisation).ReloadAsync(ct);
        await LoadAsync(id is null ? null : organisation, ct);
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken ct) => SetActiveAsync(id, false, ct);

    public Task<IActionResult> OnPostActivateAsync(int id, CancellationToken ct) => SetActiveAsync(id, true, ct);

    /// <summary>Only an organisation nothing refers to, e.g. one entered by mistake.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
            return NotFound();

        var usage = await db.OfOrganisationAsync(id, ct);
        if (!usage.InUse)
        {
            db.Organisations.Remove(organisation);
            try
            {
                await db.SaveChangesAsync(ct);
                StatusMessage = $"Организация «{organisation.Name}» удалена.";
                return RedirectToPage("./Index", new { municipalityId = organisation.MunicipalityId });
            }
            catch (DbUpdateException error) when (DirectoryNames.IsForeignKeyViolation(error))
            {
                db.ChangeTracker.Clear();
                usage = await db.OfOrganisationAsync(id, ct);
            }
        }

        StatusMessage = $"Организацию «{organisation.Name}» нельзя удалить: на неё ссылаются {usage.Text}. Её можно только отключить.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> SetActiveAsync(int id, bool active, CancellationToken ct)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
            return NotFound();
        if (active)
            organisation.Activate();
        else
            organisation.Deactivate();
        await db.SaveChangesAsync(ct);
        StatusMessage = active
            ? $"Организация «{organisation.Name}» снова в списках."
            : $"Организация «{organisation.Name}» отключена: она больше не предлагается при регистрации и в профилях; заявления и пользователи сохраняются.";
        return RedirectToPage(new { id });
    }

    /// <summary>
    /// The name is unique within the municipality; a new organisation goes into an active municipality; an organisation
    /// people or applications refer to stays in its municipality (their municipality would no longer match).
    /// </summary>
    private async Task CheckAsync(Organisation? organisation, CancellationToken ct)
    {
        var municipalityId = Input.MunicipalityId!.Value;
        var municipality = await db.Municipalities.AsNoTracking().SingleOrDefaultAsync(m => m.Id == municipalityId, ct);
        if (municipality is null || (!municipality.IsActive && organisation?.MunicipalityId != municipalityId))
            ModelState.AddModelError("Input.MunicipalityId", "Выберите муниципальное образование из списка.");

        if (organisation is not null && organisation.MunicipalityId != municipalityId
            && (await db.OfOrganisationAsync(organisation.Id, ct)).InUse)
            ModelState.AddModelError("Input.MunicipalityId",
                "Организацию, в которой работают пользователи или на которую ссылаются заявления, нельзя перенести в другой муниципалитет.");

        var names = await db.Organisations.AsNoTracking()
            .Where(o => o.MunicipalityId == municipalityId && o.Id != (organisation == null ? 0 : organisation.Id))
            .Select(o => o.Name)
            .ToListAsync(ct);
        if (names.Any(n => DirectoryNames.Same(n, Input.Name)))
            ModelState.AddModelError("Input.Name", Duplicate());
    }

    private string Duplicate() => $"Организация «{Input.Name?.Trim()}» уже есть в этом муниципальном образовании.";

    private async Task LoadAsync(Organisation? organisation, CancellationToken ct)
    {
        Municipalities = await db.MunicipalityChoicesAsync(includeInactive: false, ct, alsoId: organisation?.MunicipalityId);
        if (organisation is null)
            return;
        Id = organisation.Id;
        IsActive = organisation.IsActive;
        Usage = await db.OfOrganisationAsync(organisation.Id, ct);
    }
}
