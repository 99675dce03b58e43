using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Jobs;

/// <summary>
/// The automatic closing of periods after the 12th of the month before they start (SPEC §4), in the region's zone.
/// Idempotent and safe with several portal instances: a run that finds the lock taken does nothing, and a run after
/// another one finds the periods already closed.
/// </summary>
public sealed partial class PeriodClosing(AttestationDbContext db, RegionTime region, ILogger<PeriodClosing> logger)
{
    /// <summary>Closes every open period whose schedule deadline has passed; returns how many it closed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await PeriodLock.TryAcquireAsync(db, ct))
        {
            LogSkipped(logger);
            return 0;
        }

        var now = region.Now;
        var open = await db.Periods.Where(p => !p.IsClosed).ToListAsync(ct);
        var closed = open.Where(p => p.CloseAutomaticallyIfDue(now, region.Zone)).ToList();
        if (closed.Count > 0)
            await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        foreach (var period in closed)
            LogClosed(logger, period.Name);
        return closed.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Period {Period} closed automatically: its schedule deadline has passed")]
    private static partial void LogClosed(ILogger logger, string period);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Period closing skipped: another instance holds the lock")]
    private static partial void LogSkipped(ILogger logger);
}
