namespace Attestation.Web.Data;

/// <summary>What a reminder was about. Stored by name.</summary>
public enum NotificationKind
{
    /// <summary>«Отправить уведомление»: a teacher registered in the portal but has not submitted an application.</summary>
    SubmissionReminder = 0,

    /// <summary>The coordinator's daily reminder of the applications at day 23 of their 30-day clock.</summary>
    ConsiderationReminder = 1,
}

/// <summary>
/// One reminder sent to one person. The unique (person, kind, region day) key is what keeps a coordinator who presses
/// «Отправить уведомление всем» twice — or two coordinators at once — from mailing a teacher twice in a day.
/// </summary>
public sealed class NotificationLog
{
    public long Id { get; set; }

    public Guid UserId { get; set; }

    public NotificationKind Kind { get; set; }

    /// <summary>The region's calendar day of sending.</summary>
    public DateOnly SentOn { get; set; }

    public DateTimeOffset SentAt { get; set; }

    public Guid? SentBy { get; set; }
}
