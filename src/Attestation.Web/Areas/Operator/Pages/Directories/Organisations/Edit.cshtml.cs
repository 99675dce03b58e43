using System.ComponentModel.DataAnnotations;
using Attestation.Domain.Directory;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Directories.Organisations;

/// <summary>
/// An organisation created or changed; deactivated (it disappears from the registration and profile lists) or activated;
/// deleted only while nothing refers to it.
/// </summary>
public sealed class EditModel(AttestationDbContext db) : DirectoryEntryPage<Organisation>(db, EntryWords.Organisation)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

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

        var organisation = await Db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
            return NotFound();
        ShowVersionOf(organisation);
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
            organisation = await Db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct);
            if (organisation is null)
                return NotFound();
        }

        // «Добавить» sent twice (a double click, a second tab, a repeated post) lands on the organisation already there.
        if (organisation is null && ModelState.IsValid && await SameNamedAsync(ct) is { } existing)
            return LandOn(existing);

        if (ModelState.IsValid)
            await CheckAsync(organisation, ct);

        if (ModelState.IsValid)
        {
            var saved = await TrySaveAsync(() =>
            {
                if (organisation is null)
                    return Db.Organisations.Add(new Organisation(Input.MunicipalityId!.Value, Input.Name!, Input.ShortName, Input.IsVocational)).Entity;
                organisation.Rename(Input.Name!, Input.ShortName);
                organisation.MarkVocational(Input.IsVocational);
                organisation.MoveToMunicipality(Input.MunicipalityId!.Value);
                return organisation;
            }, Duplicate(), added: false, ct);
            if (saved is not null)
                return RedirectToPage("./Index", new { municipalityId = saved.MunicipalityId });
            // The same post a moment earlier won the unique index: this one lands on what it created.
            if (organisation is null)
            {
                Db.ChangeTracker.Clear();
                if (await SameNamedAsync(ct) is { } created)
                    return LandOn(created);
            }
        }

        if (organisation is not null && id is not null)
            await Db.Entry(organisation).ReloadAsync(ct);
        await LoadAsync(id is null ? null : organisation, ct);
        return Page();
    }

    /// <summary>Only an organisation nothing refers to, e.g. one entered by mistake.</summary>
    public Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        DeleteAsync(id, Db.OfOrganisationAsync, organisation => new { municipalityId = organisation.MunicipalityId }, ct);

    /// <summary>
    /// The name is unique within the municipality; a new organisation goes into an active municipality; an organisation
    /// people or applications refer to stays in its municipality (their municipality would no longer match).
    /// </summary>
    private async Task CheckAsync(Organisation? organisation, CancellationToken ct)
    {
        var municipalityId = Input.MunicipalityId!.Value;
        var municipality = await Db.Municipalities.AsNoTracking().SingleOrDefaultAsync(m => m.Id == municipalityId, ct);
        if (municipality is null || (!municipality.IsActive && organisation?.MunicipalityId != municipalityId))
            ModelState.AddModelError("Input.MunicipalityId", "Выберите муниципальное образование из списка.");

        if (organisation is not null && organisation.MunicipalityId != municipalityId
            && (await Db.OfOrganisationAsync(organisation.Id, ct)).InUse)
            ModelState.AddModelError("Input.MunicipalityId",
                "Организацию, в которой работают пользователи или на которую ссылаются заявления, нельзя перенести в другой муниципалитет.");

        // A new one of the same name lands on the existing one (see OnPostAsync); a renamed one must not take another's name.
        if (organisation is null)
            return;
        var names = await Db.Organisations.AsNoTracking()
            .Where(o => o.MunicipalityId == municipalityId && o.Id != organisation.Id)
            .Select(o => o.Name)
            .ToListAsync(ct);
        if (names.Any(n => DirectoryNames.Same(n, Input.Name)))
            ModelState.AddModelError("Input.Name", Duplicate());
    }

    private async Task<Organisation?> SameNamedAsync(CancellationToken ct)
    {
        var municipalityId = Input.MunicipalityId!.Value;
        var candidates = await Db.Organisations.AsNoTracking().Where(o => o.MunicipalityId == municipalityId).ToListAsync(ct);
        return candidates.Find(o => DirectoryNames.Same(o.Name, Input.Name));
    }

    private RedirectToPageResult LandOn(Organisation existing)
    {
        StatusMessage = $"Организация «{existing.Name}» уже есть в справочнике этого муниципального образования: новая запись не создана.";
        return RedirectToPage("./Index", new { municipalityId = existing.MunicipalityId });
    }

    private string Duplicate() => $"Организация «{Input.Name?.Trim()}» уже есть в этом муниципальном образовании.";

    private async Task LoadAsync(Organisation? organisation, CancellationToken ct)
    {
        Municipalities = await Db.MunicipalityChoicesAsync(includeInactive: false, ct, alsoId: organisation?.MunicipalityId);
        if (organisation is null)
            return;
        Id = organisation.Id;
        IsActive = organisation.IsActive;
        Usage = await Db.OfOrganisationAsync(organisation.Id, ct);
    }
}
