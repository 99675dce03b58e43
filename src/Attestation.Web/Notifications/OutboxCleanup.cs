using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Attestation.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Notifications;

/// <summary>
/// Letters are personal data: a letter gone (sent, or sent inside a digest) longer than
/// <see cref="JobsOptions.OutboxRetention"/> ago is deleted with its body — the queue page and the application's
/// «Письма по заявлению» then no longer list it. Letters not sent stay for the operator. In batches, the oldest first, by
/// the partial index of gone letters; one instance at a time (an advisory lock).
/// </summary>
public sealed partial class OutboxCleanup(
    AttestationDbContext db,
    RegionTime region,
    IOptions<JobsOptions> options,
    ILogger<OutboxCleanup> logger)
{
    public const int BatchSize = 1000;

    /// <summary>"OUTBOXGC" in ASCII.</summary>
    public const long LockKey = 0x4F55_5442_4F58_4743;

    /// <summary>Deletes the letters past retention; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var before = region.Now - options.Value.OutboxRetention;
        var deleted = 0;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await AdvisoryLock.TryAcquireAsync(db, LockKey, ct))
                break;
            var batch = await db.OutboxMessages
                .Where(m => m.SentAt != null && m.SentAt < before)
                .OrderBy(m => m.SentAt)
                .Take(BatchSize)
                .ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
            deleted += batch;
            if (batch < BatchSize)
                break;
        }
        if (deleted > 0)
            LogDeleted(logger, deleted, before);
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} letters gone before {Before} deleted from the outbox")]
    private static partial void LogDeleted(ILogger logger, int count, DateTimeOffset before);
}
