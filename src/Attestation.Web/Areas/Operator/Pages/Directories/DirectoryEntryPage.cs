using Attestation.Domain;
using Attestation.Domain.Directory;
using Attestation.Web.Data;
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
    [TempData]
    public string? StatusMessage { get; set; }

    protected AttestationDbContext Db => db;

    protected EntryWords Words => words;

    /// <summary>
    /// Applies the form (<paramref name="apply"/> may throw the domain's objection) and saves; on success the status
    /// message is set and the saved entry returned, otherwise the objection is in ModelState and null is returned.
    /// </summary>
    protected async Task<T?> TrySaveAsync<T>(Func<T> apply, string duplicate, bool added, CancellationToken ct)
        where T : class, IDirectoryEntry
    {
        ArgumentNullException.ThrowIfNull(apply);
        try
        {
            var entry = apply();
            await db.SaveChangesAsync(ct);
            StatusMessage = added ? words.Added(entry.Name) : words.Saved(entry.Name);
            return entry;
        }
        catch (DomainException error)
        {
            ModelState.AddModelError(string.Empty, error.Message);
        }
        catch (DbUpdateException error) when (DirectoryNames.IsUniqueViolation(error))
        {
            ModelState.AddModelError("Input.Name", duplicate);
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
            catch (DbUpdateException error) when (DirectoryNames.IsForeignKeyViolation(error))
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
