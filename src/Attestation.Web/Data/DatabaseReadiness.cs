using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Attestation.Web.Data;

/// <summary>
/// <c>/health/ready</c>'s database: one <c>SELECT 1</c> that must answer within <see cref="Timeout"/>, whether
/// PostgreSQL is stopped (the connection refused) or hung (the connection accepted and never answered), so that a load
/// balancer takes the instance out within seconds and back as soon as the server answers again.
/// </summary>
public sealed class DatabaseReadiness(AttestationDbContext db) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(4);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Its own connection, given up on after Timeout: Npgsql does not abandon a connection's start-up on a token, so
        // a server that accepts and never answers held the check for the connection's whole timeout. The probe left
        // behind ends by its own timeouts and closes its connection.
        var builder = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString())
        {
            Timeout = (int)Timeout.TotalSeconds + 1,
            CommandTimeout = (int)Timeout.TotalSeconds + 1,
            ApplicationName = "Attestation readiness",
            // A new connection every time: a pooled one reaches a backend started earlier, which still answers when
            // the postmaster itself hangs and no new connection can be made (every page then waits and fails).
            Pooling = false,
        };
        var probe = ProbeAsync(builder.ConnectionString);
        var finished = await Task.WhenAny(probe, Task.Delay(Timeout, cancellationToken));
        if (finished != probe)
        {
            _ = probe.ContinueWith(t => t.Exception, TaskScheduler.Default);
            return HealthCheckResult.Unhealthy($"PostgreSQL did not answer within {Timeout.TotalSeconds:0} s.");
        }
        try
        {
            await probe;
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (DatabaseOutage.Is(exception) || exception is NpgsqlException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is unreachable.", exception);
        }
    }

    private static async Task ProbeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync();
    }
}

/// <summary>Whether an exception means the database could not be reached (refused, reset, timed out), not a bug.</summary>
public static class DatabaseOutage
{
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true } or System.Net.Sockets.SocketException or TimeoutException)
                return true;
            if (e is NpgsqlException { InnerException: System.IO.IOException or System.Net.Sockets.SocketException })
                return true;
        }
        return false;
    }
}
