using Microsoft.Net.Http.Headers;

namespace Attestation.Testing;

public static class ResponseReading
{
    /// <summary>
    /// Where a redirect points, as path and query: the app writes some locations relative ("/Teacher") and the
    /// authentication handler absolute ("http://localhost/Account/Login?ReturnUrl=…").
    /// </summary>
    public static string? RedirectPath(this HttpResponseMessage response)
    {
        var location = response.Headers.Location;
        if (location is null)
            return null;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>The Set-Cookie header that sets (or clears) the cookie called <paramref name="name"/>, if any.</summary>
    public static SetCookieHeaderValue? SetCookie(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(HeaderNames.SetCookie, out var values)
            ? SetCookieHeaderValue.ParseList(values.ToList())
                .LastOrDefault(cookie => cookie.Name.Equals(name, StringComparison.Ordinal))
            : null;
}
