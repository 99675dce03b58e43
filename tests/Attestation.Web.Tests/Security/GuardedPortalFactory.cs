using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Attestation.Web.Tests.Security;

/// <summary>
/// The portal with the test directory, a test-only address whose request throws (behind the portal's own exception
/// handler, as a failing page would be) and every log line captured.
/// </summary>
public sealed class GuardedPortalFactory : PortalWithDirectoryFactory
{
    public const string FailingPath = "/test-only/throw";

    public CapturedLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, FailingPathStartupFilter>();
            services.AddSingleton<ILoggerProvider>(Log);
        });
    }

    private sealed class FailingPathStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, nextMiddleware) => context.Request.Path == FailingPath
                ? throw new InvalidOperationException("A test-only failure.")
                : nextMiddleware(context));
        };
    }
}

/// <summary>Every log line of the portal, with its exception, as the log file would hold it.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLine> _lines = new();

    public IReadOnlyList<CapturedLine> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            lines.Enqueue(new CapturedLine(category, logLevel, formatter(state, exception), exception));
        }
    }
}

public sealed record CapturedLine(string Category, LogLevel Level, string Message, Exception? Exception);
