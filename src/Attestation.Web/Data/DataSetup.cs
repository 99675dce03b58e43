using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Attestation.Web.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending migrations at start-up (the start script and the container turn it on).</summary>
    public bool Migrate { get; set; }
}

public static class DataSetup
{
    /// <summary>
    /// PostgreSQL's ICU collation for Russian, on the columns of people's names: a list ordered and paged in SQL reads
    /// «Ёлкина» after «Елисеева», as a person would, not in code-point order.
    /// </summary>
    public const string RussianCollation = "ru-RU-x-icu";

    /// <summary>
    /// The connection string with PostgreSQL's JIT compilation off, unless it sets <c>jit</c> itself. The portal's
    /// statements are short; JIT pays off only for long analytic queries, and its compilation alone took 0.6 s of a
    /// 0.7 s consolidated-schedule query whose estimated cost crossed <c>jit_above_cost</c> (bench/RESULTS.md).
    /// </summary>
    public static string WithoutJit(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("jit", StringComparison.Ordinal) != true)
            builder.Options = string.Join(' ', new[] { builder.Options, "-c jit=off" }.Where(o => !string.IsNullOrWhiteSpace(o)));
        return builder.ConnectionString;
    }

    /// <summary>
    /// The users of a role by its fixed id (<see cref="Configurations.RoleConfiguration.Ids"/>) inlined as a constant:
    /// PostgreSQL then knows from its statistics that the 21 coordinators of 400,000 users are few and reads them by
    /// index, where a join on the role's name made it expect a fifth of all users and scan the table.
    /// </summary>
    public static IQueryable<AppUser> UsersInRole(this AttestationDbContext db, string role)
    {
        ArgumentNullException.ThrowIfNull(db);
        var roleId = Configurations.RoleConfiguration.Ids[role];
        return from user in db.Users
               join userRole in db.UserRoles on user.Id equals userRole.UserId
               where userRole.RoleId == EF.Constant(roleId)
               select user;
    }

    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException(
                "The connection string 'ConnectionStrings:Default' is not set (environment variable ConnectionStrings__Default).");

        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.AddDbContext<AttestationDbContext>(options => options
            .UseNpgsql(WithoutJit(connectionString)));

        services.AddDataProtection()
            .SetApplicationName("Attestation")
            .PersistKeysToDbContext<AttestationDbContext>();

        services.AddHealthChecks()
            .AddDbContextCheck<AttestationDbContext>("database", tags: ["ready"]);
        return services;
    }
}
