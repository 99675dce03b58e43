using Microsoft.Extensions.Options;

namespace Attestation.Web.Storage;

public static class StorageSetup
{
    public static IServiceCollection AddPortalStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        services.AddOptions<UploadOptions>()
            .Bind(configuration.GetSection(UploadOptions.Section))
            .Validate(o => o.MaxBytes > 0, "Uploads:MaxBytes must be positive.")
            .ValidateOnStart();
        services.AddOptions<AntivirusOptions>()
            .Bind(configuration.GetSection(AntivirusOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AntivirusOptions>, AntivirusOptionsValidator>();
        services.AddHttpContextAccessor();
        services.AddSingleton<VirusScanner>();
        services.AddSingleton<UploadValidator>();
        services.AddScoped<IFileStore, PostgresFileStore>();
        return services;
    }
}
