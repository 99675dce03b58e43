using Attestation.Domain;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Infrastructure;

/// <summary>
/// What a save came to: done, or refused with the Russian sentence to show (the domain's own refusal, a change made
/// meanwhile by somebody else, a duplicate).
/// </summary>
public readonly record struct SaveResult(string? Refusal, SaveFailure Failure = SaveFailure.None)
{
    public static SaveResult Done { get; } = new(null);

    /// <summary>Lost to a change saved meanwhile (the version the form or the request read is gone).</summary>
    public bool Conflicted => Failure == SaveFailure.Conflict;

    /// <summary>Refused by a unique index: the same record exists (often the same form's other post).</summary>
    public bool Duplicated => Failure == SaveFailure.Duplicate;

    public bool Succeeded => Refusal is null;

    /// <summary>Puts the refusal next to the form (keeping what was typed); true when there was one.</summary>
    public bool ReportTo(ModelStateDictionary modelState, string field = "")
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (Refusal is null)
            return false;
        modelState.AddModelError(field, Refusal);
        return true;
    }
}

/// <summary>Why a save did not happen.</summary>
public enum SaveFailure
{
    None,

    /// <summary>The domain refused the change (its own sentence).</summary>
    Refused,

    /// <summary>Somebody saved the record meanwhile.</summary>
    Conflict,

    /// <summary>A unique index refused a second copy.</summary>
    Duplicate,
}

/// <summary>
/// The one save path of the pages: run a domain change, save it, and turn what may go wrong on the way into one
/// wording — a <see cref="DomainException"/> gives its own message, a concurrency conflict
/// <see cref="Notices.ChangedMeanwhile"/> (or the record's own sentence), a unique violation the given duplicate
/// sentence. Anything else is a bug and is not caught. The page then shows a refusal in red (<see cref="Notices.Refuse"/>)
/// or next to the form, and a success in green.
/// </summary>
public static class SafeSave
{
    /// <summary>Runs <paramref name="change"/> on tracked entities and saves.</summary>
    public static Task<SaveResult> TrySaveAsync(this AttestationDbContext db, Action change, CancellationToken ct,
        string? conflict = null, string? duplicate = null) =>
        db.TrySaveAsync(_ =>
        {
            change();
            return Task.CompletedTask;
        }, ct, conflict, duplicate: duplicate);

    /// <summary>
    /// Runs <paramref name="change"/> and saves, in one transaction when <paramref name="inTransaction"/> (for a change
    /// that reads and writes a counter, like a registration number).
    /// </summary>
    public static async Task<SaveResult> TrySaveAsync(this AttestationDbContext db, Func<CancellationToken, Task> change,
        CancellationToken ct, string? conflict = null, bool inTransaction = false, string? duplicate = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            if (inTransaction)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await change(ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            else
            {
                await change(ct);
                await db.SaveChangesAsync(ct);
            }
            return SaveResult.Done;
        }
        catch (DomainException error)
        {
            return new SaveResult(error.Message, SaveFailure.Refused);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SaveResult(conflict ?? Notices.ChangedMeanwhile(), SaveFailure.Conflict);
        }
        catch (DbUpdateException error) when (duplicate is not null && DbErrors.IsUniqueViolation(error))
        {
            return new SaveResult(duplicate, SaveFailure.Duplicate);
        }
    }

    /// <summary>
    /// A domain value built from what the user typed (a name, a number): its refusal goes next to
    /// <paramref name="field"/>, and the result is null.
    /// </summary>
    public static T? TryBuild<T>(this ModelStateDictionary modelState, string field, Func<T> build) where T : class
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(build);
        try
        {
            return build();
        }
        catch (DomainException error)
        {
            modelState.AddModelError(field, error.Message);
            return null;
        }
    }

    /// <summary>Runs a domain change without saving: the refusal's sentence, or null when it was done.</summary>
    public static string? RefusalOf(Action change)
    {
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            change();
            return null;
        }
        catch (DomainException error)
        {
            return error.Message;
        }
    }

    /// <summary>Runs a domain change without saving: the refusal's sentence, or null when it was done.</summary>
    public static async Task<string?> RefusalOfAsync(Func<Task> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            await change();
            return null;
        }
        catch (DomainException error)
        {
            return error.Message;
        }
    }
}
