using System.Net;

namespace Attestation.Testing;

/// <summary>
/// A session carried by hand between portal instances (another host on the same database, a restored copy): signed in
/// by the form on a client without a cookie container, the cookies kept as one Cookie header.
/// </summary>
public static class SessionCookie
{
    public static async Task<string> SignInAsync(HttpClient client, string login, string password = PortalFactory.Password)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var form = await client.GetAsync("/Account/Login");
        var antiforgery = Cookies(form);
        var token = (await form.ReadDocumentAsync()).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The sign-in page has no antiforgery token.");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Login"] = login,
                ["Input.Password"] = password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        using var signedIn = await client.SendAsync(post);
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {login} answered {(int)signedIn.StatusCode}.");
        return antiforgery + "; " + Cookies(signedIn);
    }

    /// <summary>GETs <paramref name="url"/> with the session's cookies.</summary>
    public static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string cookie)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(cookie => cookie.Split(';')[0])
            : []);
}
