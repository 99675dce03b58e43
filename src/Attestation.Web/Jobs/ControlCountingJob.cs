using Attestation.Web.Areas.Operator.Pages.Control;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Jobs;

/// <summary>Runs <see cref="ControlCounting"/> at start-up and then every <see cref="JobsOptions.ControlCountingInterval"/>.</summary>
public sealed class ControlCountingJob(
    IServiceScopeFactory scopes,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<ControlCountingJob> logger) : PeriodicJob(scopes, time, logger)
{
    protected override TimeSpan Interval => options.Value.ControlCountingInterval;

    protected override string Name => "the counting of the control table";

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<ControlCounting>().RunOnceAsync(ct);
}
