namespace Attestation.Web.Jobs;

/// <summary>
/// A job of the portal's: run at start-up and then every <see cref="Interval"/> of <see cref="TimeProvider"/>, each run
/// in a scope of its own. A failed run (the database restarting, say) is logged and the next one tried on time: a job
/// never stops the portal.
/// </summary>
public abstract partial class PeriodicJob(IServiceScopeFactory scopes, TimeProvider time, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>What the log calls the job when a run fails.</summary>
    protected abstract string Name { get; }

    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
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
            await RunOnceAsync(scope.ServiceProvider, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception error)
        {
            LogFailed(logger, Name, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The job {Job} failed; it is tried again at the next interval")]
    private static partial void LogFailed(ILogger logger, string job, Exception error);
}
