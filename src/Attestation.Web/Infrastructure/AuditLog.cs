using System.Security.Claims;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Infrastructure;

/// <summary>
/// Writes the security audit log (<see cref="AuditEvent"/>): the request's account, address and time are taken here, so
/// a caller says only what happened and to what. A line is inserted on its own, outside the page's unit of work (the
/// change tracker is not touched), and a failure to write it is logged, never shown to the user.
/// </summary>
public sealed partial class AuditLog(AttestationDbContext db, TimeProvider time, IHttpContextAccessor http, ILogger<AuditLog> logger)
{
    /// <summary>An action of the signed-in person (or an anonymous request) on <paramref name="subject"/>.</summary>
    public Task RecordAsync(AuditAction action, string? subject, CancellationToken ct = default)
    {
        var user = http.HttpContext?.User;
        var signedIn = user?.Identity?.IsAuthenticated == true;
        return WriteAsync(new AuditEvent(time.GetUtcNow(), action,
            signedIn ? user!.UserId() : null,
            signedIn ? user!.Identity!.Name : null,
            signedIn ? user!.FindFirstValue(PortalClaims.ShortName) : null,
            Address(), subject), ct);
    }

    /// <summary>An action about an account named explicitly: a sign-in (failed or not), a lockout, a password reset.</summary>
    public Task RecordAsync(AuditAction action, AppUser? account, string? login, string? subject, CancellationToken ct = default) =>
        WriteAsync(new AuditEvent(time.GetUtcNow(), action, account?.Id, account?.UserName ?? login, account?.ShortName, Address(), subject), ct);

    /// <summary>A sign-in: the principal just issued (the request's own user is still the anonymous one).</summary>
    public Task RecordSignInAsync(ClaimsPrincipal? principal, AuditAction action, CancellationToken ct = default) =>
        WriteAsync(new AuditEvent(time.GetUtcNow(), action,
            principal?.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && Guid.TryParse(id, out var userId) ? userId : null,
            principal?.Identity?.Name, principal?.FindFirstValue(PortalClaims.ShortName), Address(), null), ct);

    private string? Address() => http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    private async Task WriteAsync(AuditEvent entry, CancellationToken ct)
    {
        try
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AuditEvents" ("At", "Action", "UserId", "Login", "PersonName", "Address", "Subject")
                VALUES ({entry.At}, {entry.Action.ToString()}, {entry.UserId}, {entry.Login}, {entry.PersonName}, {entry.Address}, {entry.Subject})
                """, ct);
        }
        catch (Exception error) when (error is DbUpdateException or Npgsql.NpgsqlException or InvalidOperationException)
        {
            LogNotWritten(logger, error, entry.Action, entry.Login, entry.Subject);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit line not written: {Action} by {Login} on {Subject}")]
    private static partial void LogNotWritten(ILogger logger, Exception error, AuditAction action, string? login, string? subject);
}
