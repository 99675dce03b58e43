using System.ComponentModel.DataAnnotations;
using Attestation.Domain.Directory;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Directories.Subjects;

/// <summary>«Предметы / направления»: the list and a new one.</summary>
public sealed class IndexModel(AttestationDbContext db) : DirectoryPage(db, EntryWords.Subject)
{
    [BindProperty]
    public SubjectInput Input { get; set; } = new();

    public IReadOnlyList<Subject> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && await SubjectInput.IsTakenAsync(Db, Input.Name, null, ct))
            ModelState.AddModelError("Input.Name", SubjectInput.Duplicate(Input.Name));
        if (ModelState.IsValid)
        {
            var entry = await TrySaveAsync(() => Db.Subjects.Add(new Subject(Input.Name!)).Entity, SubjectInput.Duplicate(Input.Name), added: true, ct);
            if (entry is not null)
                return RedirectToPage();
        }

        Db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Rows = await Db.Subjects.AsNoTracking().OrderBy(s => !s.IsActive).ThenBy(s => s.Name).ToListAsync(ct);
}

public sealed class SubjectInput
{
    [Required(ErrorMessage = "Укажите предмет.")]
    [StringLength(Subject.NameMaxLength, ErrorMessage = "Не более {1} символов.")]
    [Display(Name = "Предмет (направление) в родительном падеже")]
    public string? Name { get; set; }

    public static async Task<bool> IsTakenAsync(AttestationDbContext db, string? name, int? exceptId, CancellationToken ct) =>
        (await db.Subjects.AsNoTracking().Where(s => s.Id != exceptId).Select(s => s.Name).ToListAsync(ct))
            .Any(n => DirectoryNames.Same(n, name));

    public static string Duplicate(string? name) => $"Предмет «{name?.Trim()}» уже есть в справочнике.";
}
