using System.Globalization;
using System.Text;
using Attestation.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Authorization;

/// <summary>
/// UserManager whose lockout follows the portal's <see cref="TimeProvider"/> (in .NET 10 Identity reads the system
/// clock for lockouts, dotnet/aspnetcore#62796), so lockout is testable and consistent with every other deadline.
/// </summary>
public sealed class PortalUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger,
    TimeProvider time,
    IOptions<AccountOptions> accounts)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer,
        errors, services, logger)
{
    private readonly TimeSpan _longest = accounts.Value.LongestLockout;

    private IUserLockoutStore<AppUser> LockoutStore => (IUserLockoutStore<AppUser>)Store;

    public override async Task<bool> IsLockedOutAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!SupportsUserLockout || !await LockoutStore.GetLockoutEnabledAsync(user, CancellationToken))
            return false;
        var end = await LockoutStore.GetLockoutEndDateAsync(user, CancellationToken);
        return end >= time.GetUtcNow();
    }

    /// <summary>
    /// A failure counts; from the <c>MaxFailedAttempts</c>-th in a row each one locks the account for twice as long as
    /// the one before (1, 2, 4… minutes from <see cref="AccountOptions.FirstLockout"/>), never longer than
    /// <see cref="AccountOptions.LongestLockout"/>. A success (or a new password) resets the count. While locked, the
    /// password is not even checked, so guessing cannot make the wait longer than the next doubling.
    /// </summary>
    public override async Task<IdentityResult> AccessFailedAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!SupportsUserLockout)
            return IdentityResult.Success;
        var count = await LockoutStore.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (count >= Options.Lockout.MaxFailedAccessAttempts)
            await LockoutStore.SetLockoutEndDateAsync(user, time.GetUtcNow().Add(LockoutAfter(count)), CancellationToken);
        return await UpdateUserAsync(user);
    }

    /// <summary>The lockout after the <paramref name="failures"/>-th failure in a row.</summary>
    public TimeSpan LockoutAfter(int failures)
    {
        var doublings = Math.Clamp(failures - Options.Lockout.MaxFailedAccessAttempts, 0, 30);
        var wait = Options.Lockout.DefaultLockoutTimeSpan * Math.Pow(2, doublings);
        return wait < _longest ? wait : _longest;
    }

    /// <summary>
    /// The authenticator key to enrol with, made on first use without a new security stamp: opening the page that
    /// shows the QR code must not end the person's other sessions (enabling it does).
    /// </summary>
    public async Task<string> AuthenticatorKeyAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await GetAuthenticatorKeyAsync(user) is { Length: > 0 } key)
            return key;
        await ((IUserAuthenticatorKeyStore<AppUser>)Store).SetAuthenticatorKeyAsync(user, GenerateNewAuthenticatorKey(),
            CancellationToken);
        await UpdateUserAsync(user);
        return (await GetAuthenticatorKeyAsync(user))!;
    }
}

/// <summary>
/// The password-reset (and other) tokens: protected by the shared data-protection keys, stamped with the portal's
/// clock so that «ссылка действует 24 часа» holds and can be tested (dotnet/aspnetcore#54639).
/// </summary>
public sealed class PortalTokenProvider(
    IDataProtectionProvider dataProtection,
    IOptions<DataProtectionTokenProviderOptions> options,
    TimeProvider time) : IUserTwoFactorTokenProvider<AppUser>
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector(nameof(PortalTokenProvider));
    private readonly TimeSpan _lifespan = options.Value.TokenLifespan;

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(false);

    public async Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var payload = string.Join('\n',
            time.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture),
            await manager.GetUserIdAsync(user),
            purpose,
            manager.SupportsUserSecurityStamp ? await manager.GetSecurityStampAsync(user) : "");
        return Convert.ToBase64String(_protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(_protector.Unprotect(Convert.FromBase64String(token))).Split('\n');
        }
        catch (Exception error) when (error is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return false;
        }

        if (parts.Length != 4 || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticks))
            return false;
        var created = new DateTimeOffset(ticks, TimeSpan.Zero);
        if (created + _lifespan < time.GetUtcNow())
            return false;
        if (parts[1] != await manager.GetUserIdAsync(user) || parts[2] != purpose)
            return false;
        // A changed security stamp (the password was reset already) retires the link: it works once.
        var stamp = manager.SupportsUserSecurityStamp ? await manager.GetSecurityStampAsync(user) : "";
        return parts[3] == stamp;
    }
}
