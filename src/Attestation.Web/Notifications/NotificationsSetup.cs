namespace Attestation.Web.Notifications;

public static class NotificationsSetup
{
    public static IServiceCollection AddPortalNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddScoped<AccountEmails>();
        services.AddScoped<MailDelivery>();
        services.AddScoped<ApplicationEmails>();
        services.AddScoped<InvitationEmails>();
        services.Configure<Data.InvitationOptions>(configuration.GetSection(Data.InvitationOptions.Section));
        services.AddSingleton<PortalLinks>();
        return services;
    }
}
