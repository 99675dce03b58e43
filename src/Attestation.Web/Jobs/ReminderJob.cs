using Attestation.Web.Notifications;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Jobs;

/// <summary>
/// Runs the reminders at start-up and then every <see cref="JobsOptions.ReminderInterval"/>: each run queues what is due
/// today and not queued yet (the reminders' own unique keys make a second run, or a second instance, queue nothing).
/// </summary>
public sealed class ReminderJob(
    IServiceScopeFactory scopes,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<ReminderJob> logger) : PeriodicJob(scopes, time, logger)
{
    protected override TimeSpan Interval => options.Value.ReminderInterval;

    protected override string Name => "the reminders";

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<ConsiderationReminders>().RunOnceAsync(ct);
}
