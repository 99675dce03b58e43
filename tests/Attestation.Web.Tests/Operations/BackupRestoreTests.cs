using System.Net;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using MunicipalityEntity = Attestation.Domain.Directory.Municipality;

namespace Attestation.Web.Tests.Operations;

/// <summary>
/// scripts/backup.sh and scripts/restore.sh as an operator runs them: the portal's database dumped while it serves,
/// restored into a fresh database, and a portal on that one serves the same data to the same session.
/// </summary>
public sealed class BackupRestoreTests(PortalFactory factory) : IClassFixture<PortalFactory>, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "attestation-backup-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_backup_restored_into_a_fresh_database_serves_the_same_data_to_the_same_session()
    {
        await using (var db = factory.OpenDb())
        {
            db.Municipalities.Add(new MunicipalityEntity("Зырянский район"));
            await db.SaveChangesAsync();
        }
        await factory.CreateUserAsync(Roles.Operator, "backup.operator");
        using var original = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var session = await SessionCookie.SignInAsync(original, "backup.operator");

        var file = Path.Combine(_folder, "portal.dump");
        var backup = await Scripts.RunAsync("scripts/backup.sh", new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = factory.ConnectionString,
        }, file);
        Assert.True(backup.ExitCode == 0, backup.Errors);
        Assert.True(new FileInfo(file).Length > 0);
        Assert.False(File.Exists(file + ".partial"));

        var restoredName = "att_restored_" + Guid.NewGuid().ToString("N")[..12];
        var restore = await Scripts.RunAsync("scripts/restore.sh", new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = TestDatabases.AdminConnectionString,
        }, file, restoredName);
        Assert.True(restore.ExitCode == 0, restore.Errors);
        var restored = new NpgsqlConnectionStringBuilder(factory.ConnectionString) { Database = restoredName }.ConnectionString;
        try
        {
            // Every table holds the same rows: applications, history, stored files, accounts, the keys.
            Assert.Equal(await RowCountsAsync(factory.ConnectionString), await RowCountsAsync(restored));

            using var portal = factory.WithWebHostBuilder(builder => builder.UseSetting("ConnectionStrings:Default", restored));
            using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            using var page = await SessionCookie.GetAsync(client, "/Operator/Directories/Municipalities", session);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Зырянский район", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            // A second restore under the same name is refused: a restore never writes over a database.
            var again = await Scripts.RunAsync("scripts/restore.sh", new Dictionary<string, string>
            {
                ["ConnectionStrings__Default"] = TestDatabases.AdminConnectionString,
            }, file, restoredName);
            Assert.NotEqual(0, again.ExitCode);
            Assert.Contains("already exists", again.Errors, StringComparison.Ordinal);
        }
        finally
        {
            await TestDatabases.DropAsync(restored);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private static async Task<Dictionary<string, long>> RowCountsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
                         "SELECT quote_ident(table_name) FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
                         connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            // The names come from the catalogue, quoted by PostgreSQL itself.
            await using var count = new NpgsqlCommand("SELECT count(*) FROM " + table, connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        return counts;
    }
}
