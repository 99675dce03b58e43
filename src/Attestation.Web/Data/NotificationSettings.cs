namespace Attestation.Web.Data;

/// <summary>
/// A person's choices about letters, in the database (the portal runs as several stateless instances): the daily digest
/// instead of single event letters (coordinators and experts), and his private calendar feed, whose secret address is
/// kept only as a hash. The reminders he switched off are <see cref="ReminderOptOut"/> rows. No row: the defaults
/// (every reminder, letters one by one, no feed).
/// </summary>
public sealed class NotificationSettings
{
    /// <summary>SHA-256 of the feed's token, in lower-case hex.</summary>
    public const int TokenHashLength = 64;

    public Guid UserId { get; set; }

    /// <summary>Event letters (not reminders, not letters about one's own application) held and sent once a day.</summary>
    public bool DailyDigest { get; set; }

    /// <summary>The hash of the calendar feed's secret; null when he has no feed (or switched it off).</summary>
    public string? CalendarTokenHash { get; set; }

    public DateTimeOffset? CalendarTokenIssuedAt { get; set; }

    /// <summary>Set on every save, so that the row's version moves even when only the switched-off reminders changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A reminder a person has switched off: the job does not write to him about that kind.</summary>
public sealed class ReminderOptOut
{
    public Guid UserId { get; set; }

    public NotificationKind Kind { get; set; }
}
