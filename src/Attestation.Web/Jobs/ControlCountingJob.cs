using Attestation.Web.Areas.Operator.Pages.Control;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Jobs;

/// <summary>
/// Runs <see cref="ControlCounting"/> and then <see cref="Areas.Operator.Pages.AheadCounting"/> at start-up and then every
/// <see cref="JobsOptions.ControlCountingInterval"/>.
/// </summary>
public sealed class ControlCountingJob(
    IServiceScopeFactory scopes,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<ControlCountingJob> logger) : PeriodicJob(scopes, time, logger)
{
    protected override TimeSpan Interval => options.Value.ControlCountingInterval;

    protected override string Name => "the counting of the control table and the region's figures";

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<ControlCounting>().RunOnceAsync(ct);
        await services.GetRequiredService<Areas.Operator.Pages.AheadCounting>().RunOnceAsync(ct);
    }
}
