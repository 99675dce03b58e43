using Attestation.Testing;
using Attestation.Web.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Attestation.Web.Tests.Data;

/// <summary>An empty database, migrated once for the class: what a new installation gets.</summary>
public sealed class ScratchDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public IReadOnlyList<string> TablesBefore { get; private set; } = [];

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabases.CreateEmptyAsync();
        await using var db = TestDatabases.OpenContext(ConnectionString);
        TablesBefore = await TablesAsync(db);
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync() => TestDatabases.DropAsync(ConnectionString);

    public static async Task<IReadOnlyList<string>> TablesAsync(DbContext db) =>
        await db.Database
            .SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'")
            .ToListAsync();
}

public sealed class MigrationTests(ScratchDatabase scratch) : IClassFixture<ScratchDatabase>
{
    [Fact]
    public async Task Migrations_build_every_table_of_the_model_in_an_empty_database()
    {
        await using var db = TestDatabases.OpenContext(scratch.ConnectionString);

        Assert.Empty(scratch.TablesBefore);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());

        var tables = await ScratchDatabase.TablesAsync(db);
        var modelTables = db.Model.GetEntityTypes().Select(entity => entity.GetTableName()).OfType<string>().Distinct().ToList();
        Assert.Contains("Applications", modelTables);
        Assert.All(modelTables, table => Assert.Contains(table, tables));
    }

    [Fact]
    public async Task The_five_roles_exist_after_migration()
    {
        await using var db = TestDatabases.OpenContext(scratch.ConnectionString);

        var roles = await db.Roles.AsNoTracking().OrderBy(r => r.Name).ToListAsync();

        Assert.Equal(Roles.All.Order(StringComparer.Ordinal), roles.Select(r => r.Name));
        Assert.All(roles, role => Assert.Equal(role.Name!.ToUpperInvariant(), role.NormalizedName));
    }

    [Fact]
    public void The_model_has_no_changes_missing_from_the_migrations()
    {
        using var db = TestDatabases.OpenContext(scratch.ConnectionString);

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model differs from the last migration's snapshot: add a migration (dotnet ef migrations add …).");
    }
}
