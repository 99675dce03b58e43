using Attestation.Web.Notifications;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Jobs;

/// <summary>Runs <see cref="OutboxCleanup"/> at start-up and then every <see cref="JobsOptions.OutboxCleanupInterval"/>.</summary>
public sealed class OutboxCleanupJob(
    IServiceScopeFactory scopes,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<OutboxCleanupJob> logger) : PeriodicJob(scopes, time, logger)
{
    protected override TimeSpan Interval => options.Value.OutboxCleanupInterval;

    protected override string Name => "the cleanup of the outbox";

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<OutboxCleanup>().RunOnceAsync(ct);
}
