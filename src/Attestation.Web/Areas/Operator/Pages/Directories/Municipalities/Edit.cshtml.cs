using System.ComponentModel.DataAnnotations;
using DirectoryMunicipality = Attestation.Domain.Directory.Municipality;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Directories.Municipalities;

/// <summary>
/// A municipality created or changed; deactivated (no longer offered in the lists, kept for the applications that
/// name it) or activated again. Municipalities are never deleted: people, schools and applications belong to them.
/// </summary>
public sealed class EditModel(AttestationDbContext db)
    : DirectoryEntryPage<DirectoryMunicipality>(db, EntryWords.Municipality)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int? Id { get; private set; }

    public bool IsActive { get; private set; } = true;

    public IReadOnlyList<PersonRow> Coordinators { get; private set; } = [];

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
        var municipality = await Db.Municipalities.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (municipality is null)
            return NotFound();
        Input = new InputModel
        {
            Name = municipality.Name,
            ShortName = municipality.ShortName,
            IsRegionalPseudo = municipality.IsRegionalPseudo,
            HandsConclusionsToSubjectGroup = municipality.HandsConclusionsToSubjectGroup,
        };
        ShowVersionOf(municipality);
        await LoadAsync(municipality, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        DirectoryMunicipality? municipality = null;
        if (id is not null)
        {
            municipality = await Db.Municipalities.SingleOrDefaultAsync(m => m.Id == id, ct);
            if (municipality is null)
                return NotFound();
        }

        if (ModelState.IsValid)
        {
            var names = await Db.Municipalities.AsNoTracking().Where(m => m.Id != id).Select(m => m.Name).ToListAsync(ct);
            if (names.Any(n => DirectoryNames.Same(n, Input.Name)))
                ModelState.AddModelError("Input.Name", Duplicate());
        }

        if (ModelState.IsValid)
        {
            var saved = await TrySaveAsync(() =>
            {
                if (municipality is null)
                    return Db.Municipalities.Add(new DirectoryMunicipality(Input.Name!, Input.ShortName, Input.IsRegionalPseudo,
                        Input.HandsConclusionsToSubjectGroup)).Entity;
                municipality.Rename(Input.Name!, Input.ShortName);
                municipality.ChangeConclusionRouting(Input.HandsConclusionsToSubjectGroup);
                return municipality;
            }, Duplicate(), added: false, ct);
            if (saved is not null)
                return RedirectToPage("./Index");
        }

        if (municipality is not null && id is not null)
        {
            await Db.Entry(municipality).ReloadAsync(ct);
            await LoadAsync(municipality, ct);
        }
        return Page();
    }

    private string Duplicate() => $"Муниципальное образование «{Input.Name?.Trim()}» уже есть в справочнике.";

    private async Task LoadAsync(DirectoryMunicipality municipality, CancellationToken ct)
    {
        Id = municipality.Id;
        IsActive = municipality.IsActive;
        Coordinators = await Db.CoordinatorsOf([municipality.Id]).AsNoTracking().ToListAsync(ct);
    }
}
