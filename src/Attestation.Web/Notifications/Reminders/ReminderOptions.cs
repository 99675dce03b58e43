namespace Attestation.Web.Notifications.Reminders;

public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>
    /// The holder of a legacy category is reminded three months plus this many days before it ends, so that he has time
    /// to prepare the application he must submit three months before.
    /// </summary>
    public int CategoryExpiryMarginDays { get; set; } = 30;

    /// <summary>The region's time of day from which the daily digests go out (with what was held until then).</summary>
    public TimeSpan DigestTime { get; set; } = TimeSpan.FromHours(8);
}
