using Attestation.Web.Data.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Data;

public static class DatabaseStartup
{
    /// <summary>
    /// Applies migrations when configured to (or asked: <paramref name="migrate"/>) and seeds demo data when configured
    /// to; production runs neither by default.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, bool migrate = false)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;

        if (migrate || services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Migrate)
            await services.GetRequiredService<AttestationDbContext>().Database.MigrateAsync();

        if (services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
            await services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
    }
}
