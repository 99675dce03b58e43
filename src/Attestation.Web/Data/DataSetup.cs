using Attestation.Web.Data.ReadModel;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Attestation.Web.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending migrations at start-up (the start script and the container turn it on).</summary>
    public bool Migrate { get; set; }

    /// <summary>
    /// The role the portal connects as (<c>ConnectionStrings:Default</c>) when migrations run as another, the tables'
    /// owner (<c>ConnectionStrings:Migrations</c>): after migrating, it is granted what it needs and no more — the audit
    /// log read and appended to only. Empty: one role does everything (the tests, a simple installation).
    /// </summary>
    public string? RuntimeUser { get; set; }
}

public static class DataSetup
{
    /// <summary>
    /// PostgreSQL's ICU collation for Russian, on the columns of people's names: a list ordered and paged in SQL reads
    /// «Ёлкина» after «Елисеева», as a person would, not in code-point order.
    /// </summary>
    public const string RussianCollation = "ru-RU-x-icu";

    /// <summary>
    /// The portal's connection string, tuned where it does not set these itself:
    /// <list type="bullet">
    /// <item>PostgreSQL's JIT compilation off: the portal's statements are short; JIT pays off only for long analytic
    /// queries, and its compilation alone took 0.6 s of a 0.7 s consolidated-schedule query whose estimated cost
    /// crossed <c>jit_above_cost</c> (bench/RESULTS.md);</item>
    /// <item>Npgsql's automatic preparation of the statements used most: a list page's statement is planned once per
    /// pooled connection instead of on every request (planning the municipal home's counts took 7 ms of its 13);</item>
    /// <item>no parallel query: on a web server every core already serves a request; a list page's statement split
    /// over two workers repeated its non-parallel half in each (the teachers without an application: 84 ms in
    /// parallel, 10 ms alone);</item>
    /// <item>a random page read priced at 1.1 sequential ones, not 4: the portal's working set is in memory (a region's
    /// database is 1 GB), where a page found by an index costs as much as the next one of a scan. At the default price
    /// PostgreSQL merged a page's rows with a whole key index rather than look its 83 experts up one by one, or read a
    /// municipality's applications for their count from the table: with 1.1, PostgreSQL's time per request fell by
    /// more than a tenth on 26 of a region's 41 list pages (the coordinator's schedule 4.2 → 1.2–2.4 ms, the
    /// registration journal 1.8 → 0.8, the operator's conclusions 2.5 → 1.5–1.8) and on none took a worse plan, at
    /// the country's size too (bench/RESULTS.md, twenty-second session);</item>
    /// <item>no reset of a connection's session when it returns to the pool: the portal changes no session state
    /// (its advisory locks and settings are the transaction's), and the reset was sent with every statement of a
    /// page, three commands each.</item>
    /// </list>
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        foreach (var (setting, value) in ServerSettings)
        {
            if (builder.Options?.Contains(setting, StringComparison.Ordinal) != true)
                builder.Options = string.Join(' ', new[] { builder.Options, $"-c {setting}={value}" }.Where(o => !string.IsNullOrWhiteSpace(o)));
        }
        if (builder.MaxAutoPrepare == 0)
            builder.MaxAutoPrepare = AutoPreparedStatements;
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
            builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    /// <summary>The server's settings for the portal's sessions, unless the connection string sets them.</summary>
    private static readonly (string Setting, string Value)[] ServerSettings =
    [
        ("jit", "off"),
        ("max_parallel_workers_per_gather", "0"),
        ("random_page_cost", "1.1"),
    ];

    /// <summary>Statements kept prepared per connection: the portal's frequent statements, a few hundred in all.</summary>
    public const int AutoPreparedStatements = 200;

    /// <summary>
    /// The users of a role by the role on the account (<see cref="ReadModel.AccountRoles"/>) and its fixed id
    /// (<see cref="Configurations.RoleConfiguration.Ids"/>) inlined as a constant: PostgreSQL then knows from its
    /// statistics that the 21 coordinators of 400,000 users are few and reads them from the index of a role's people,
    /// where a join on the role's name made it expect a fifth of all users and scan the table.
    /// </summary>
    public static IQueryable<AppUser> UsersInRole(this AttestationDbContext db, string role)
    {
        ArgumentNullException.ThrowIfNull(db);
        var roleId = Configurations.RoleConfiguration.Ids[role];
        return db.Users.Where(user => user.RoleId == SqlLiteral.Key(roleId));
    }

    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var connectionString = configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException(
                "The connection string 'ConnectionStrings:Default' is not set (environment variable ConnectionStrings__Default).");

        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        // Pooled: a context's internal services are built once, not on every request (a quarter of a list page's
        // CPU went to building them). The context holds no state of its own beyond what the pool resets.
        services.AddDbContextPool<AttestationDbContext>(options => options
            .UseNpgsql(Tuned(connectionString)));
        services.AddDirectoryNames();

        services.AddDataProtection()
            .SetApplicationName("Attestation")
            .PersistKeysToDbContext<AttestationDbContext>()
            .ProtectKeysAtRest(configuration, environment);

        // Ready only while PostgreSQL answers, and said within seconds: a hung server (stopped, not refusing) made the
        // check wait for the connection's own timeout and then call itself healthy.
        services.AddHealthChecks()
            .AddCheck<DatabaseReadiness>("database", tags: ["ready"], timeout: DatabaseReadiness.Timeout);
        return services;
    }
}
