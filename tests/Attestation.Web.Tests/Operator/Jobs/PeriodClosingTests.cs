using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Attestation.Web.Tests.Operator.OperatorDesk;

namespace Attestation.Web.Tests.Operator.Jobs;

/// <summary>
/// The automatic closing after the 12th, called the way the background job calls it: one scope per run. Each class has
/// its own database and clock (a fake clock only moves forward), so each scenario is a class of its own.
/// </summary>
public sealed class ParallelClosingTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly OperatorDesk _desk = new(factory);

    [Fact]
    public async Task Two_runs_in_parallel_close_each_due_period_once_with_one_history_event()
    {
        // The 1st of a month three months ahead, in Tomsk: the periods that started last month and start this month
        // are past their 12th; the one that starts next month is still being scheduled (until the 12th).
        var today = _desk.Today;
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(3);
        _desk.MoveClockTo(TomskTime(month.Year, month.Month, 1, 10));
        var running = await PeriodOf(month.AddMonths(-1));
        var starting = await PeriodOf(month);
        var next = await PeriodOf(month.AddMonths(1));

        var runs = await Task.WhenAll(RunInOwnScopeAsync(), RunInOwnScopeAsync());

        Assert.Equal(2, runs.Sum());
        await using (var db = factory.OpenDb())
        {
            var periods = await db.Periods.AsNoTracking().Include(p => p.Events)
                .Where(p => p.Id == running.Id || p.Id == starting.Id || p.Id == next.Id)
                .ToDictionaryAsync(p => p.Id);
            foreach (var due in new[] { running, starting })
            {
                var closed = periods[due.Id];
                Assert.True(closed.IsClosed);
                Assert.Null(closed.ClosedBy);
                var closing = Assert.Single(closed.Events);
                Assert.Equal(PeriodEventKind.ClosedAutomatically, closing.Kind);
                Assert.Null(closing.ActorId);
                Assert.Equal($"Период «{due.Name}» закрыт автоматически", closing.Description);
            }
            Assert.False(periods[next.Id].IsClosed);
            Assert.Empty(periods[next.Id].Events);
        }

        // Idempotent: a later run finds nothing to do.
        Assert.Equal(0, await RunInOwnScopeAsync());
        Assert.Equal(2, await _desk.CountAsync(db => db.PeriodEvents.Where(e => e.PeriodId == running.Id || e.PeriodId == starting.Id)));
    }

    private Task<AttestationPeriod> PeriodOf(DateOnly start) => _desk.PeriodAsync(start.Year, start.Month);

    private async Task<int> RunInOwnScopeAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PeriodClosing>().RunOnceAsync(CancellationToken.None);
    }
}

/// <summary>The day boundary that matters is midnight in Tomsk (UTC+7), not in UTC.</summary>
public sealed class ClosingDayBoundaryTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly OperatorDesk _desk = new(factory);

    [Fact]
    public async Task Nothing_closes_until_midnight_of_the_13th_in_Tomsk()
    {
        var today = _desk.Today;
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(2);
        var period = await _desk.PeriodAsync(month.AddMonths(1).Year, month.AddMonths(1).Month);

        _desk.MoveClockTo(TomskTime(month.Year, month.Month, 12, 23, 59, 30));
        Assert.Equal(0, await RunAsync());
        Assert.False(await IsClosedAsync(period.Id));

        // 00:00:30 on the 13th in Tomsk is still the 12th in UTC (17:00:30).
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(12, factory.Clock.GetUtcNow().UtcDateTime.Day);
        Assert.Equal(1, await RunAsync());
        Assert.True(await IsClosedAsync(period.Id));
    }

    private async Task<int> RunAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PeriodClosing>().RunOnceAsync(CancellationToken.None);
    }

    private async Task<bool> IsClosedAsync(Guid id)
    {
        await using var db = factory.OpenDb();
        return await db.Periods.Where(p => p.Id == id).Select(p => p.IsClosed).SingleAsync();
    }
}

/// <summary>A period reopened by the operator after its 12th stays open: the job does not close it again.</summary>
public sealed class ReopenedPeriodTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly OperatorDesk _desk = new(factory);

    [Fact]
    public async Task A_period_the_operator_reopened_after_the_12th_is_not_closed_again()
    {
        var today = _desk.Today;
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(2);
        var period = await _desk.PeriodAsync(month.AddMonths(1).Year, month.AddMonths(1).Month);
        var operatorUser = await _desk.CreateOperatorAsync("jobs.reopened.operator");
        _desk.MoveClockTo(TomskTime(month.Year, month.Month, 13, 9));
        Assert.Equal(1, await RunAsync());

        await using (var db = factory.OpenDb())
        {
            var closed = await db.Periods.SingleAsync(p => p.Id == period.Id);
            closed.Reopen(operatorUser.Id, _desk.Now, "Два заявления Томского района");
            await db.SaveChangesAsync();
        }
        factory.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0, await RunAsync());
        await using var check = factory.OpenDb();
        var saved = await check.Periods.AsNoTracking().Include(p => p.Events).SingleAsync(p => p.Id == period.Id);
        Assert.False(saved.IsClosed);
        Assert.Equal([PeriodEventKind.ClosedAutomatically, PeriodEventKind.Reopened], saved.Events.OrderBy(e => e.At).Select(e => e.Kind));
    }

    private async Task<int> RunAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PeriodClosing>().RunOnceAsync(CancellationToken.None);
    }
}
