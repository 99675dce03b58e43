using Attestation.Web.Notifications;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Jobs;

/// <summary>
/// Runs <see cref="OutboxSender"/> at start-up and then every <see cref="JobsOptions.MailInterval"/>. A failed run (the
/// database restarting, say) is logged and the next one tried on time; the letters wait in the outbox meanwhile.
/// </summary>
public sealed partial class OutboxJob(
    IServiceScopeFactory scopes,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<OutboxJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.MailInterval, time);
        try
        {
            do
            {
                await RunAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The portal is stopping.
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OutboxSender>().RunOnceAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception error)
        {
            LogFailed(logger, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The delivery of the outbox failed; it is tried again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
