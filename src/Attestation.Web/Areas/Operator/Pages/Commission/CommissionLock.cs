using Attestation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Commission;

/// <summary>
/// One PostgreSQL advisory lock for changes to the commission's lists: «an application sits in one meeting» spans two
/// meetings' rows, which no row version covers, so two operators adding the same application to two meetings at once
/// are serialised here; so are a meeting's creation and the recording of an order (a double submit waits for the first
/// and then finds its work done). Transaction-scoped: released by the commit or rollback.
/// </summary>
public static class CommissionLock
{
    /// <summary>An arbitrary constant that no other lock of the portal uses ("COMMISS" in ASCII).</summary>
    public const long Key = 0x0043_4F4D_4D49_5353;

    public static async Task AcquireAsync(AttestationDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("The commission lock is taken inside a transaction.");
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({Key})", ct);
    }
}
