using System.Net.Sockets;
using Attestation.Web.Data;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Attestation.Web.Notifications;

/// <summary>
/// Delivers the outbox. Safe with any number of senders at once (portal instances, or a test's parallel runs): each
/// claims a batch of due letters in one statement (<c>FOR UPDATE SKIP LOCKED</c>) and marks them with its lease, so no
/// other sender takes them until the lease runs out; it sends only while its lease holds and records the outcome only
/// on letters it still holds. A failed attempt is recorded with the server's answer and tried again later, the wait
/// doubling each time; after <see cref="EmailOptions.MaxAttempts"/> (or at once when the server refuses the letter
/// itself) the letter is «failed» and waits for the operator's «Отправить повторно». Nothing is ever deleted.
/// </summary>
/// <remarks>
/// A sender that dies after the server took a letter but before recording it leaves the letter to be sent again when
/// its lease runs out: the only duplicate possible, and it carries the same Message-Id.
/// </remarks>
public sealed partial class OutboxSender(
    AttestationDbContext db,
    MailTransport transport,
    TimeProvider time,
    IOptions<EmailOptions> options,
    ILogger<OutboxSender> logger)
{
    private readonly EmailOptions _options = options.Value;

    /// <summary>Sends every letter due now, batch after batch; returns how many went. Stops early when the server
    /// cannot be reached: the next run tries again.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var sent = 0;
        while (true)
        {
            var lease = Guid.NewGuid();
            var batch = await ClaimAsync(lease, ct);
            if (batch.Count == 0)
                return sent;
            var (delivered, reachable) = await DeliverAsync(batch, lease, ct);
            sent += delivered;
            if (!reachable)
                return sent;
        }
    }

    private async Task<List<OutboxMessage>> ClaimAsync(Guid lease, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var until = now + _options.Lease;
        var waiting = nameof(OutboxStatus.Waiting);
        // One statement, its own transaction: the rows another sender is claiming at this instant are skipped, and a
        // row it claimed a moment ago fails the lease test when re-read.
        var ids = await db.Database.SqlQuery<long>($"""
            UPDATE "OutboxMessages"
            SET "LeaseId" = {lease}, "LeaseUntil" = {until}, "Attempts" = "Attempts" + 1, "LastAttemptAt" = {now}
            WHERE "Id" IN (
                SELECT "Id" FROM "OutboxMessages"
                WHERE "Status" = {waiting} AND "NextAttemptAt" <= {now} AND ("LeaseUntil" IS NULL OR "LeaseUntil" < {now})
                ORDER BY "NextAttemptAt", "Id"
                LIMIT {_options.BatchSize}
                FOR UPDATE SKIP LOCKED)
            RETURNING "Id" AS "Value"
            """).ToListAsync(ct);
        if (ids.Count == 0)
            return [];
        return await db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(ct);
    }

    private async Task<(int Delivered, bool Reachable)> DeliverAsync(List<OutboxMessage> batch, Guid lease, CancellationToken ct)
    {
        var delivered = 0;
        await using var session = transport.Open();
        for (var i = 0; i < batch.Count; i++)
        {
            var letter = batch[i];
            // Never send on a lease about to run out: another sender may take the letter then.
            if (time.GetUtcNow() + _options.Timeout >= letter.LeaseUntil)
            {
                await ReleaseAsync(batch.Skip(i), lease);
                return (delivered, true);
            }

            MimeMessage message;
            try
            {
                message = transport.Compose(letter);
            }
            catch (ParseException error)
            {
                await RecordFailureAsync(letter, lease, $"Адрес не распознан: {error.Message}", permanent: true);
                continue;
            }

            try
            {
                await session.SendAsync(message, ct);
            }
            catch (SmtpCommandException error) when (error.ErrorCode is SmtpErrorCode.RecipientNotAccepted
                or SmtpErrorCode.SenderNotAccepted or SmtpErrorCode.MessageNotAccepted)
            {
                // The server refused this letter (the recipient, the sender, the message): 5xx is final, 4xx is «later».
                await RecordFailureAsync(letter, lease, $"{(int)error.StatusCode} {error.Message}", permanent: (int)error.StatusCode >= 500);
                continue;
            }
            catch (Exception error) when (IsUnreachable(error, ct))
            {
                // The server is down or the connection broke: the rest of the batch would fail the same way.
                LogUnreachable(logger, error);
                foreach (var left in batch.Skip(i))
                    await RecordFailureAsync(left, lease, error.Message, permanent: false);
                return (delivered, false);
            }

            await RecordSentAsync(letter, lease);
            delivered++;
        }
        return (delivered, true);
    }

    private static bool IsUnreachable(Exception error, CancellationToken ct) =>
        error is SocketException or IOException or ProtocolException or SmtpCommandException or AuthenticationException
            or SslHandshakeException or TimeoutException
        || (error is OperationCanceledException && !ct.IsCancellationRequested);

    // The outcome is recorded whatever happens to the caller's token: a letter handed over must not be sent again.
    private async Task RecordSentAsync(OutboxMessage letter, Guid lease)
    {
        var now = time.GetUtcNow();
        await db.OutboxMessages.Where(m => m.Id == letter.Id && m.LeaseId == lease)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.LeaseId, (Guid?)null)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
        LogSent(logger, letter.Id, letter.To, letter.Subject);
    }

    private async Task RecordFailureAsync(OutboxMessage letter, Guid lease, string error, bool permanent)
    {
        var now = time.GetUtcNow();
        var gaveUp = permanent || letter.Attempts >= _options.MaxAttempts;
        var next = now + RetryDelay(letter.Attempts);
        var reason = error.Length <= OutboxMessage.ErrorMaxLength ? error : error[..OutboxMessage.ErrorMaxLength];
        await db.OutboxMessages.Where(m => m.Id == letter.Id && m.LeaseId == lease)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, gaveUp ? OutboxStatus.Failed : OutboxStatus.Waiting)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LastError, reason)
                .SetProperty(m => m.LeaseId, (Guid?)null)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
        LogNotSent(logger, letter.Id, letter.To, letter.Attempts, reason);
    }

    /// <summary>Letters taken but not tried: back to the queue, their attempt not counted.</summary>
    private async Task ReleaseAsync(IEnumerable<OutboxMessage> letters, Guid lease)
    {
        var ids = letters.Select(l => l.Id).ToList();
        await db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.LeaseId == lease)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, m => m.Attempts - 1)
                .SetProperty(m => m.LeaseId, (Guid?)null)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
    }

    /// <summary>1, 2, 4, 8… times <see cref="EmailOptions.RetryDelay"/>, never more than <see cref="EmailOptions.MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(_options.RetryDelay.Ticks * factor, _options.MaxRetryDelay.Ticks));
        return delay;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Letter {Id} sent to {To}: {Subject}")]
    private static partial void LogSent(ILogger logger, long id, string to, string subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Letter {Id} to {To} not sent (attempt {Attempts}): {Error}")]
    private static partial void LogNotSent(ILogger logger, long id, string to, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mail server cannot be reached; the letters wait for the next run")]
    private static partial void LogUnreachable(ILogger logger, Exception error);
}
