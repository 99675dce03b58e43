using Attestation.Web.Notifications;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Jobs;

/// <summary>
/// Runs <see cref="OutboxSender"/> at start-up and then every <see cref="JobsOptions.MailInterval"/>. No lock: the sender
/// is safe with any number of instances (it claims its letters with <c>FOR UPDATE SKIP LOCKED</c> and a lease), and a
/// failed run leaves the letters in the outbox for the next one.
/// </summary>
public sealed class OutboxJob(
    IServiceScopeFactory scopes,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<OutboxJob> logger) : PeriodicJob(scopes, time, logger)
{
    protected override TimeSpan Interval => options.Value.MailInterval;

    protected override string Name => "the delivery of the outbox";

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<OutboxSender>().RunOnceAsync(ct);
}
