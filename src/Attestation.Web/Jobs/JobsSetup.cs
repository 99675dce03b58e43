using Attestation.Web.Jobs;

// In the infrastructure namespace, which Program.cs already imports: registering the jobs takes one line there.
namespace Attestation.Web.Infrastructure;

public static class JobsSetup
{
    /// <summary>The background jobs; <c>Jobs:Enabled=false</c> leaves them out of this process (the web tests do).</summary>
    public static IServiceCollection AddPortalJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>()
            .Bind(configuration.GetSection(JobsOptions.Section))
            .Validate(o => o.PeriodClosingInterval > TimeSpan.Zero, "Jobs:PeriodClosingInterval must be positive.")
            .Validate(o => o.ControlCountingInterval > TimeSpan.Zero, "Jobs:ControlCountingInterval must be positive.")
            .Validate(o => o.MonitoringCountingInterval >= o.ControlCountingInterval,
                "Jobs:MonitoringCountingInterval must be at least Jobs:ControlCountingInterval (the job that counts it runs at that one).")
            .Validate(o => o.MailInterval > TimeSpan.Zero, "Jobs:MailInterval must be positive.")
            .Validate(o => o.ReminderInterval > TimeSpan.Zero, "Jobs:ReminderInterval must be positive.")
            .Validate(o => o.OutboxRetention >= TimeSpan.FromDays(1), "Jobs:OutboxRetention must be a day or more.")
            .Validate(o => o.OutboxCleanupInterval > TimeSpan.Zero, "Jobs:OutboxCleanupInterval must be positive.")
            .ValidateOnStart();
        services.AddScoped<PeriodClosing>();
        services.AddScoped<Areas.Operator.Pages.Control.ControlCounting>();
        services.AddScoped<Areas.Operator.Pages.AheadCounting>();
        services.AddScoped<Data.ReadModel.CountedAheadStore>();
        services.AddSingleton<Data.ReadModel.CountedAheadMemo>();
        services.AddSingleton<Data.ReadModel.MonitoringReportMemo>();

        // Decided at registration, so that a disabled job is not even constructed.
        if (configuration.GetSection(JobsOptions.Section).Get<JobsOptions>()?.Enabled ?? true)
        {
            services.AddHostedService<PeriodClosingJob>();
            services.AddHostedService<ControlCountingJob>();
            services.AddHostedService<OutboxJob>();
            services.AddHostedService<ReminderJob>();
            services.AddHostedService<OutboxCleanupJob>();
        }
        return services;
    }
}
