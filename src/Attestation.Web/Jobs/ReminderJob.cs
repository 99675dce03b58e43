using Attestation.Web.Notifications;
using Attestation.Web.Notifications.Reminders;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Jobs;

/// <summary>
/// Runs the reminders and the daily digests at start-up and then every <see cref="JobsOptions.ReminderInterval"/>: each
/// run queues what is due today and not queued yet (the unique keys make a second run, or a second instance, queue
/// nothing). Each reminder in a scope of its own, so that one failing leaves the others to go.
/// </summary>
public sealed partial class ReminderJob(
    IServiceScopeFactory scopes,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<ReminderJob> logger) : PeriodicJob(scopes, time, logger)
{
    protected override TimeSpan Interval => options.Value.ReminderInterval;

    protected override string Name => "the reminders";

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var kinds = services.GetServices<IReminder>().Select(r => r.GetType()).ToList();
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        foreach (var kind in kinds)
            await RunScopedAsync(scopes, kind.Name, s => ((IReminder)s.GetRequiredService(kind)).RunOnceAsync(ct), ct);
        await RunScopedAsync(scopes, nameof(DailyDigests), s => s.GetRequiredService<DailyDigests>().RunOnceAsync(ct), ct);
    }

    private async Task RunScopedAsync(IServiceScopeFactory scopes, string name, Func<IServiceProvider, Task<int>> run,
        CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await run(scope.ServiceProvider);
        }
        catch (Exception error) when (!ct.IsCancellationRequested)
        {
            LogFailed(logger, name, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The reminder {Reminder} failed; it is tried again at the next interval")]
    private static partial void LogFailed(ILogger logger, string reminder, Exception error);
}
