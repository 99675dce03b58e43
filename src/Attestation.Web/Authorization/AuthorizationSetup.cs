using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attestation.Web.Authorization;

public static class AuthorizationSetup
{
    public static IServiceCollection AddPortalAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Teacher, p => p.RequireRole(Roles.Teacher))
            .AddPolicy(Policies.School, p => p.RequireRole(Roles.SchoolCoordinator))
            .AddPolicy(Policies.Municipality, p => p.RequireRole(Roles.MunicipalCoordinator))
            .AddPolicy(Policies.Expert, p => p.RequireRole(Roles.Expert))
            .AddPolicy(Policies.Operator, p => p.RequireRole(Roles.Operator));
        return services;
    }

    /// <summary>Every page of an area requires that area's role: nothing is public by accident.</summary>
    public static RazorPagesOptions AuthorizeAreas(this RazorPagesOptions options)
    {
        options.Conventions.AuthorizeAreaFolder(AreaNames.Teacher, "/", Policies.Teacher);
        options.Conventions.AuthorizeAreaFolder(AreaNames.School, "/", Policies.School);
        options.Conventions.AuthorizeAreaFolder(AreaNames.Municipality, "/", Policies.Municipality);
        options.Conventions.AuthorizeAreaFolder(AreaNames.Expert, "/", Policies.Expert);
        options.Conventions.AuthorizeAreaFolder(AreaNames.Operator, "/", Policies.Operator);
        options.Conventions.AuthorizePage("/Account/Profile");
        // A coordinator without a municipality: one clear page everywhere in his cabinet but his home page (which
        // says the same) and his profile.
        options.Conventions.AddAreaFolderApplicationModelConvention(AreaNames.Municipality, "/", model =>
        {
            if (model.ViewEnginePath is not ("/Index" or "/Profile/Index"))
                model.Filters.Add(new RequireMunicipalityFilter());
        });
        // The operator's cabinet only with a second factor, while the portal requires it (Accounts:RequireOperatorTwoFactor).
        options.Conventions.AddAreaFolderApplicationModelConvention(AreaNames.Operator, "/",
            model => model.Filters.Add(new RequireTwoFactorFilter()));
        return options;
    }
}
