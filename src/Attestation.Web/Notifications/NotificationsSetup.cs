namespace Attestation.Web.Notifications;

public static class NotificationsSetup
{
    public static IServiceCollection AddPortalNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.Section))
            .Validate(o => o.MaxAttempts > 0 && o.BatchSize > 0, "Email:MaxAttempts and Email:BatchSize must be positive.")
            .Validate(o => o.Lease > o.Timeout + o.Timeout, "Email:Lease must be more than twice Email:Timeout.")
            .ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddSingleton<MailTransport>();
        services.AddScoped<Outbox>();
        services.AddScoped<OutboxSender>();
        services.AddScoped<AccountEmails>();
        services.AddScoped<LetterComposer>();
        services.AddScoped<ApplicationEmails>();
        services.AddScoped<StaffEmails>();
        services.AddScoped<ConsiderationReminders>();
        services.AddScoped<InvitationEmails>();
        services.Configure<Data.InvitationOptions>(configuration.GetSection(Data.InvitationOptions.Section));
        services.AddSingleton<PortalLinks>();
        return services;
    }
}
