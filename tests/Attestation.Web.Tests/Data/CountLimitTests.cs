using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.Internal;
using Npgsql.EntityFrameworkCore.PostgreSQL.Query.Internal;

namespace Attestation.Web.Tests.Data;

/// <summary>
/// A list's count stops at its limit, and the limit is written into the SQL (Paging.TakeLiteral): sent as a parameter,
/// it let PostgreSQL's generic plan of a prepared search take a tenth of the accounts for the limit and read the whole
/// table on every search (bench/RESULTS.md, eighteenth session).
/// </summary>
public sealed class CountLimitTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_count_up_to_a_limit_says_how_many_or_that_there_are_more()
    {
        var prefix = await TeachersAsync("limit", 3);
        await using var db = factory.OpenDb();
        var found = db.Users.Where(u => u.UserName!.StartsWith(prefix));

        var under = await found.CountUpToAsync(5, CancellationToken.None);
        var exactly = await found.CountUpToAsync(3, CancellationToken.None);
        var over = await found.CountUpToAsync(2, CancellationToken.None);

        Assert.Equal(new RowCount(3, More: false), under);
        Assert.Equal(new RowCount(3, More: false), exactly);
        Assert.Equal(new RowCount(2, More: true), over);
    }

    [Fact]
    public async Task The_limit_is_a_literal_of_the_statement_not_a_parameter()
    {
        await using var db = factory.OpenDb();
        var limit = Paging.ListCountLimit + 1;

        var top = db.Users.Where(u => u.MunicipalityId != null).TakeLiteral(limit).ToQueryString();
        var nested = db.Municipalities.Select(m => db.Users.Take(EF.Constant(limit)).Count()).ToQueryString();
        var sent = db.Users.Take(limit).ToQueryString();

        Assert.Contains($"LIMIT {limit}", top, StringComparison.Ordinal);
        Assert.DoesNotContain("@", top, StringComparison.Ordinal);
        Assert.Contains($"LIMIT {limit}", nested, StringComparison.Ordinal);
        Assert.DoesNotContain("@", nested, StringComparison.Ordinal);
        // What EF Core does with a Take of its own, which the literal is there to avoid.
        Assert.DoesNotContain($"LIMIT {limit}", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_first_page_adds_no_parameter_to_its_statement_and_a_later_page_sends_only_its_offset()
    {
        var prefix = await TeachersAsync("cut", 5);
        await using var db = factory.OpenDb();
        var ordered = db.Users.Where(u => u.UserName!.StartsWith(prefix)).OrderBy(u => u.UserName).Select(u => u.UserName!);

        var first = ordered.Cut(0, 2);
        var third = ordered.Cut(4, 2);

        Assert.Equal([$"{prefix}.0", $"{prefix}.1"], await first.ToListAsync());
        Assert.Equal([$"{prefix}.1", $"{prefix}.2"], await ordered.Cut(1, 2).ToListAsync());
        Assert.Equal([$"{prefix}.4"], await third.ToListAsync());
        var firstSql = first.ToQueryString();
        Assert.Contains("LIMIT 2", firstSql, StringComparison.Ordinal);
        Assert.DoesNotContain("OFFSET", firstSql, StringComparison.Ordinal);
        // The prefix searched is the statement's one parameter; the page adds none.
        Assert.Single(firstSql.Split('\n'), line => line.Contains('@', StringComparison.Ordinal) && line.StartsWith("--", StringComparison.Ordinal));
        var thirdSql = third.ToQueryString();
        Assert.Contains("LIMIT 2", thirdSql, StringComparison.Ordinal);
        Assert.Matches("OFFSET @", thirdSql);
    }

    [Fact]
    public async Task A_statement_with_a_literal_is_written_once_and_its_sql_kept()
    {
        var prefix = await TeachersAsync("kept", 3);
        await using var db = new AttestationDbContext(new DbContextOptionsBuilder<AttestationDbContext>()
            .UseNpgsql(factory.ConnectionString)
            .ReplaceService<IQuerySqlGeneratorFactory, CountingSqlGenerators>()
            .Options);
        var written = (CountingSqlGenerators)db.GetService<IQuerySqlGeneratorFactory>();
        var limit = Paging.DefaultPageSize;

        async Task<int> WrittenByAsync(Func<Task> run)
        {
            var before = written.Count;
            await run();
            return written.Count - before;
        }

        Task Page(string start) => db.Users.Where(u => u.UserName!.StartsWith(start)).OrderBy(u => u.UserName).Cut(0, 2).ToListAsync();
        Task Teachers(string start) => db.UsersInRole(Roles.Teacher).Where(u => u.UserName!.StartsWith(start)).ToListAsync();
        Task Counted() => db.Municipalities.Select(m => db.Users.Take(SqlLiteral.Number(limit)).Count()).ToListAsync();
        Task Among(params Guid?[] periods) => db.Applications.Where(SqlLiteral.In<Domain.Applications.Application, Guid?>(a => a.PeriodId, periods)).ToListAsync();
        Task Constant() => db.Municipalities.Select(m => db.Users.Take(EF.Constant(limit)).Count()).ToListAsync();

        Assert.Equal(1, await WrittenByAsync(() => Page(prefix)));
        Assert.Equal(0, await WrittenByAsync(() => Page($"{prefix}.1")));
        Assert.Equal(1, await WrittenByAsync(() => Teachers(prefix)));
        Assert.Equal(0, await WrittenByAsync(() => Teachers($"{prefix}.2")));
        Assert.Equal(1, await WrittenByAsync(Counted));
        Assert.Equal(0, await WrittenByAsync(Counted));
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal(1, await WrittenByAsync(() => Among(first, second)));
        Assert.Equal(0, await WrittenByAsync(() => Among(first, second)));
        Assert.Equal(1, await WrittenByAsync(() => Among(second)));
        Assert.Contains($"IN ('{first}', '{second}')", db.Applications.Where(SqlLiteral.In<Domain.Applications.Application, Guid?>(a => a.PeriodId, [first, second])).ToQueryString(), StringComparison.Ordinal);
        // What EF.Constant does, which the literals are there to avoid: the SQL written anew on every execution.
        Assert.Equal(1, await WrittenByAsync(Constant));
        Assert.Equal(1, await WrittenByAsync(Constant));
    }

    [Fact]
    public async Task A_list_is_counted_without_the_projection_and_order_it_ends_with_so_one_count_serves_them_all()
    {
        var prefix = await TeachersAsync("count", 3);
        await using var db = new AttestationDbContext(new DbContextOptionsBuilder<AttestationDbContext>()
            .UseNpgsql(factory.ConnectionString)
            .ReplaceService<IQuerySqlGeneratorFactory, CountingSqlGenerators>()
            .Options);
        var written = (CountingSqlGenerators)db.GetService<IQuerySqlGeneratorFactory>();
        var teachers = db.Users.Where(u => u.UserName!.StartsWith(prefix));

        var before = written.Count;
        Assert.Equal(3, await teachers.OrderBy(u => u.LastName).Select(u => new { u.Id, u.UserName }).CountRowsAsync(default));
        Assert.Equal(3, await teachers.Select(u => u.Email).OrderByDescending(e => e).CountRowsAsync(default));
        Assert.Equal(3, await teachers.CountRowsAsync(default));
        // One statement for the three: each was counted as the filtered accounts alone.
        Assert.Equal(1, written.Count - before);
        // A filter after a projection is kept, and so is what narrows the rows (a cut).
        Assert.Equal(1, await teachers.Select(u => u.UserName).Where(n => n!.EndsWith(".1")).OrderBy(n => n).CountRowsAsync(default));
        Assert.Equal(2, await teachers.OrderBy(u => u.UserName).Take(2).Select(u => u.Id).CountRowsAsync(default));
        // As EF Core counts them: each projection is a statement of its own, its SQL written for it.
        before = written.Count;
        await teachers.Select(u => u.PhoneNumber).CountAsync();
        Assert.Equal(1, written.Count - before);
    }

    /// <summary>Npgsql's SQL generators, counted: one is made each time EF Core writes a statement's SQL.</summary>
#pragma warning disable EF1001 // The provider's factory is internal API: a test's counter around it.
    private sealed class CountingSqlGenerators(
        QuerySqlGeneratorDependencies dependencies, IRelationalTypeMappingSource typeMappings, INpgsqlSingletonOptions options)
        : NpgsqlQuerySqlGeneratorFactory(dependencies, typeMappings, options)
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override QuerySqlGenerator Create()
        {
            Interlocked.Increment(ref _count);
            return base.Create();
        }
    }
#pragma warning restore EF1001

    /// <summary>Teachers «prefix.0», «prefix.1»… under a prefix of their own, made from <paramref name="tag"/>; the prefix.</summary>
    [Fact]
    public async Task A_whole_table_is_counted_from_its_estimate_only_when_that_is_twice_the_limit()
    {
        await TeachersAsync("whole", 4);
        await using var db = factory.OpenDb();
        await db.Database.ExecuteSqlRawAsync("""ANALYZE "AspNetUsers" """);
        var accounts = await db.Users.CountAsync();

        // PostgreSQL's estimate after ANALYZE is the table's rows: twice a limit of half of them says «more»...
        Assert.Equal(new RowCount(accounts / 2, More: true),
            await db.CountWholeTableUpToAsync<AppUser>(accounts / 2, CancellationToken.None));
        // ...and anything less sure is counted.
        Assert.Equal(new RowCount(accounts, More: false),
            await db.CountWholeTableUpToAsync<AppUser>(accounts, CancellationToken.None));
        Assert.Equal(new RowCount(accounts - 1, More: true),
            await db.CountWholeTableUpToAsync<AppUser>(accounts - 1, CancellationToken.None));
    }

    [Theory]
    [InlineData(-1, 10, null)]
    [InlineData(0, 10, null)]
    [InlineData(19.9, 10, null)]
    [InlineData(20, 10, 10)]
    [InlineData(420_167, 10_000, 10_000)]
    public void An_estimate_says_more_only_at_twice_the_limit(double estimate, int limit, int? more)
    {
        var counted = Paging.Estimated(estimate, limit);

        Assert.Equal(more is { } atLimit ? new RowCount(atLimit, More: true) : null, counted);
    }

    private async Task<string> TeachersAsync(string tag, int count)
    {
        var prefix = $"{tag}{Guid.NewGuid():N}"[..16];
        for (var i = 0; i < count; i++)
            await factory.CreateUserAsync(Roles.Teacher, $"{prefix}.{i}");
        return prefix;
    }
}
