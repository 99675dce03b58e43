using Attestation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Jobs;

/// <summary>
/// PostgreSQL's transaction-scoped advisory locks, by which the portal's instances take turns: released by the commit or
/// the rollback, so a crashed instance cannot leave one held. Each user of a lock owns its key.
/// </summary>
public static class AdvisoryLock
{
    /// <summary>Takes the lock if nobody holds it; false otherwise. Needs an open transaction.</summary>
    public static async Task<bool> TryAcquireAsync(AttestationDbContext db, long key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        EnsureTransaction(db);
        return await db.Database
            .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({key}) AS \"Value\"")
            .SingleAsync(ct);
    }

    /// <summary>Waits for the lock. Needs an open transaction.</summary>
    public static async Task AcquireAsync(AttestationDbContext db, long key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        EnsureTransaction(db);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
    }

    private static void EnsureTransaction(AttestationDbContext db)
    {
        // Outside a transaction the lock would be released at once, by the statement's own implicit transaction.
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("An advisory lock is taken inside a transaction.");
    }
}
