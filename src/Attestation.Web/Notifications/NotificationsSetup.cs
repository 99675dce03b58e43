namespace Attestation.Web.Notifications;

public static class NotificationsSetup
{
    public static IServiceCollection AddPortalNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddScoped<AccountEmails>();
        services.AddSingleton<PortalLinks>();
        return services;
    }
}
