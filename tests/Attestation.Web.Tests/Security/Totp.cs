using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Attestation.Web.Tests.Security;

/// <summary>
/// What an authenticator app computes (RFC 6238: HMAC-SHA1, 30-second steps, six digits) from the key the portal
/// shows, at the system's time: Identity checks the codes against the system clock, not the portal's.
/// </summary>
internal static class Totp
{
    public static string Code(string shownKey) => Code(shownKey, DateTimeOffset.UtcNow);

    public static string Code(string shownKey, DateTimeOffset at)
    {
        var key = FromBase32(shownKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        Span<byte> step = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(step, at.ToUnixTimeSeconds() / 30);
        // SHA-1 is what RFC 6238 and every authenticator app use; the key, not the hash, keeps the code secret.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(key, step);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var value = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF;
        return (value % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. bytes];
    }
}
