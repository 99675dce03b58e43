using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Tests.Operator.Jobs;

/// <summary>The hosted counting of the control table: it counts when the portal starts (a portal of its own).</summary>
public sealed class ControlCountingJobTests(PortalWithJobsFactory factory) : IClassFixture<PortalWithJobsFactory>
{
    [Fact]
    public async Task The_portal_counts_the_control_table_at_start()
    {
        _ = factory.Services; // starts the portal

        await PeriodClosingJobTests.EventuallyAsync(async () =>
        {
            await using var db = factory.OpenDb();
            return await db.ControlCounts.CountAsync() == await db.Municipalities.CountAsync();
        });
    }
}
