using Attestation.Testing;
using Attestation.Web.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Attestation.Web.Tests.Operator.Jobs;

/// <summary>The portal with its background jobs on, checking every minute of the test clock.</summary>
public sealed class PortalWithJobsFactory : PortalWithDirectoryFactory
{
    protected override bool RunJobs => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Jobs:PeriodClosingInterval", "00:01:00");
    }
}

/// <summary>The hosted service: it runs on start and then on its interval, and a failed run does not stop it.</summary>
public sealed class PeriodClosingJobTests(PortalWithJobsFactory factory) : IClassFixture<PortalWithJobsFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly OperatorDesk _desk = new(factory);

    [Fact]
    public async Task The_portal_closes_due_periods_at_start_and_then_every_interval()
    {
        // A period that starts this month is always past its 12th (of the month before).
        var today = _desk.Today;
        var atStart = await _desk.PeriodAsync(today.Year, today.Month);

        _ = factory.Services; // starts the portal
        await EventuallyAsync(() => IsClosedAsync(atStart.Id));

        var lastMonth = today.AddMonths(-1);
        var later = await _desk.PeriodAsync(lastMonth.Year, lastMonth.Month);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.False(await IsClosedAsync(later.Id));

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await EventuallyAsync(() => IsClosedAsync(later.Id));
        Assert.Equal(1, await _desk.CountAsync(db => db.PeriodEvents.Where(e => e.PeriodId == later.Id)));
    }

    [Fact]
    public async Task A_failing_run_is_logged_and_the_next_one_still_happens()
    {
        var attempts = 0;
        await using var services = new ServiceCollection()
            .AddScoped<PeriodClosing>(_ =>
            {
                Interlocked.Increment(ref attempts);
                throw new InvalidOperationException("The database is restarting.");
            })
            .BuildServiceProvider();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var job = new PeriodClosingJob(services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new JobsOptions { PeriodClosingInterval = TimeSpan.FromMinutes(5) }), clock,
            NullLogger<PeriodClosingJob>.Instance);

        await job.StartAsync(CancellationToken.None);
        await EventuallyAsync(() => Task.FromResult(Volatile.Read(ref attempts) == 1));
        clock.Advance(TimeSpan.FromMinutes(5));
        await EventuallyAsync(() => Task.FromResult(Volatile.Read(ref attempts) == 2));

        Assert.False(job.ExecuteTask!.IsCompleted);
        await job.StopAsync(CancellationToken.None);
        Assert.True(job.ExecuteTask.IsCompletedSuccessfully);
    }

    private async Task<bool> IsClosedAsync(Guid id)
    {
        await using var db = factory.OpenDb();
        return await db.Periods.Where(p => p.Id == id).Select(p => p.IsClosed).SingleAsync();
    }

    internal static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The condition did not become true within {Patience.TotalSeconds} s.");
            await Task.Delay(50);
        }
    }
}
