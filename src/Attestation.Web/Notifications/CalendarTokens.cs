using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Attestation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Notifications;

/// <summary>
/// The secret of a person's calendar feed: 32 random bytes in the feed's address (base64url), kept in the database only
/// as their SHA-256, so that a copy of the database does not open anybody's feed. Renewing replaces the hash: the old
/// address stops working at once, on every instance.
/// </summary>
public sealed class CalendarTokens(AttestationDbContext db)
{
    public const int TokenBytes = 32;

    /// <summary>The length of a token in the address: 32 bytes in base64url without padding.</summary>
    public const int TokenLength = 43;

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
    }

    /// <summary>The feed's path for <paramref name="token"/>.</summary>
    public static string PathOf(string token) => $"/calendar/{token}.ics";

    /// <summary>The owner of the feed <paramref name="token"/> opens; null for anything else (a malformed, old or made-up token).</summary>
    public async Task<Guid?> OwnerAsync(string? token, CancellationToken ct)
    {
        if (token is not { Length: TokenLength } || !Base64Url.IsValid(token))
            return null;
        var hash = Hash(token);
        return await db.NotificationSettings.AsNoTracking()
            .Where(s => s.CalendarTokenHash == hash)
            .Select(s => (Guid?)s.UserId)
            .SingleOrDefaultAsync(ct);
    }
}
