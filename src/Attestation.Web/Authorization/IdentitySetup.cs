using Attestation.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Attestation.Web.Authorization;

public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>Failed sign-ins in a row before the account is locked.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}

public static class IdentitySetup
{
    public const int MinPasswordLength = 10;

    public static IServiceCollection AddPortalIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        var accounts = configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();

        services.AddIdentity<AppUser, IdentityRole<Guid>>(options =>
            {
                // Length over composition (NIST 800-63B): at least ten characters, no character-class rules.
                options.Password.RequiredLength = MinPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;

                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = accounts.MaxFailedAttempts;
                options.Lockout.DefaultLockoutTimeSpan = accounts.LockoutDuration;

                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters =
                    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AttestationDbContext>()
            .AddErrorDescriber<RussianIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddUserManager<PortalUserManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<PortalTokenProvider>(TokenOptions.DefaultProvider);

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "attestation.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = AccountCheck.ValidateAsync;
            // Another role's page answers 403 (rendered by the status code page), not a redirect that hides it.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(24));
        return services;
    }
}
