using Attestation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Jobs;

/// <summary>
/// One PostgreSQL advisory lock for every change of a period's open/closed state: the automatic closing of each portal
/// instance and the operator's own closing and reopening. Transaction-scoped, so it is released by the commit or
/// rollback and a crashed instance cannot leave it held.
/// </summary>
public static class PeriodLock
{
    /// <summary>An arbitrary constant that no other lock of the portal uses ("PERIODS" in ASCII).</summary>
    public const long Key = 0x0050_4552_494F_4453;

    /// <summary>Takes the lock if nobody holds it; false otherwise. Needs an open transaction.</summary>
    public static async Task<bool> TryAcquireAsync(AttestationDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        EnsureTransaction(db);
        return await db.Database
            .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({Key}) AS \"Value\"")
            .SingleAsync(ct);
    }

    /// <summary>Waits for the lock (a job run takes milliseconds). Needs an open transaction.</summary>
    public static async Task AcquireAsync(AttestationDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        EnsureTransaction(db);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({Key})", ct);
    }

    private static void EnsureTransaction(AttestationDbContext db)
    {
        // Outside a transaction the lock would be released at once, by the statement's own implicit transaction.
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("The period lock is taken inside a transaction.");
    }
}
