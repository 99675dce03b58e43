using Attestation.Domain.Directory;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Directories.Subjects;

/// <summary>A subject renamed; deactivated or activated; deleted only while nothing refers to it.</summary>
public sealed class EditModel(AttestationDbContext db) : DirectoryEntryPage<Subject>(db, EntryWords.Subject)
{
    [BindProperty]
    public SubjectInput Input { get; set; } = new();

    public Subject Subject { get; private set; } = null!;

    public DirectoryUsage.Usage Usage { get; private set; } = new(0, 0, 0);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var subject = await Db.Subjects.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subject is null)
            return NotFound();
        Input = new SubjectInput { Name = subject.Name };
        ShowVersionOf(subject);
        await LoadAsync(subject, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var subject = await FindAsync(id, ct);
        if (subject is null)
            return NotFound();
        if (ModelState.IsValid && await SubjectInput.IsTakenAsync(Db, Input.Name, id, ct))
            ModelState.AddModelError("Input.Name", SubjectInput.Duplicate(Input.Name));
        if (ModelState.IsValid)
        {
            var saved = await TrySaveAsync(() =>
            {
                subject.Rename(Input.Name!);
                return subject;
            }, SubjectInput.Duplicate(Input.Name), added: false, ct);
            if (saved is not null)
                return RedirectToPage("./Index");
        }

        await Db.Entry(subject).ReloadAsync(ct);
        await LoadAsync(subject, ct);
        return Page();
    }

    public Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        DeleteAsync(id, Db.OfSubjectAsync, _ => null, ct);

    private async Task LoadAsync(Subject subject, CancellationToken ct)
    {
        Subject = subject;
        Usage = await Db.OfSubjectAsync(subject.Id, ct);
    }
}
