using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

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

    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException(
                "The connection string 'ConnectionStrings:Default' is not set (environment variable ConnectionStrings__Default).");

        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.AddDbContext<AttestationDbContext>(options => options
            .UseNpgsql(connectionString));

        services.AddDataProtection()
            .SetApplicationName("Attestation")
            .PersistKeysToDbContext<AttestationDbContext>();

        services.AddHealthChecks()
            .AddDbContextCheck<AttestationDbContext>("database", tags: ["ready"]);
        return services;
    }
}
