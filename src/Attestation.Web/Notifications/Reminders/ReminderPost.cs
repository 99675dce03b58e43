using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Notifications.Reminders;

/// <summary>One person's reminder of the day: the letter, and the application when it is about one only.</summary>
public sealed record ReminderLetter(Recipient To, string Subject, string Path, string LinkText, IReadOnlyList<string> Paragraphs)
{
    public Guid? ApplicationId { get; init; }
}

/// <summary>A reminder of the background job: queues what is due today and not queued yet.</summary>
public interface IReminder
{
    NotificationKind Kind { get; }

    /// <summary>Returns how many letters it queued.</summary>
    Task<int> RunOnceAsync(CancellationToken ct);
}

/// <summary>
/// How every reminder goes out: not to a person who switched its kind off, and exactly once a day however many runs
/// and instances — the day's reminder of a person is claimed by the unique (person, kind, day) key of
/// <see cref="NotificationLog"/> in the transaction that queues the letter, so a second run (or a runner racing this
/// one, which waits on the key) finds it taken. Each letter in its own transaction: one person's failure leaves the
/// others' letters sent and his own for the next run.
/// </summary>
public sealed partial class ReminderPost(
    AttestationDbContext db,
    LetterComposer letters,
    RegionTime region,
    ILogger<ReminderPost> logger)
{
    public async Task<int> SendAsync(NotificationKind kind, IReadOnlyCollection<ReminderLetter> due, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(due);
        if (due.Count == 0)
            return 0;
        var ids = due.Select(l => l.To.UserId).Distinct().ToList();
        var muted = (await db.ReminderOptOuts.AsNoTracking()
                .Where(o => o.Kind == kind && ids.Contains(o.UserId))
                .Select(o => o.UserId)
                .ToListAsync(ct))
            .ToHashSet();
        var today = region.Today;
        var letterKind = ReminderKinds.Of(kind).Letter;
        var queued = 0;
        foreach (var letter in due.Where(l => !muted.Contains(l.To.UserId)).OrderBy(l => l.To.UserId))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await ClaimAsync(letter.To.UserId, kind, today, ct))
                continue;
            // A reminder is already one letter a day: never held for the digest.
            letters.Queue(letter.To with { DailyDigest = false }, letterKind, letter.Subject, letter.Path, letter.ApplicationId,
                letter.LinkText, [.. letter.Paragraphs]);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            queued++;
        }
        if (queued > 0)
            LogQueued(logger, queued, kind, today);
        return queued;
    }

    /// <summary>
    /// Takes the (person, kind, day) key in the caller's transaction; false when it is taken (the key of a transaction
    /// still open elsewhere is waited for: taken if that one commits, free if it rolls back).
    /// </summary>
    public async Task<bool> ClaimAsync(Guid userId, NotificationKind kind, DateOnly today, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A reminder is claimed in the transaction that queues it.");
        var claimed = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "NotificationLogs" ("UserId", "Kind", "SentOn", "SentAt", "SentBy")
            VALUES ({userId}, {kind.ToString()}, {today}, {region.Now}, NULL)
            ON CONFLICT ("UserId", "Kind", "SentOn") DO NOTHING
            """, ct);
        return claimed > 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} reminders {Kind} queued for {Today}")]
    private static partial void LogQueued(ILogger logger, int count, NotificationKind kind, DateOnly today);
}
