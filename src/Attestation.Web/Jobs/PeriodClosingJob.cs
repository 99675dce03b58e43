using Microsoft.Extensions.Options;

namespace Attestation.Web.Jobs;

/// <summary>Runs <see cref="PeriodClosing"/> at start-up and then every <see cref="JobsOptions.PeriodClosingInterval"/>.</summary>
public sealed class PeriodClosingJob(
    IServiceScopeFactory scopes,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<PeriodClosingJob> logger) : PeriodicJob(scopes, time, logger)
{
    protected override TimeSpan Interval => options.Value.PeriodClosingInterval;

    protected override string Name => "the automatic closing of periods";

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<PeriodClosing>().RunOnceAsync(ct);
}
