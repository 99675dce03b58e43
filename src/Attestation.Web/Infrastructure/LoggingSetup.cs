using System.Diagnostics;
using System.Globalization;
using Attestation.Web.Storage;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Attestation.Web.Infrastructure;

/// <summary>Where the portal's log goes (section <c>Logs</c>).</summary>
public sealed class LogOptions
{
    public const string Section = "Logs";

    /// <summary>
    /// <c>json</c> (the default): one JSON object a line on standard output, for the container's or the host's log
    /// collector, each instance its own stream; <c>text</c>: lines for a person at a terminal (the start script);
    /// <c>none</c>.
    /// </summary>
    public string Console { get; set; } = "json";

    /// <summary>
    /// A file to write as well (JSON lines, one file a day, kept <see cref="RetainedFiles"/> days), relative to the data
    /// directory, e.g. <c>logs/portal-.log</c>; none when empty. Several instances may share it: it is opened shared.
    /// </summary>
    public string? File { get; set; }

    public int RetainedFiles { get; set; } = 14;

    /// <summary>Names this instance in every line; by default the host name and the process id.</summary>
    public string? Instance { get; set; }
}

public static class LoggingSetup
{
    /// <summary>
    /// Serilog for every log line of the portal (Serilog.AspNetCore), the levels from the <c>Serilog</c> section, the
    /// outputs from <see cref="LogOptions"/>. Other logger providers (a test's capture) still get every line.
    /// </summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(LogOptions.Section).Get<LogOptions>() ?? new LogOptions();
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var dataDirectory = storage.ResolveDataDirectory(builder.Environment.ContentRootPath);
        var configuration = builder.Configuration;

        // Serilog writes every line; the providers the host registers by default (console…) would write them twice.
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(
            (services, logger) => Configure(logger, options, dataDirectory)
                .ReadFrom.Configuration(configuration)
                .ReadFrom.Services(services),
            // The static Log.Logger left alone: each host (several in one test process) writes through its own logger.
            preserveStaticLogger: true,
            writeToProviders: true);
        return builder;
    }

    /// <summary>The portal's logger: levels, enrichment and outputs (the levels in configuration are read over these).</summary>
    public static LoggerConfiguration Configure(LoggerConfiguration logger, LogOptions options, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(options);
        logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Instance", string.IsNullOrWhiteSpace(options.Instance)
                ? $"{Environment.MachineName}:{Environment.ProcessId}"
                : options.Instance);

        switch (options.Console.Trim().ToLowerInvariant())
        {
            case "none":
                break;
            case "text":
                logger.WriteTo.Console(
                    outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}",
                    formatProvider: CultureInfo.InvariantCulture);
                break;
            default:
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
                break;
        }

        if (!string.IsNullOrWhiteSpace(options.File))
        {
            logger.WriteTo.File(
                new RenderedCompactJsonFormatter(),
                Path.GetFullPath(options.File, dataDirectory),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: options.RetainedFiles,
                // Instances sharing the data folder append to one file, each line whole.
                shared: true);
        }
        return logger;
    }

    /// <summary>
    /// One line a request: method, path, status and time, with the request code the error page shows, the account and
    /// the client's address. Probes and static files only at Debug; failures as errors.
    /// </summary>
    public static IApplicationBuilder UsePortalRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // This host's logger, not the static one.
            options.Logger = app.ApplicationServices.GetService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod:l} {RequestPath:l} answered {StatusCode} in {Elapsed:0.0} ms, request {RequestCode:l}";
            options.GetLevel = (context, _, error) =>
                error is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/health") || Path.HasExtension(context.Request.Path.Value) ? LogEventLevel.Debug
                : LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("RequestCode", RequestCode(context));
                diagnostics.Set("User", context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : null);
                diagnostics.Set("ClientAddress", context.Connection.RemoteIpAddress?.ToString());
            };
        });

    /// <summary>The code the error page shows, by which a user's report finds the request's lines.</summary>
    public static string RequestCode(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Activity.Current?.Id ?? context.TraceIdentifier;
    }
}
