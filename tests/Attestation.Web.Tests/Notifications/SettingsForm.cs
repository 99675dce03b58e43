using System.Net;
using AngleSharp.Html.Dom;
using Attestation.Testing;
using Attestation.Web.Data;

namespace Attestation.Web.Tests.Notifications;

/// <summary>«Настройки уведомлений» as a browser posts it: several checkboxes of one name, the version, the token.</summary>
public static class SettingsForm
{
    public const string Url = "/Notifications/Settings";

    public static async Task<HttpResponseMessage> SaveAsync(HttpClient client, IEnumerable<NotificationKind> enabled, bool? digest = null,
        string? version = null, IEnumerable<string>? rawEnabled = null)
    {
        var page = await client.GetDocumentAsync(Url);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", Token(page, "#settings")),
            new("Input.Version", version ?? page.QuerySelector("#settings input[name='Input.Version']")!.GetAttribute("value")!),
        };
        fields.AddRange((rawEnabled ?? enabled.Select(k => k.ToString())).Select(k => new KeyValuePair<string, string>("Input.Enabled", k)));
        if (digest is { } on)
            fields.Add(new("Input.DailyDigest", on ? "true" : "false"));
        return await client.PostAsync(Url, new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts one of the calendar's buttons; returns the page after the redirect.</summary>
    public static async Task<IHtmlDocument> CalendarAsync(HttpClient client, string formId)
    {
        var page = await client.GetDocumentAsync(Url);
        var form = page.QuerySelector($"form#{formId}") ?? throw new InvalidOperationException($"No form {formId}.");
        using var response = await client.PostAsync(form.GetAttribute("action"),
            new FormUrlEncodedContent([new("__RequestVerificationToken", Token(page, $"form#{formId}"))]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetDocumentAsync(Url);
    }

    /// <summary>The feed's address the page shows once, right after it was made.</summary>
    public static async Task<string> NewFeedUrlAsync(HttpClient client)
    {
        var page = await CalendarAsync(client, "renew-calendar");
        return page.QuerySelector("#calendar-link")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The page shows no calendar address.");
    }

    private static string Token(IHtmlDocument page, string form) =>
        page.QuerySelector($"{form} input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("No antiforgery token.");
}
