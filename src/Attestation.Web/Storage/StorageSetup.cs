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
        services.AddSingleton<UploadValidator>();
        services.AddScoped<IFileStore, PostgresFileStore>();
        return services;
    }
}
