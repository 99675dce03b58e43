namespace Attestation.Web.Data.Demo;

public sealed class DemoSeeder
{
    public Task SeedAsync(CancellationToken ct) => Task.CompletedTask;
}
