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
        services.AddScoped<PasswordResetLetters>();
        services.AddScoped<LetterComposer>();
        services.AddScoped<ApplicationEmails>();
        services.AddScoped<StaffEmails>();
        services.AddOptions<Reminders.ReminderOptions>()
            .Bind(configuration.GetSection(Reminders.ReminderOptions.Section))
            .Validate(o => o.CategoryExpiryMarginDays is >= 0 and <= 366, "Reminders:CategoryExpiryMarginDays must be 0 to 366.")
            .Validate(o => o.DigestTime >= TimeSpan.Zero && o.DigestTime < TimeSpan.FromDays(1), "Reminders:DigestTime must be a time of day.")
            .ValidateOnStart();
        services.AddScoped<Reminders.ReminderPost>();
        services.AddReminder<Reminders.ConsiderationReminders>();
        services.AddReminder<Reminders.DraftReminders>();
        services.AddReminder<Reminders.CategoryExpiryReminders>();
        services.AddReminder<Reminders.RegistrationReminders>();
        services.AddReminder<Reminders.ScheduleReminders>();
        services.AddReminder<Reminders.ExpertPreparationReminders>();
        services.AddReminder<Reminders.ConclusionReminders>();
        services.AddReminder<Reminders.SchedulesBehindReminders>();
        services.AddReminder<Reminders.ConclusionsBehindReminders>();
        services.AddScoped<DailyDigests>();
        services.AddScoped<OutboxCleanup>();
        services.AddScoped<CalendarTokens>();
        services.AddScoped<DeadlineFeed>();
        services.AddScoped<InvitationEmails>();
        services.Configure<Data.InvitationOptions>(configuration.GetSection(Data.InvitationOptions.Section));
        services.AddSingleton<PortalLinks>();
        return services;
    }

    /// <summary>A reminder of the job, by its own type (the tests run one) and among all (the job runs each).</summary>
    private static void AddReminder<T>(this IServiceCollection services)
        where T : class, Reminders.IReminder
    {
        services.AddScoped<T>();
        services.AddScoped<Reminders.IReminder>(s => s.GetRequiredService<T>());
    }
}
