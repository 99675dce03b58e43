using System.Net.Http.Headers;
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
        var (target, fields, _) = Prepare(document, url, values, formSelector, submitter);
        return client.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// Like <see cref="SubmitFormAsync(HttpClient, string, IReadOnlyDictionary{string, string}, string, string?)"/>
    /// for a form with files: posts multipart/form-data as a browser does, with <paramref name="files"/> in the file
    /// fields they name and an empty part (no file chosen) in every other file field of the form.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitMultipartFormAsync(this HttpClient client, string url,
        IReadOnlyDictionary<string, string> values, IReadOnlyList<ChosenFile> files,
        string formSelector = "main form[method=post]", string? submitter = null)
    {
        var document = await client.GetDocumentAsync(url);
        return await client.SubmitMultipartFormAsync(document, url, values, files, formSelector, submitter);
    }

    public static Task<HttpResponseMessage> SubmitMultipartFormAsync(this HttpClient client, IHtmlDocument document,
        string url, IReadOnlyDictionary<string, string> values, IReadOnlyList<ChosenFile> files,
        string formSelector = "main form[method=post]", string? submitter = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var (target, fields, fileFields) = Prepare(document, url, values, formSelector, submitter);
        return client.PostAsync(target, Multipart(fields, fileFields, files));
    }

    /// <summary>
    /// Posts a form as a browser does when a name repeats: the form's own hidden inputs (the ids a confirmation lists)
    /// and <paramref name="extra"/> (the boxes ticked, which may stand outside the form and point at it).
    /// </summary>
    public static Task<HttpResponseMessage> PostRepeatedAsync(this HttpClient client, IHtmlDocument document, string formSelector,
        IEnumerable<KeyValuePair<string, string>> extra)
    {
        ArgumentNullException.ThrowIfNull(document);
        var form = document.QuerySelector(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}'.");
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Select(input => new KeyValuePair<string, string>(input.GetAttribute("name")!, input.GetAttribute("value") ?? ""))
            .Concat(extra)
            .ToList();
        return client.PostAsync(form.GetAttribute("action")!, new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// Posts the form of <paramref name="document"/>, with its antiforgery token, to <paramref name="target"/> instead
    /// of where the form points: what a forged request, or a stale tab replayed against another id, looks like.
    /// </summary>
    public static Task<HttpResponseMessage> PostFormToAsync(this HttpClient client, IHtmlDocument document, string target,
        IReadOnlyDictionary<string, string> values, IReadOnlyList<ChosenFile>? files = null,
        string formSelector = "main form[method=post]")
    {
        ArgumentNullException.ThrowIfNull(document);
        var (_, fields, fileFields) = Prepare(document, target, values, formSelector, submitter: null);
        return files is null
            ? client.PostAsync(target, new FormUrlEncodedContent(fields))
            : client.PostAsync(target, Multipart(fields, fileFields, files));
    }

    private static (string Target, Dictionary<string, string> Fields, IReadOnlyList<string> FileFields) Prepare(
        IHtmlDocument document, string url, IReadOnlyDictionary<string, string> values, string formSelector,
        string? submitter)
    {
        var form = document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {url}.");
        var fields = ReadFields(form, submitter);
        foreach (var (name, value) in values)
            fields[name] = value;

        // A button may post elsewhere (asp-page-handler renders formaction): it is found by id or name.
        var button = submitter is null ? null : form.QuerySelector($"button#{submitter}, button[name='{submitter}']");
        if (submitter is not null && button is null)
            throw new InvalidOperationException($"The form '{formSelector}' on {url} has no button '{submitter}'.");
        var action = button?.GetAttribute("formaction") ?? form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? url : action;
        var fileFields = form.Elements.OfType<IHtmlInputElement>()
            .Where(input => input.Type == "file" && !string.IsNullOrEmpty(input.Name))
            .Select(input => input.Name!)
            .ToList();
        return (target, fields, fileFields);
    }

    private static MultipartFormDataContent Multipart(Dictionary<string, string> fields, IReadOnlyList<string> fileFields,
        IReadOnlyList<ChosenFile> files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
            content.Add(new StringContent(value), name);
        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
            content.Add(part, file.Field, file.FileName);
        }

        // A file field left empty still sends a part: no file name, no bytes.
        foreach (var field in fileFields.Where(field => files.All(file => file.Field != field)))
        {
            var empty = new ByteArrayContent([]);
            empty.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            empty.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
            {
                Name = $"\"{field}\"",
                FileName = "\"\"",
            };
            content.Add(empty);
        }
        return content;
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

/// <summary>A file chosen in a form's file field: <paramref name="Field"/> is the input's name.</summary>
public sealed record ChosenFile(string Field, string FileName, byte[] Content, string ContentType = "application/octet-stream");
