using Attestation.Web.Data;

namespace Attestation.Web.Jobs;

/// <summary>
/// One PostgreSQL advisory lock for every change of a period's open/closed state: the automatic closing of each portal
/// instance and the operator's own closing and reopening (see <see cref="AdvisoryLock"/>).
/// </summary>
public static class PeriodLock
{
    /// <summary>An arbitrary constant that no other lock of the portal uses ("PERIODS" in ASCII).</summary>
    public const long Key = 0x0050_4552_494F_4453;

    /// <summary>Takes the lock if nobody holds it; false otherwise. Needs an open transaction.</summary>
    public static Task<bool> TryAcquireAsync(AttestationDbContext db, CancellationToken ct) => AdvisoryLock.TryAcquireAsync(db, Key, ct);

    /// <summary>Waits for the lock (a job run takes milliseconds). Needs an open transaction.</summary>
    public static Task AcquireAsync(AttestationDbContext db, CancellationToken ct) => AdvisoryLock.AcquireAsync(db, Key, ct);
}
