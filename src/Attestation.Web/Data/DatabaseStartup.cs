using Attestation.Web.Data.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Attestation.Web.Data;

public static class DatabaseStartup
{
    /// <summary>
    /// Applies migrations when configured to (or asked: <paramref name="migrate"/>) and seeds demo data when configured
    /// to; production runs neither by default. The migrations run under <c>ConnectionStrings:Migrations</c> (the
    /// tables' owner) when it is given, and then grant the runtime role (<see cref="DatabaseOptions.RuntimeUser"/>) what
    /// the portal needs and no more (<see cref="RuntimePrivileges"/>).
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, bool migrate = false)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;

        if (migrate || options.Migrate)
        {
            var owner = app.Configuration.GetConnectionString("Migrations");
            if (string.IsNullOrWhiteSpace(owner))
            {
                await MigrateAsync(services.GetRequiredService<AttestationDbContext>());
            }
            else
            {
                await using var db = new AttestationDbContext(new DbContextOptionsBuilder<AttestationDbContext>().UseNpgsql(owner).Options);
                await MigrateAsync(db);
            }
            if (!string.IsNullOrWhiteSpace(options.RuntimeUser))
                await RuntimePrivileges.GrantAsync(string.IsNullOrWhiteSpace(owner) ? app.Configuration.GetConnectionString("Default")! : owner, options.RuntimeUser);
        }

        if (services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
            await services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
    }

    /// <summary>
    /// How long one statement of a migration may run: adding a computed column rewrites a table and an index is built
    /// over all its rows, minutes for a country's two million applications, where a request's statement gets 30 s.
    /// </summary>
    public static readonly TimeSpan MigrationCommandTimeout = TimeSpan.FromHours(1);

    private static async Task MigrateAsync(AttestationDbContext db)
    {
        db.Database.SetCommandTimeout(MigrationCommandTimeout);
        await db.Database.MigrateAsync();
    }
}

/// <summary>
/// What the role the portal runs as may do: read and write every table, except the audit log, which it may only
/// read and append to, and the migrations' history, which it may only read. Migrations run as the tables' owner.
/// </summary>
public static class RuntimePrivileges
{
    public static async Task GrantAsync(string ownerConnectionString, string runtimeUser, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runtimeUser);
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(Sql(runtimeUser), connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static string Sql(string runtimeUser)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runtimeUser);
        // A role's name is an identifier: quoted, its own quotes doubled.
        var role = "\"" + runtimeUser.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        return $"""
            GRANT USAGE ON SCHEMA public TO {role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
            REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvents" FROM {role};
            REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "__EFMigrationsHistory" FROM {role};
            """;
    }
}
