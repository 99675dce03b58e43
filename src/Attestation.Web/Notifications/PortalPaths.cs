namespace Attestation.Web.Notifications;

public static class PortalPaths
{
    /// <summary>The path of a page of an area, for a letter's link and a notice (throws when there is no such page).</summary>
    public static string Page(this LinkGenerator routes, string page, string area, object? values = null)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var route = new RouteValueDictionary(values) { ["area"] = area };
        return routes.GetPathByPage(page, values: route)
            ?? throw new InvalidOperationException($"No route to {area}{page}.");
    }
}
