using System.ComponentModel.DataAnnotations;
using Attestation.Domain;
using DirectoryMunicipality = Attestation.Domain.Directory.Municipality;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Directories.Municipalities;

/// <summary>
/// A municipality created or changed; deactivated (no longer offered in the lists, kept for the applications that
/// name it) or activated again. Municipalities are never deleted: people, schools and applications belong to them.
/// </summary>
public sealed class EditModel(AttestationDbContext db) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public int? Id { get; private set; }

    public bool IsActive { get; private set; } = true;

    public IReadOnlyList<DirectoryUsage.Coordinator> Coordinators { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Укажите наименование.")]
        [StringLength(DirectoryMunicipality.NameMaxLength, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Наименование")]
        public string? Name { get; set; }

        [StringLength(DirectoryMunicipality.ShortNameMaxLength, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Краткое наименование")]
        public string? ShortName { get; set; }

        [Display(Name = "Областные образовательные учреждения (не муниципалитет)")]
        public bool IsRegionalPseudo { get; set; }

        [Display(Name = "Сдача заключений через руководителя предметной группы")]
        public bool HandsConclusionsToSubjectGroup { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is null)
            return Page();
        var municipality = await db.Municipalities.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (municipality is null)
            return NotFound();
        Input = new InputModel
        {
            Name = municipality.Name,
            ShortName = municipality.ShortName,
            IsRegionalPseudo = municipality.IsRegionalPseudo,
            HandsConclusionsToSubjectGroup = municipality.HandsConclusionsToSubjectGroup,
        };
        await LoadAsync(municipality, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        DirectoryMunicipality? municipality = null;
        if (id is not null)
        {
            municipality = await db.Municipalities.SingleOrDefaultAsync(m => m.Id == id, ct);
            if (municipality is null)
                return NotFound();
        }

        if (ModelState.IsValid)
        {
            var names = await db.Municipalities.AsNoTracking().Where(m => m.Id != id).Select(m => m.Name).ToListAsync(ct);
            if (names.Any(n => DirectoryNames.Same(n, Input.Name)))
                ModelState.AddModelError("Input.Name", $"Муниципальное образование «{Input.Name!.Trim()}» уже есть в справочнике.");
        }

        if (ModelState.IsValid)
        {
            try
            {
                if (municipality is null)
                {
                    municipality = new DirectoryMunicipality(Input.Name!, Input.ShortName, Input.IsRegionalPseudo,
                        Input.HandsConclusionsToSubjectGroup);
                    db.Municipalities.Add(municipality);
                }
                else
                {
                    municipality.Rename(Input.Name!, Input.ShortName);
                    municipality.ChangeConclusionRouting(Input.HandsConclusionsToSubjectGroup);
                }
                await db.SaveChangesAsync(ct);
                StatusMessage = $"Муниципальное образование «{municipality.Name}» сохранено.";
                return RedirectToPage("./Index");
            }
            catch (DomainException error)
            {
                ModelState.AddModelError(string.Empty, error.Message);
            }
            catch (DbUpdateException error) when (DirectoryNames.IsUniqueViolation(error))
            {
                ModelState.AddModelError("Input.Name", $"Муниципальное образование «{Input.Name!.Trim()}» уже есть в справочнике.");
            }
        }

        if (municipality is not null && id is not null)
        {
            await db.Entry(municipality).ReloadAsync(ct);
            await LoadAsync(municipality, ct);
        }
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken ct) =>
        SetActiveAsync(id, false, ct);

    public Task<IActionResult> OnPostActivateAsync(int id, CancellationToken ct) =>
        SetActiveAsync(id, true, ct);

    private async Task<IActionResult> SetActiveAsync(int id, bool active, CancellationToken ct)
    {
        var municipality = await db.Municipalities.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (municipality is null)
            return NotFound();
        if (active)
            municipality.Activate();
        else
            municipality.Deactivate();
        await db.SaveChangesAsync(ct);
        StatusMessage = active
            ? $"Муниципальное образование «{municipality.Name}» снова в списках."
            : $"Муниципальное образование «{municipality.Name}» отключено: оно больше не предлагается в списках, заявления и пользователи сохраняются.";
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(DirectoryMunicipality municipality, CancellationToken ct)
    {
        Id = municipality.Id;
        IsActive = municipality.IsActive;
        Coordinators = await db.CoordinatorsOf([municipality.Id]).AsNoTracking().ToListAsync(ct);
    }
}
