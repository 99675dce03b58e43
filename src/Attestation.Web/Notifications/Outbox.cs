using Attestation.Web.Data;

namespace Attestation.Web.Notifications;

/// <summary>A letter as composed: both bodies, ready for the outbox.</summary>
public sealed record EmailMessage(string To, string Subject, string PlainText, string Html);

/// <summary>
/// A letter to queue, with what it is about: the person (his list in the portal gets <see cref="Notice"/>) and the
/// application (its history lists the letter).
/// </summary>
public sealed record OutgoingLetter(LetterKind Kind, EmailMessage Message)
{
    public Guid? UserId { get; init; }

    public Guid? ApplicationId { get; init; }

    /// <summary>The notice in the person's own list; none for a letter that only makes sense by mail (a reset link).</summary>
    public PortalNotice? Notice { get; init; }

    /// <summary>The absolute address of the page concerned (a daily digest links its line to it).</summary>
    public string? Link { get; init; }

    /// <summary>Kept for the person's daily digest instead of going out on its own.</summary>
    public bool Held { get; init; }
}

/// <summary>What the bell's list says: one sentence and the path of the page concerned.</summary>
public sealed record PortalNotice(string Text, string Link);

/// <summary>
/// The only way a letter leaves the portal: added to the caller's DbContext, so it is saved by the caller's own
/// SaveChanges together with the change it tells about — or not at all when that change is refused or rolled back.
/// No request talks to an SMTP server; <see cref="OutboxSender"/> does, in the background.
/// </summary>
public sealed class Outbox(AttestationDbContext db, TimeProvider time)
{
    /// <summary>Queues <paramref name="letter"/>; the caller saves. False when there is no address to write to (the
    /// notice in the portal is queued all the same).</summary>
    public bool Queue(OutgoingLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var now = time.GetUtcNow();
        if (letter is { UserId: { } userId, Notice: { } notice })
        {
            db.Notifications.Add(new Notification
            {
                UserId = userId,
                Kind = letter.Kind,
                ApplicationId = letter.ApplicationId,
                CreatedAt = now,
                Title = Truncate(letter.Message.Subject, Notification.TitleMaxLength),
                Text = notice.Text,
                Link = notice.Link,
            });
        }

        var to = letter.Message.To.Trim();
        if (to.Length == 0)
            return false;
        db.OutboxMessages.Add(new OutboxMessage
        {
            Kind = letter.Kind,
            To = to,
            UserId = letter.UserId,
            ApplicationId = letter.ApplicationId,
            // A header cannot span lines: a pasted line break would otherwise break the letter.
            Subject = Truncate(string.Join(' ', letter.Message.Subject.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim(),
                OutboxMessage.SubjectMaxLength),
            PlainText = letter.Message.PlainText,
            Html = letter.Message.Html,
            Summary = letter.Notice?.Text,
            Link = letter.Link,
            MessageKey = Guid.CreateVersion7(),
            QueuedAt = now,
            Status = letter.Held ? OutboxStatus.Held : OutboxStatus.Waiting,
            NextAttemptAt = now,
        });
        return true;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
