using System.Security.Cryptography;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Attestation.Web.Authorization;

/// <summary>
/// A sign-in with a login nobody has does the work of a wrong password — one password hash verified, with the
/// hasher's own settings — so that the time of the answer does not tell whether the login exists.
/// </summary>
public static class UnknownLogin
{
    private static string? _nobodysHash;

    public static void VerifyPassword(IPasswordHasher<AppUser> hasher, string password)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        var nobody = new AppUser();
        _nobodysHash ??= hasher.HashPassword(nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)));
        hasher.VerifyHashedPassword(nobody, _nobodysHash, password);
    }
}
