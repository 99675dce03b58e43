using Attestation.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Attestation.Testing;

/// <summary>
/// Real PostgreSQL databases for tests: a template is built once per test process by applying the migrations, and
/// every test class gets its own copy (<c>CREATE DATABASE … TEMPLATE …</c>), which takes milliseconds.
/// </summary>
public static class TestDatabases
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _template;

    /// <summary>A server where the tests may create databases; scripts/test.sh starts one and sets it.</summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Default")
        ?? throw new InvalidOperationException(
            "ConnectionStrings__Default is not set: run the tests with scripts/test.sh, which starts a PostgreSQL server.");

    public static async Task<string> CreateAsync()
    {
        var template = await EnsureTemplateAsync();
        var name = "att_" + Guid.NewGuid().ToString("N")[..20];
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return ConnectionStringFor(name);
    }

    /// <summary>An empty database with no migrations applied, for the migration tests themselves.</summary>
    public static async Task<string> CreateEmptyAsync()
    {
        var name = "att_empty_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return ConnectionStringFor(name);
    }

    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    public static AttestationDbContext OpenContext(string connectionString) =>
        new(new DbContextOptionsBuilder<AttestationDbContext>().UseNpgsql(connectionString).Options);

    private static async Task<string> EnsureTemplateAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_template is not null)
                return _template;

            var name = $"att_tpl_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
            await ExecuteAsync($"CREATE DATABASE \"{name}\"");
            await using (var db = OpenContext(ConnectionStringFor(name)))
                await db.Database.MigrateAsync();

            // A template must have no open connections when it is copied.
            NpgsqlConnection.ClearAllPools();
            _template = name;
            return name;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
