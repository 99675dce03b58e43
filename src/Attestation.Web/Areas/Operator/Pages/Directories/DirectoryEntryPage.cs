using Attestation.Domain;
using Attestation.Domain.Directory;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Directories;

/// <summary>
/// What every directory page does the same way: saving the form with the domain's and the database's objections shown
/// next to the fields, and the status message after the redirect.
/// </summary>
public abstract class DirectoryPage(AttestationDbContext db, EntryWords words) : PageModel
{
    /// <summary>The shadow xmin property of the entries whose edit form carries their version.</summary>
    public const string VersionProperty = "Version";

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>The entry's version the form was read at (entries with <see cref="VersionProperty"/>); sent back with it.</summary>
    [BindProperty]
    public uint? Version { get; set; }

    protected AttestationDbContext Db => db;

    /// <summary>Puts the entry's current version into the form.</summary>
    protected void ShowVersionOf<T>(T entry)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (db.Entry(entry).Metadata.FindProperty(VersionProperty) is not null)
        {
            ModelState.Remove(nameof(Version));
            Version = db.Entry(entry).Property<uint>(VersionProperty).CurrentValue;
        }
    }

    protected EntryWords Words => words;

    /// <summary>
    /// Applies the form (<paramref name="apply"/> may throw the domain's objection) and saves; on success the status
    /// message is set and the saved entry returned, otherwise the objection is in ModelState and null is returned.
    /// </summary>
    protected async Task<T?> TrySaveAsync<T>(Func<T> apply, string duplicate, bool added, CancellationToken ct)
        where T : class, IDirectoryEntry
    {
        ArgumentNullException.ThrowIfNull(apply);
        T? changing = null;
        var saved = await db.TrySaveAsync(() =>
        {
            var entry = changing = apply();
            // The save is checked against the version the form was read at, not the one just loaded.
            var tracked = db.Entry(entry);
            if (Version is { } seen && tracked.State == EntityState.Modified && tracked.Metadata.FindProperty(VersionProperty) is not null)
                tracked.Property<uint>(VersionProperty).OriginalValue = seen;
        }, ct, duplicate: duplicate);
        if (saved.Succeeded)
        {
            StatusMessage = added ? words.Added(changing!.Name) : words.Saved(changing!.Name);
            return changing;
        }

        if (saved.Conflicted)
        {
            // Nothing typed is lost: the form shows it again with the current version, and saving it is a conscious choice.
            ModelState.AddModelError(string.Empty,
                $"Запись «{changing?.Name}» изменили, пока вы её редактировали. Ваши данные остались в форме: проверьте запись и сохраните ещё раз.");
            if (changing is not null)
            {
                await db.Entry(changing).ReloadAsync(ct);
                ShowVersionOf(changing);
            }
        }
        else
        {
            saved.ReportTo(ModelState, saved.Duplicated ? "Input.Name" : "");
        }

        return null;
    }
}

/// <summary>
/// An entry's own page: besides saving, switching the entry off and on, and deleting it only while nothing refers to it.
/// </summary>
public abstract class DirectoryEntryPage<TEntry>(AttestationDbContext db, EntryWords words) : DirectoryPage(db, words)
    where TEntry : class, IDirectoryEntry
{
    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken ct) => SetActiveAsync(id, false, ct);

    public Task<IActionResult> OnPostActivateAsync(int id, CancellationToken ct) => SetActiveAsync(id, true, ct);

    protected Task<TEntry?> FindAsync(int id, CancellationToken ct) =>
        Db.Set<TEntry>().SingleOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>Deletes an entry nothing refers to; otherwise says what refers to it and that it can only be switched off.</summary>
    protected async Task<IActionResult> DeleteAsync(
        int id,
        Func<int, CancellationToken, Task<DirectoryUsage.Usage>> usageOf,
        Func<TEntry, object?> listRoute,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(usageOf);
        ArgumentNullException.ThrowIfNull(listRoute);
        var entry = await FindAsync(id, ct);
        if (entry is null)
            return NotFound();

        var usage = await usageOf(id, ct);
        if (!usage.InUse)
        {
            Db.Set<TEntry>().Remove(entry);
            try
            {
                await Db.SaveChangesAsync(ct);
                StatusMessage = Words.Deleted(entry.Name);
                return RedirectToPage("./Index", listRoute(entry));
            }
            catch (DbUpdateException error) when (DbErrors.IsForeignKeyViolation(error))
            {
                // Someone referred to it between the check and the delete.
                Db.ChangeTracker.Clear();
                usage = await usageOf(id, ct);
            }
        }

        StatusMessage = Words.CannotDelete(entry.Name, usage);
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> SetActiveAsync(int id, bool active, CancellationToken ct)
    {
        var entry = await FindAsync(id, ct);
        if (entry is null)
            return NotFound();
        if (active)
            entry.Activate();
        else
            entry.Deactivate();
        await Db.SaveChangesAsync(ct);
        StatusMessage = active ? Words.Activated(entry.Name) : Words.Deactivated(entry.Name);
        return RedirectToPage(new { id });
    }
}
