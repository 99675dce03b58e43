using System.ComponentModel.DataAnnotations;
using Attestation.Domain;
using Attestation.Domain.Directory;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Directories.Subjects;

/// <summary>«Предметы / направления»: the list and a new one.</summary>
public sealed class IndexModel(AttestationDbContext db) : PageModel
{
    [BindProperty]
    public SubjectInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<Subject> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && await SubjectInput.IsTakenAsync(db, Input.Name, null, ct))
            ModelState.AddModelError("Input.Name", SubjectInput.Duplicate(Input.Name));
        if (ModelState.IsValid)
        {
            try
            {
                var subject = new Subject(Input.Name!);
                db.Subjects.Add(subject);
                await db.SaveChangesAsync(ct);
                StatusMessage = $"Предмет «{subject.Name}» добавлен.";
                return RedirectToPage();
            }
            catch (DomainException error)
            {
                ModelState.AddModelError(string.Empty, error.Message);
            }
            catch (DbUpdateException error) when (DirectoryNames.IsUniqueViolation(error))
            {
                ModelState.AddModelError("Input.Name", SubjectInput.Duplicate(Input.Name));
            }
        }

        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Rows = await db.Subjects.AsNoTracking().OrderBy(s => !s.IsActive).ThenBy(s => s.Name).ToListAsync(ct);
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
