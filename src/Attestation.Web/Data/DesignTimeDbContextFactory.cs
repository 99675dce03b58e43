using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Attestation.Web.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without starting the portal; it never connects, so the
/// connection string only names the provider.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AttestationDbContext>
{
    public AttestationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AttestationDbContext>()
            .UseNpgsql(Environment.GetEnvironmentVariable("ConnectionStrings__Default") ?? "Host=localhost;Database=attestation")
            .Options);
}
