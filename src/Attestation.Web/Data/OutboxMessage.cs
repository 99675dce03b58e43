namespace Attestation.Web.Data;

/// <summary>Which letter a message is: the queue page and the application's history name it. Stored by name.</summary>
public enum LetterKind
{
    Invitation,
    PasswordReset,
    Registered,
    Rejected,
    WithdrawalRegistered,
    SubmissionReminder,
    ConclusionAttached,
    Scheduled,
    Decision,
    ConclusionVerified,
    MeetingSet,
    ApplicationSubmitted,
    WithdrawalFiled,
    ScheduleApproved,
    ExpertAssigned,
    ExpertReleased,
    ConsiderationReminder,
    DraftReminder,
    CategoryExpiryReminder,
    RegistrationReminder,
    ScheduleReminder,
    ExpertPreparationReminder,
    ConclusionReminder,
    SchedulesBehindReminder,
    ConclusionsBehindReminder,
    DailyDigest,
}

/// <summary>
/// Where a message is on its way: waiting for the sender (retries included), sent, or given up; or, for a person who
/// chose the daily digest, held for it and then gone out inside it.
/// </summary>
public enum OutboxStatus
{
    Waiting,
    Sent,
    Failed,

    /// <summary>Kept for the person's daily digest (<see cref="Notifications.DailyDigests"/>); the sender never takes it.</summary>
    Held,

    /// <summary>Gone out inside a daily digest (at <see cref="OutboxMessage.SentAt"/>), not on its own.</summary>
    Digested,
}

/// <summary>
/// One e-mail in the outbox. Written in the same SaveChanges (and so the same transaction) as the change it tells
/// about: a change rolled back leaves no letter, a change saved always has its letter, whatever the SMTP server does.
/// The background sender (<see cref="Notifications.OutboxSender"/>) claims it with a lease, sends it and records how
/// it went.
/// </summary>
public sealed class OutboxMessage
{
    public const int AddressMaxLength = 256;
    public const int SubjectMaxLength = 300;
    public const int ErrorMaxLength = 1000;

    public long Id { get; set; }

    public LetterKind Kind { get; set; }

    public string To { get; set; } = "";

    /// <summary>The person the letter is for, when he has an account (an invitation goes to an address only).</summary>
    public Guid? UserId { get; set; }

    /// <summary>The application the letter is about: its history lists the letter.</summary>
    public Guid? ApplicationId { get; set; }

    public string Subject { get; set; } = "";

    public string PlainText { get; set; } = "";

    public string Html { get; set; } = "";

    /// <summary>What the letter says in one sentence (the notice's text): its line in a daily digest.</summary>
    public string? Summary { get; set; }

    /// <summary>The absolute address of the page concerned: the digest links each line to it.</summary>
    public string? Link { get; set; }

    /// <summary>The Message-Id of every attempt: a letter delivered twice (a sender dying after the server took it)
    /// is recognisably the same letter.</summary>
    public Guid MessageKey { get; set; }

    public DateTimeOffset QueuedAt { get; set; }

    public OutboxStatus Status { get; set; }

    /// <summary>Attempts since the letter was queued or last put back by the operator.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>The sender holding the letter, until <see cref="LeaseUntil"/>; a sender that died loses it then.</summary>
    public Guid? LeaseId { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The SMTP server's (or the network's) last answer when an attempt failed.</summary>
    public string? LastError { get; set; }

    /// <summary>«Отправить повторно» is for a letter given up, and only for it.</summary>
    public bool CanRetry => Status == OutboxStatus.Failed;

    /// <summary>Back to the queue, due now, with a fresh count of attempts; the last error stays until it goes.</summary>
    public void Retry(DateTimeOffset now)
    {
        if (!CanRetry)
            throw new Domain.DomainException(Status is OutboxStatus.Sent or OutboxStatus.Digested
                ? "Письмо уже отправлено: повторная отправка не нужна."
                : "Письмо уже в очереди на отправку.");
        Status = OutboxStatus.Waiting;
        Attempts = 0;
        NextAttemptAt = now;
        LeaseId = null;
        LeaseUntil = null;
    }
}

/// <summary>
/// One notice in a person's own list in the portal (the bell): what happened, with a link to the page concerned.
/// Written beside the letter, in the same save; a person without an e-mail address still gets it.
/// </summary>
public sealed class Notification
{
    public const int TitleMaxLength = 300;
    public const int LinkMaxLength = 500;

    public long Id { get; set; }

    public Guid UserId { get; set; }

    public LetterKind Kind { get; set; }

    public Guid? ApplicationId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string Title { get; set; } = "";

    public string Text { get; set; } = "";

    /// <summary>A path inside the portal («/Teacher/Applications/Details/…»), never an absolute address.</summary>
    public string Link { get; set; } = "";

    public DateTimeOffset? ReadAt { get; set; }
}
