using Microsoft.Extensions.Options;

namespace Attestation.Web.Jobs;

/// <summary>
/// Runs <see cref="PeriodClosing"/> at start-up and then every <see cref="JobsOptions.PeriodClosingInterval"/>. A failed
/// run (the database restarting, say) is logged and the next one tried on time: the job never stops the portal.
/// </summary>
public sealed partial class PeriodClosingJob(
    IServiceScopeFactory scopes,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<PeriodClosingJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PeriodClosingInterval, time);
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
            await scope.ServiceProvider.GetRequiredService<PeriodClosing>().RunOnceAsync(stoppingToken);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "The automatic closing of periods failed; it is tried again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
