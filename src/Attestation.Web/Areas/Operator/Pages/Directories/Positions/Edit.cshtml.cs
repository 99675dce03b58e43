using Attestation.Domain.Directory;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Directories.Positions;

/// <summary>A position renamed or reclassified; deactivated or activated; deleted only while nothing refers to it.</summary>
public sealed class EditModel(AttestationDbContext db) : DirectoryEntryPage<Position>(db, EntryWords.Position)
{
    [BindProperty]
    public PositionInput Input { get; set; } = new();

    public Position Position { get; private set; } = null!;

    public DirectoryUsage.Usage Usage { get; private set; } = new(0, 0, 0);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var position = await Db.Positions.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (position is null)
            return NotFound();
        Input = new PositionInput { Name = position.Name, IsVocational = position.IsVocational, IsMethodist = position.IsMethodist };
        ShowVersionOf(position);
        await LoadAsync(position, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var position = await FindAsync(id, ct);
        if (position is null)
            return NotFound();
        if (ModelState.IsValid && await PositionInput.IsTakenAsync(Db, Input.Name, id, ct))
            ModelState.AddModelError("Input.Name", PositionInput.Duplicate(Input.Name));
        if (ModelState.IsValid)
        {
            var saved = await TrySaveAsync(() =>
            {
                position.Rename(Input.Name!);
                position.Classify(Input.IsVocational, Input.IsMethodist);
                return position;
            }, PositionInput.Duplicate(Input.Name), added: false, ct);
            if (saved is not null)
                return RedirectToPage("./Index");
        }

        await Db.Entry(position).ReloadAsync(ct);
        await LoadAsync(position, ct);
        return Page();
    }

    public Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        DeleteAsync(id, Db.OfPositionAsync, _ => null, ct);

    private async Task LoadAsync(Position position, CancellationToken ct)
    {
        Position = position;
        Usage = await Db.OfPositionAsync(position.Id, ct);
    }
}
