using Attestation.Testing;
using Attestation.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Attestation.Web.Tests.Data;

/// <summary>How the portal talks to PostgreSQL: the tuning the load harness measured (bench/RESULTS.md).</summary>
public sealed class DataSetupTests(MunicipalFactory factory) : IClassFixture<MunicipalFactory>
{
    [Fact]
    public void The_connection_string_turns_jit_and_parallel_query_off_prices_random_reads_as_cached_prepares_the_frequent_statements_and_skips_the_reset()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DataSetup.Tuned("Host=db;Database=attestation;Username=portal"));

        Assert.Equal("-c jit=off -c max_parallel_workers_per_gather=0 -c random_page_cost=1.1", tuned.Options);
        Assert.Equal(DataSetup.AutoPreparedStatements, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("db", tuned.Host);
    }

    [Fact]
    public void What_the_connection_string_sets_itself_is_kept()
    {
        var tuned = new NpgsqlConnectionStringBuilder(
            DataSetup.Tuned("Host=db;Database=attestation;Options=-c jit=on -c random_page_cost=2 -c work_mem=8MB;Max Auto Prepare=5;No Reset On Close=false"));

        Assert.Equal("-c jit=on -c random_page_cost=2 -c work_mem=8MB -c max_parallel_workers_per_gather=0", tuned.Options);
        Assert.Equal(5, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
    }

    [Fact]
    public async Task The_portal_pools_its_contexts_on_the_tuned_connection()
    {
        var (pooled, connection) = await factory.WithServicesAsync(services =>
        {
            var options = services.GetRequiredService<DbContextOptions<AttestationDbContext>>();
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AttestationDbContext>();
            return Task.FromResult((options.FindExtension<CoreOptionsExtension>()?.MaxPoolSize, db.Database.GetConnectionString()));
        });

        Assert.NotNull(pooled);
        Assert.Equal(DataSetup.AutoPreparedStatements, new NpgsqlConnectionStringBuilder(connection).MaxAutoPrepare);
    }

    [Fact]
    public async Task The_server_runs_the_portals_sessions_without_jit_or_parallel_workers_and_with_cached_random_reads()
    {
        var settings = await factory.WithServicesAsync(async services =>
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AttestationDbContext>();
            return await db.Database
                .SqlQuery<string>($"SELECT current_setting('jit') || ' ' || current_setting('max_parallel_workers_per_gather') || ' ' || current_setting('random_page_cost') AS \"Value\"")
                .SingleAsync();
        });

        Assert.Equal("off 0 1.1", settings);
    }
}
