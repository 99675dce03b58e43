using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace Attestation.Web.Tests.Security.Matrix;

/// <summary>One endpoint as the portal's routing knows it: a page's handler for one HTTP method, or a mapped route.</summary>
public sealed record FoundEndpoint(string Method, string Path, string? Handler, Endpoint Endpoint,
    CompiledPageActionDescriptor? Page, HandlerMethodDescriptor? HandlerMethod)
{
    public string Key => EndpointRule.Describe(Method, Path, Handler);

    /// <summary>The names a request may carry to this handler: its parameters and the page's bound properties.</summary>
    public IReadOnlySet<string> BoundNames => (HandlerMethod?.Parameters.Select(p => p.BindingInfo?.BinderModelName ?? p.Name) ?? [])
        .Concat(Page?.BoundProperties.Select(p => p.BindingInfo?.BinderModelName ?? p.Name) ?? [])
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public bool IgnoresAntiforgery =>
        Page?.EndpointMetadata.OfType<IgnoreAntiforgeryTokenAttribute>().Any() == true
        || Endpoint.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: false };
}

/// <summary>
/// Every endpoint of the portal read from its <see cref="EndpointDataSource"/>: each Razor page with each of its
/// handlers (loaded as the router loads them, so handlers inherited from a base page are there), each other mapped
/// route with its methods. Static assets (the build's files served by MapStaticAssets) are left out by rule: they are
/// files, the same for everyone.
/// </summary>
public static class PortalEndpoints
{
    public static async Task<IReadOnlyList<FoundEndpoint>> ReadAsync(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        var loader = services.GetRequiredService<PageLoader>();
        var found = new Dictionary<string, FoundEndpoint>();
        foreach (var endpoint in source.Endpoints)
        {
            if (endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null)
                continue;
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } descriptor)
            {
                var page = await loader.LoadAsync(descriptor, endpoint.Metadata);
                var path = page.AreaName is null ? page.ViewEnginePath : $"/{page.AreaName}{page.ViewEnginePath}";
                if (page.HandlerMethods.Count == 0)
                    Add(found, new FoundEndpoint("GET", path, null, endpoint, page, null));
                foreach (var handler in page.HandlerMethods)
                    Add(found, new FoundEndpoint(handler.HttpMethod.ToUpperInvariant(), path, handler.Name, endpoint, page, handler));
                continue;
            }

            var route = ((RouteEndpoint)endpoint).RoutePattern.RawText ?? "";
            route = route.StartsWith('/') ? route : "/" + route;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"];
            foreach (var method in methods.Where(m => m != HttpMethods.Head))
                Add(found, new FoundEndpoint(method, route, null, endpoint, null, null));
        }
        return [.. found.Values.OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Method).ThenBy(e => e.Handler)];
    }

    /// <summary>The roles a page's policy admits: null for anyone (anonymous), empty for anyone signed in.</summary>
    public static async Task<IReadOnlySet<string>?> AdmittedRolesAsync(IServiceProvider services, Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            return null;
        var provider = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var policy = await AuthorizationPolicy.CombineAsync(provider, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(),
            endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
        if (policy is null)
            return null;
        var roles = policy.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>()
            .Select(r => r.AllowedRoles.ToHashSet(StringComparer.Ordinal))
            .Aggregate((HashSet<string>?)null, (all, next) => all is null ? next : [.. all.Intersect(next)]);
        return roles ?? new HashSet<string>();
    }

    // A page answers on two routes («/X/Index» and «/X»): one entry for both.
    private static void Add(Dictionary<string, FoundEndpoint> found, FoundEndpoint endpoint) => found.TryAdd(endpoint.Key, endpoint);
}
