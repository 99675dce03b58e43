using Attestation.Domain;
using Attestation.Domain.Directory;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Directories.Positions;

/// <summary>A position renamed or reclassified; deactivated or activated; deleted only while nothing refers to it.</summary>
public sealed class EditModel(AttestationDbContext db) : PageModel
{
    [BindProperty]
    public PositionInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public Position Position { get; private set; } = null!;

    public DirectoryUsage.Usage Usage { get; private set; } = new(0, 0, 0);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var position = await db.Positions.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (position is null)
            return NotFound();
        Input = new PositionInput { Name = position.Name, IsVocational = position.IsVocational, IsMethodist = position.IsMethodist };
        await LoadAsync(position, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var position = await db.Positions.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (position is null)
            return NotFound();
        if (ModelState.IsValid && await PositionInput.IsTakenAsync(db, Input.Name, id, ct))
            ModelState.AddModelError("Input.Name", PositionInput.Duplicate(Input.Name));
        if (ModelState.IsValid)
        {
            try
            {
                position.Rename(Input.Name!);
                position.Classify(Input.IsVocational, Input.IsMethodist);
                await db.SaveChangesAsync(ct);
                StatusMessage = $"Должность «{position.Name}» сохранена.";
                return RedirectToPage("./Index");
            }
            catch (DomainException error)
            {
                ModelState.AddModelError(string.Empty, error.Message);
            }
            catch (DbUpdateException error) when (DirectoryNames.IsUniqueViolation(error))
            {
                ModelState.AddModelError("Input.Name", PositionInput.Duplicate(Input.Name));
            }
        }

        await db.Entry(position).ReloadAsync(ct);
        await LoadAsync(position, ct);
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken ct) => SetActiveAsync(id, false, ct);

    public Task<IActionResult> OnPostActivateAsync(int id, CancellationToken ct) => SetActiveAsync(id, true, ct);

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var position = await db.Positions.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (position is null)
            return NotFound();

        var usage = await db.OfPositionAsync(id, ct);
        if (!usage.InUse)
        {
            db.Positions.Remove(position);
            try
            {
                await db.SaveChangesAsync(ct);
                StatusMessage = $"Должность «{position.Name}» удалена.";
                return RedirectToPage("./Index");
            }
            catch (DbUpdateException error) when (DirectoryNames.IsForeignKeyViolation(error))
            {
                db.ChangeTracker.Clear();
                usage = await db.OfPositionAsync(id, ct);
            }
        }

        StatusMessage = $"Должность «{position.Name}» нельзя удалить: на неё ссылаются {usage.Text}. Её можно только отключить.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> SetActiveAsync(int id, bool active, CancellationToken ct)
    {
        var position = await db.Positions.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (position is null)
            return NotFound();
        if (active)
            position.Activate();
        else
            position.Deactivate();
        await db.SaveChangesAsync(ct);
        StatusMessage = active
            ? $"Должность «{position.Name}» снова в списках."
            : $"Должность «{position.Name}» отключена: она больше не предлагается в списках; заявления и пользователи сохраняются.";
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(Position position, CancellationToken ct)
    {
        Position = position;
        Usage = await db.OfPositionAsync(position.Id, ct);
    }
}
