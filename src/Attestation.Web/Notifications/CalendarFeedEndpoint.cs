using Attestation.Web.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace Attestation.Web.Notifications;

/// <summary>
/// <c>GET /calendar/{token}.ics</c>: a person's deadlines for a calendar application, which signs in to nothing — the
/// secret address is the key. Anonymous, one indexed look-up of the token's hash, then the owner's own deadlines; an
/// unknown or renewed token is a 404 like any missing page. Cacheable by its owner only (private), with an ETag so that
/// calendars polling it get 304 while nothing changed.
/// </summary>
public static class CalendarFeedEndpoint
{
    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/calendar/{token}.ics", async (string token, HttpContext http, CalendarTokens tokens, DeadlineFeed feed,
            RegionTime region, CancellationToken ct) =>
        {
            var owner = await tokens.OwnerAsync(token, ct);
            if (owner is null)
                return Results.NotFound();
            var events = await feed.EventsAsync(owner.Value, ct);
            var etag = DeadlineFeed.ETag(events);
            var headers = http.Response.Headers;
            headers.CacheControl = "private, max-age=3600";
            headers.ETag = etag;
            headers["X-Robots-Tag"] = "noindex";
            headers["Referrer-Policy"] = "no-referrer";
            if (http.Request.Headers.IfNoneMatch.Contains(etag))
                return Results.StatusCode(StatusCodes.Status304NotModified);
            headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = "attestation.ics" }.ToString();
            return Results.Text(feed.Serialize(events, region.Now), "text/calendar; charset=utf-8");
        }).AllowAnonymous();
        return app;
    }
}
