using Attestation.Domain;
using Attestation.Domain.Directory;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Directories.Subjects;

/// <summary>A subject renamed; deactivated or activated; deleted only while nothing refers to it.</summary>
public sealed class EditModel(AttestationDbContext db) : PageModel
{
    [BindProperty]
    public SubjectInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public Subject Subject { get; private set; } = null!;

    public DirectoryUsage.Usage Usage { get; private set; } = new(0, 0, 0);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var subject = await db.Subjects.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subject is null)
            return NotFound();
        Input = new SubjectInput { Name = subject.Name };
        await LoadAsync(subject, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var subject = await db.Subjects.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subject is null)
            return NotFound();
        if (ModelState.IsValid && await SubjectInput.IsTakenAsync(db, Input.Name, id, ct))
            ModelState.AddModelError("Input.Name", SubjectInput.Duplicate(Input.Name));
        if (ModelState.IsValid)
        {
            try
            {
                subject.Rename(Input.Name!);
                await db.SaveChangesAsync(ct);
                StatusMessage = $"Предмет «{subject.Name}» сохранён.";
                return RedirectToPage("./Index");
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

        await db.Entry(subject).ReloadAsync(ct);
        await LoadAsync(subject, ct);
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken ct) => SetActiveAsync(id, false, ct);

    public Task<IActionResult> OnPostActivateAsync(int id, CancellationToken ct) => SetActiveAsync(id, true, ct);

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var subject = await db.Subjects.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subject is null)
            return NotFound();

        var usage = await db.OfSubjectAsync(id, ct);
        if (!usage.InUse)
        {
            db.Subjects.Remove(subject);
            try
            {
                await db.SaveChangesAsync(ct);
                StatusMessage = $"Предмет «{subject.Name}» удалён.";
                return RedirectToPage("./Index");
            }
            catch (DbUpdateException error) when (DirectoryNames.IsForeignKeyViolation(error))
            {
                db.ChangeTracker.Clear();
                usage = await db.OfSubjectAsync(id, ct);
            }
        }

        StatusMessage = $"Предмет «{subject.Name}» нельзя удалить: на него ссылаются {usage.Text}. Его можно только отключить.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> SetActiveAsync(int id, bool active, CancellationToken ct)
    {
        var subject = await db.Subjects.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subject is null)
            return NotFound();
        if (active)
            subject.Activate();
        else
            subject.Deactivate();
        await db.SaveChangesAsync(ct);
        StatusMessage = active
            ? $"Предмет «{subject.Name}» снова в списках."
            : $"Предмет «{subject.Name}» отключён: он больше не предлагается в списках; заявления и пользователи сохраняются.";
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(Subject subject, CancellationToken ct)
    {
        Subject = subject;
        Usage = await db.OfSubjectAsync(subject.Id, ct);
    }
}
