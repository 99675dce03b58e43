namespace Attestation.Web.Data.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";
    public const string DefaultPassword = "Demo-Attestation-2026";

    /// <summary>Seed the demo region, accounts and applications at start-up. Never on in production.</summary>
    public bool Enabled { get; set; }

    /// <summary>The password of every demo account; the DEMO_PASSWORD environment variable overrides it.</summary>
    public string Password { get; set; } = DefaultPassword;
}

public static class DemoSetup
{
    public static IServiceCollection AddDemoData(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.Section));
        services.PostConfigure<DemoOptions>(options =>
        {
            var fromEnvironment = configuration["DEMO_PASSWORD"];
            if (!string.IsNullOrEmpty(fromEnvironment))
                options.Password = fromEnvironment;
        });
        services.AddScoped<DemoSeeder>();
        return services;
    }
}
