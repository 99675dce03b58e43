using AngleSharp;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Attestation.Testing;

/// <summary>Real form posts: the page is fetched, its form read (antiforgery token included) and submitted.</summary>
public static class FormClient
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}.");
        return await response.ReadDocumentAsync();
    }

    public static async Task<IHtmlDocument> ReadDocumentAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// Fetches <paramref name="url"/>, fills the first post form of the page's main content with
    /// <paramref name="values"/> over what the page already holds, and submits it (optionally with a button named or identified by <paramref name="submitter"/>).
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url,
        IReadOnlyDictionary<string, string> values, string formSelector = "main form[method=post]", string? submitter = null)
    {
        var document = await client.GetDocumentAsync(url);
        return await client.SubmitFormAsync(document, url, values, formSelector, submitter);
    }

    public static Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, IHtmlDocument document, string url,
        IReadOnlyDictionary<string, string> values, string formSelector = "main form[method=post]", string? submitter = null)
    {
        var form = document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {url}.");
        var fields = ReadFields(form, submitter);
        foreach (var (name, value) in values)
            fields[name] = value;

        // A button may post elsewhere (asp-page-handler renders formaction): it is found by id or name.
        var button = submitter is null ? null : form.QuerySelector($"button#{submitter}, button[name='{submitter}']");
        var action = button?.GetAttribute("formaction") ?? form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? url : action;
        return client.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    private static Dictionary<string, string> ReadFields(IHtmlFormElement form, string? submitter)
    {
        var fields = new Dictionary<string, string>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name))
                continue;
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked)
                        fields[name] = box.Value;
                    break;
                case IHtmlInputElement { Type: "submit" or "button" or "image" or "file" }:
                    break;
                case IHtmlInputElement input:
                    fields.TryAdd(name, input.Value);
                    break;
                case IHtmlSelectElement select:
                    fields[name] = select.SelectedOptions.Length > 0 ? select.SelectedOptions[0].Value : "";
                    break;
                case IHtmlTextAreaElement area:
                    fields[name] = area.Value;
                    break;
                case IHtmlButtonElement button when name == submitter:
                    fields[name] = button.Value;
                    break;
            }
        }
        return fields;
    }
}
