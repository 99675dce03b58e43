using System.Security.Claims;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Authorization;

public static class PortalClaims
{
    /// <summary>«Лебедева О. И.», shown in the navigation bar without a database query per page.</summary>
    public const string ShortName = "attestation:short_name";

    /// <summary>The municipality of a coordinator or expert: the scope of every query they make.</summary>
    public const string MunicipalityId = "attestation:municipality";

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(ShortName) ?? user.Identity?.Name ?? "";
}

/// <summary>Adds the person's short name to the sign-in cookie.</summary>
public sealed class PortalClaimsPrincipalFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.ShortName, user.ShortName));
        if (user.MunicipalityId is { } municipalityId)
            identity.AddClaim(new Claim(PortalClaims.MunicipalityId,
                municipalityId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}
