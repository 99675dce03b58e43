using System.Net;
using Attestation.Testing;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Attestation.Web.Tests.Operations;

public sealed class HealthTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Liveness_answers_200()
    {
        using var client = factory.CreatePortalClient();

        using var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_answers_200_when_the_database_is_up()
    {
        using var client = factory.CreatePortalClient();

        using var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}

/// <summary>The portal pointed at a database that does not exist on a server that does.</summary>
public sealed class MissingDatabaseFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var missing = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "att_missing_" + Guid.NewGuid().ToString("N")[..12] };
        builder.UseSetting("ConnectionStrings:Default", missing.ConnectionString);
    }
}

public sealed class HealthWithoutDatabaseTests(MissingDatabaseFactory factory) : IClassFixture<MissingDatabaseFactory>
{
    [Fact]
    public async Task Readiness_answers_503_when_the_database_is_missing()
    {
        using var client = factory.CreatePortalClient();

        using var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Liveness_does_not_depend_on_the_database()
    {
        using var client = factory.CreatePortalClient();

        using var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
