using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Attestation.Web.Infrastructure;

/// <summary>
/// The link of a page about one row of a list («Просмотреть заявление» of each application): built by the router once
/// per list with a placeholder for the row's id, then completed per row as text. A tag helper per row asked the router
/// for every link of every row — a quarter of a list page's allocations and its link-building time.
/// </summary>
public sealed class RowLink
{
    /// <summary>The ids the router writes where a row's ids go; no row has them.</summary>
    private static readonly string Placeholder = Guid.AllBitsSet.ToString(), SecondPlaceholder = new Guid("ffffffff-ffff-ffff-ffff-fffffffffffe").ToString();

    private readonly string _template;

    private RowLink(string template) => _template = template;

    /// <summary>The link to the row <paramref name="id"/>.</summary>
    public string For(Guid id) => _template.Replace(Placeholder, id.ToString(), StringComparison.Ordinal);

    /// <summary>The link to the row <paramref name="id"/> of a directory (its ids are numbers).</summary>
    public string For(int id) => _template.Replace(Placeholder, id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>The link to the row <paramref name="id"/> and its part <paramref name="second"/> (a file of the application).</summary>
    public string For(Guid id, Guid second) =>
        For(id).Replace(SecondPlaceholder, second.ToString(), StringComparison.Ordinal);

    /// <summary>
    /// The link of <paramref name="pageName"/> (a page path as <c>asp-page</c> takes it, relative to the current area;
    /// null for the current page)
    /// with the row's id as the route value <paramref name="idName"/> (and a second id as <paramref name="secondIdName"/>,
    /// if any), and <paramref name="values"/> the same for every row.
    /// </summary>
    public static RowLink Of(IUrlHelper url, string? pageName, string? handler = null, object? values = null,
        string? fragment = null, string idName = "id", string? secondIdName = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        var routeValues = new RouteValueDictionary(values) { [idName] = Placeholder };
        if (secondIdName is not null)
            routeValues[secondIdName] = SecondPlaceholder;
        var template = url.Page(pageName, handler, routeValues, protocol: null, host: null, fragment: fragment)
            ?? throw new InvalidOperationException($"No route to the page {pageName}.");
        return new RowLink(template);
    }
}

public static class RowLinkExtensions
{
    /// <summary><see cref="RowLink.Of"/> on this page's router.</summary>
    public static RowLink RowLink(this IUrlHelper url, string? pageName, string? handler = null, object? values = null,
        string? fragment = null, string idName = "id", string? secondIdName = null) =>
        Infrastructure.RowLink.Of(url, pageName, handler, values, fragment, idName, secondIdName);
}
