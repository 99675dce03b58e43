using System.ComponentModel.DataAnnotations;
using Attestation.Domain.Directory;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Directories.Positions;

/// <summary>«Должности»: the list and a new one.</summary>
public sealed class IndexModel(AttestationDbContext db) : DirectoryPage(db, EntryWords.Position)
{
    [BindProperty]
    public PositionInput Input { get; set; } = new();

    public IReadOnlyList<Position> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && await PositionInput.IsTakenAsync(Db, Input.Name, null, ct))
            ModelState.AddModelError("Input.Name", PositionInput.Duplicate(Input.Name));
        if (ModelState.IsValid)
        {
            var entry = await TrySaveAsync(() => Db.Positions.Add(new Position(Input.Name!, Input.IsVocational, Input.IsMethodist)).Entity, PositionInput.Duplicate(Input.Name), added: true, ct);
            if (entry is not null)
                return RedirectToPage();
        }

        Db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Rows = await Db.Positions.AsNoTracking().OrderBy(p => !p.IsActive).ThenBy(p => p.Name).ToListAsync(ct);
}

public sealed class PositionInput
{
    [Required(ErrorMessage = "Укажите наименование должности.")]
    [StringLength(Position.NameMaxLength, ErrorMessage = "Не более {1} символов.")]
    [Display(Name = "Наименование должности")]
    public string? Name { get; set; }

    [Display(Name = "Должность профессионального образования (преподаватель, мастер п/о)")]
    public bool IsVocational { get; set; }

    [Display(Name = "Методическая должность (методист, старший методист)")]
    public bool IsMethodist { get; set; }

    public static async Task<bool> IsTakenAsync(AttestationDbContext db, string? name, int? exceptId, CancellationToken ct) =>
        (await db.Positions.AsNoTracking().Where(p => p.Id != exceptId).Select(p => p.Name).ToListAsync(ct))
            .Any(n => DirectoryNames.Same(n, name));

    public static string Duplicate(string? name) => $"Должность «{name?.Trim()}» уже есть в справочнике.";
}
