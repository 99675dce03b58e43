using System.Data.Common;
using Attestation.Testing;
using Attestation.Web.Data;
using Attestation.Web.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Attestation.Web.Tests.Data;

/// <summary>
/// The schedules' summaries are read by a statement with the period written in as a literal (ScheduleQueries): sent
/// as a parameter, PostgreSQL planned a country's statement anew on every request, finding the plan for a period
/// without approvals cheaper than its generic one (bench/RESULTS.md, twenty-fourth session).
/// </summary>
public sealed class ScheduleSummaryStatementTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    [Fact]
    public async Task Each_period_s_summaries_are_read_with_the_period_a_literal_and_the_municipality_a_parameter()
    {
        var written = new Written();
        await using var db = new AttestationDbContext(new DbContextOptionsBuilder<AttestationDbContext>()
            .UseNpgsql(factory.ConnectionString)
            .AddInterceptors(written)
            .Options);
        var (first, second) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var municipality = await db.Municipalities.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        var municipalities = await db.Municipalities.CountAsync();
        written.Statements.Clear();

        var all = await db.SummariesAsync(first, municipalityId: null, preferredCoordinator: null, CancellationToken.None);
        var one = await db.SummariesAsync(second, municipality, preferredCoordinator: null, CancellationToken.None);
        var again = await db.SummariesAsync(first, municipalityId: null, preferredCoordinator: null, CancellationToken.None);

        Assert.Equal(municipalities, all.Count);
        Assert.All(all, s => Assert.Equal((0, 0, null), (s.Complete, s.Incomplete, s.ApprovedAt)));
        Assert.Equal([municipality], one.Select(s => s.MunicipalityId));
        Assert.Equal(all.Select(s => s.MunicipalityId), again.Select(s => s.MunicipalityId));
        Assert.Equal(3, written.Statements.Count);
        var (allSql, allParameters) = written.Statements[0];
        var (oneSql, oneParameters) = written.Statements[1];
        Assert.Equal(2, CountOf($"'{first}'", allSql));
        Assert.Empty(allParameters);
        Assert.Equal(2, CountOf($"'{second}'", oneSql));
        Assert.DoesNotContain(first.ToString(), oneSql, StringComparison.Ordinal);
        Assert.Equal([municipality], oneParameters);
        Assert.Equal(allSql, written.Statements[2].Sql);
    }

    private static int CountOf(string part, string text) => text.Split(part).Length - 1;

    /// <summary>The text and parameter values of every statement the context sends.</summary>
    private sealed class Written : DbCommandInterceptor
    {
        public List<(string Sql, List<object?> Parameters)> Statements { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Statements.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => p.Value).ToList()));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
