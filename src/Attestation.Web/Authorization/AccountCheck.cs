using System.Security.Claims;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Authorization;

/// <summary>
/// Every signed-in request checks the account in one indexed statement before any page runs: a blocked account, a
/// password changed elsewhere (a new security stamp) or a deleted account ends the session at once. The same statement
/// counts the person's unread notices, which the navigation's bell shows, so a page pays no extra statement for it,
/// reads the version of the directories' names (the lists show the names held for it, DirectoryNameSnapshot), and reads whether he signs in with a second factor (the operator's pages require it). A sign-out, a new password
/// and the operator's block each write a new stamp, so a cookie saved before any of them opens nothing. A session also
/// ends <see cref="SessionLifetimeOptions.AbsoluteTimeout"/> after its sign-in.
/// </summary>
public static class AccountCheck
{
    private const string UnreadKey = "Attestation.UnreadNotices";

    private const string OutageKey = "Attestation.DatabaseOutage";

    private const string TwoFactorKey = "Attestation.TwoFactorEnabled";

    private static readonly Func<AttestationDbContext, Guid, CancellationToken, Task<AccountState?>> Load =
        EF.CompileAsyncQuery((AttestationDbContext db, Guid id, CancellationToken _) => db.Users
            .Where(u => u.Id == id)
            .Select(u => new AccountState(u.SecurityStamp, u.LockoutEnd, u.TwoFactorEnabled,
                db.Notifications.Count(n => n.UserId == id && n.ReadAt == null),
                db.DirectoryVersions.Max(v => (long?)v.Version)))
            .SingleOrDefault());

    private sealed record AccountState(string? SecurityStamp, DateTimeOffset? LockoutEnd, bool TwoFactorEnabled, int Unread,
        long? DirectoryVersion);

    /// <summary>The cookie's <c>OnValidatePrincipal</c>: in place of Identity's check every half hour.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.Principal;
        if (principal?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } rawId || !Guid.TryParse(rawId, out var id))
            return;
        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<AttestationDbContext>();
        AccountState? state;
        try
        {
            state = await Load(db, id, context.HttpContext.RequestAborted);
        }
        catch (Exception exception) when (DatabaseOutage.Is(exception))
        {
            // PostgreSQL is down: the request goes on as a visitor's, and ThrowIfDatabaseDown fails it right after
            // the authentication with this exception. Thrown here, it would be thrown again by the error page's own
            // authentication (the cookie handler keeps its result for the request) and the 503 page could not show.
            // The session is kept: the cookie is not touched.
            context.HttpContext.Items[OutageKey] = exception;
            context.RejectPrincipal();
            return;
        }
        var stampType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var lifetime = services.GetRequiredService<IOptions<SessionLifetimeOptions>>().Value.AbsoluteTimeout;
        // A lockout after wrong passwords does not end the sessions already open: guessing someone's password must not
        // sign him out. The operator's block does (it writes a new stamp too).
        if (state is null
            || AccountBlock.IsBlocked(state.LockoutEnd)
            || !string.Equals(principal.FindFirstValue(stampType), state.SecurityStamp, StringComparison.Ordinal)
            || SessionCookies.SignedInAt(context.Properties) is not { } signedInAt
            || signedInAt + lifetime <= now)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        context.HttpContext.Items[UnreadKey] = state.Unread;
        context.HttpContext.Items[TwoFactorKey] = state.TwoFactorEnabled;
        if (state.DirectoryVersion is { } directoryVersion)
            context.HttpContext.SetDirectoryVersion(directoryVersion);
    }

    /// <summary>Whether the signed-in account has two-factor sign-in enabled, as read by this request's check.</summary>
    public static bool? TwoFactorEnabled(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(TwoFactorKey, out var value) && value is bool enabled ? enabled : null;
    }

    /// <summary>
    /// Right after the authentication: fails the request with the database's exception when the account could not be
    /// checked, once (the error page re-executed for it then runs as a visitor's and says «temporarily unavailable»).
    /// </summary>
    public static void ThrowIfDatabaseDown(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.Remove(OutageKey, out var value) && value is Exception exception)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception);
    }

    /// <summary>The unread count read with the account's check of this request, if it ran.</summary>
    public static int? Unread(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(UnreadKey, out var value) && value is int unread ? unread : null;
    }
}
