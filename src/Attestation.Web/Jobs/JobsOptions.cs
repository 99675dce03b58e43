namespace Attestation.Web.Jobs;

public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// Run the background jobs in this process. On by default: every portal instance may run them, the jobs take a
    /// database lock so that only one acts at a time. The web tests turn them off and call the jobs' cores directly.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the closing of periods after the 12th is checked.</summary>
    public TimeSpan PeriodClosingInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often the operator's control table is counted (<see cref="Areas.Operator.Pages.Control.ControlCounting"/>).
    /// The page shows the counted numbers while they are younger than two intervals, and counts itself otherwise.
    /// </summary>
    public TimeSpan ControlCountingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How old the counted control table (and every figure counted ahead but the monitoring) may be and still be shown.</summary>
    public TimeSpan ControlCountsMaxAge => 2 * ControlCountingInterval;

    /// <summary>
    /// How often the region's «Мониторинг» of the last twelve months is counted ahead (by the same job, on the first of
    /// its runs this long after the last count). The monitoring is figures by month: a country's twelve months are
    /// 2.5 s of PostgreSQL's time, which every minute was most of the job's and disturbed the pages served meanwhile.
    /// </summary>
    public TimeSpan MonitoringCountingInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How old a monitoring report counted ahead (the region's or a municipality's kept one) may be and still be shown.</summary>
    public TimeSpan MonitoringMaxAge => 2 * MonitoringCountingInterval;

    /// <summary>How often the outbox is looked at for letters due (new ones and retries).</summary>
    public TimeSpan MailInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the reminders due today are looked for (each goes once a day whatever the interval).</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a letter gone (sent, or inside a digest) is kept, body and all, before the cleanup deletes it.</summary>
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(180);

    /// <summary>How often the cleanup of old letters runs.</summary>
    public TimeSpan OutboxCleanupInterval { get; set; } = TimeSpan.FromHours(6);
}
