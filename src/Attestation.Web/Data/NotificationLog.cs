namespace Attestation.Web.Data;

/// <summary>What a reminder was about. Stored by name.</summary>
public enum NotificationKind
{
    /// <summary>«Отправить уведомление»: a teacher registered in the portal but has not submitted an application.</summary>
    SubmissionReminder = 0,

    /// <summary>The coordinator's daily reminder of the applications at day 23 of their 30-day clock.</summary>
    ConsiderationReminder = 1,

    /// <summary>A teacher's draft not submitted for seven days.</summary>
    DraftReminder = 2,

    /// <summary>A teacher's legacy category ends within three months plus the margin, and he has not applied.</summary>
    CategoryExpiryReminder = 3,

    /// <summary>The coordinator on the 9th: applications not registered yet, to be registered by the 11th.</summary>
    RegistrationReminder = 4,

    /// <summary>The coordinator on the 10th: the schedule to complete by the 12th.</summary>
    ScheduleReminder = 5,

    /// <summary>The expert 14 days before the period: prepare, contact the attestees.</summary>
    ExpertPreparationReminder = 6,

    /// <summary>The expert on the 10th of the period's second month: conclusions due by the 15th.</summary>
    ConclusionReminder = 7,

    /// <summary>The operator on the 12th: the municipalities whose schedule is not complete.</summary>
    SchedulesBehindReminder = 8,

    /// <summary>The operator on the 15th of the second month: the municipalities whose conclusions are missing.</summary>
    ConclusionsBehindReminder = 9,

    /// <summary>A coordinator's or expert's one letter a day collecting the event letters held for it.</summary>
    DailyDigest = 10,
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
