using Attestation.Web.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Attestation.Web.Authorization;

public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>Failed sign-ins in a row before the first lockout.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>The first lockout; each further failure after it doubles the wait.</summary>
    public TimeSpan FirstLockout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The longest wait: whoever guesses can hold an account shut for no longer than this at a time, and the owner can
    /// always open it at once with a new password by the letter «Забыли пароль?».
    /// </summary>
    public TimeSpan LongestLockout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The operator works only with two-factor sign-in: without it he is sent to enable it first.</summary>
    public bool RequireOperatorTwoFactor { get; set; } = true;
}

public static class IdentitySetup
{
    public const int MinPasswordLength = 12;

    public static IServiceCollection AddPortalIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AccountOptions>(configuration.GetSection(AccountOptions.Section));
        services.Configure<SessionLifetimeOptions>(configuration.GetSection(SessionLifetimeOptions.Section));
        var accounts = configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
        var sessions = configuration.GetSection(SessionLifetimeOptions.Section).Get<SessionLifetimeOptions>() ?? new SessionLifetimeOptions();

        services.AddIdentity<AppUser, IdentityRole<Guid>>(options =>
            {
                // Length over composition (NIST 800-63B): at least twelve characters, no character-class rules; what
                // is common or predictable is refused by PortalPasswordValidator.
                options.Password.RequiredLength = MinPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;

                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = accounts.MaxFailedAttempts;
                options.Lockout.DefaultLockoutTimeSpan = accounts.FirstLockout;

                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters =
                    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AttestationDbContext>()
            .AddErrorDescriber<RussianIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddUserManager<PortalUserManager>()
            .AddPasswordValidator<PortalPasswordValidator>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<PortalTokenProvider>(TokenOptions.DefaultProvider);

        services.ConfigureApplicationCookie(options =>
        {
            SessionCookies.Configure(options, "attestation.auth");
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            // Idle: a session unused for this long ends (sliding); absolute: AccountCheck ends it this long after the
            // sign-in whatever the use.
            options.ExpireTimeSpan = sessions.IdleTimeout;
            options.SlidingExpiration = true;
            options.Events.OnSigningIn = SessionCookies.StampSignInAsync;
            options.Events.OnValidatePrincipal = AccountCheck.ValidateAsync;
            // Another role's page answers 403 (rendered by the status code page), not a redirect that hides it.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // Between the password and the code: the half-way session of a two-factor sign-in.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme,
            options => SessionCookies.Configure(options, "attestation.2fa"));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme,
            options => SessionCookies.Configure(options, "attestation.2fa.device"));
        services.AddPortalCookiePolicy();

        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(24));
        return services;
    }
}
