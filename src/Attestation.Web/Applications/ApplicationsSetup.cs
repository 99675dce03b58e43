using Attestation.Domain.Rules;

namespace Attestation.Web.Applications;

public static class ApplicationsSetup
{
    public static IServiceCollection AddPortalApplications(this IServiceCollection services, IConfiguration configuration)
    {
        // The disputed rules of the Порядок are regional settings (SPEC §5).
        services.Configure<EligibilitySettings>(configuration.GetSection(EligibilitySettings.SectionName));
        services.AddScoped<ApplicationWarnings>();
        services.AddScoped<ApplicationView>();
        services.AddScoped<ConclusionUpload>();
        services.AddScoped<ApplicationRegistration>();
        return services;
    }
}
