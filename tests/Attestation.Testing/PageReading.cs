using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Attestation.Testing;

/// <summary>Reading a rendered form as its user sees it: what each field holds, the message next to it, a list's options.</summary>
public static class PageReading
{
    /// <summary>The message shown next to a field (<c>asp-validation-for</c>), "" when there is none.</summary>
    public static string FieldError(this IParentNode page, string field) =>
        page.QuerySelector($"span[data-valmsg-for='{field}']")?.TextContent.Trim()
        ?? throw new InvalidOperationException($"The page has no place for a message about {field}.");

    /// <summary>Every field that shows a message, with the message.</summary>
    public static IReadOnlyDictionary<string, string> FieldErrors(this IParentNode page) =>
        page.QuerySelectorAll("span[data-valmsg-for]")
            .Select(span => (Field: span.GetAttribute("data-valmsg-for")!, Message: span.TextContent.Trim()))
            .Where(error => error.Message.Length > 0)
            .ToDictionary(error => error.Field, error => error.Message);

    /// <summary>The messages of the validation summary: the errors that belong to no single field.</summary>
    public static IReadOnlyList<string> SummaryErrors(this IParentNode page) =>
        page.QuerySelectorAll(".validation-summary-errors li, [data-valmsg-summary] li")
            .Select(item => item.TextContent.Trim())
            .Where(text => text.Length > 0)
            .ToList();

    /// <summary>
    /// What a field holds as the browser would post it: an input's value ("" for an unchecked box), the checked
    /// button of a radio group, a list's selected option, a text area's text. A check box wins over the hidden "false"
    /// that Razor adds after it.
    /// </summary>
    public static string FieldValue(this IParentNode page, string name)
    {
        var elements = page.QuerySelectorAll($"[name='{name}']").ToList();
        // A group of radio buttons posts the value of the checked one.
        var radios = elements.OfType<IHtmlInputElement>().Where(e => e.Type == "radio").ToList();
        if (radios.Count > 0)
            return radios.FirstOrDefault(radio => radio.IsChecked)?.Value ?? "";
        var element = elements.FirstOrDefault(e => e is not IHtmlInputElement { Type: "hidden" }) ?? elements.FirstOrDefault()
            ?? throw new InvalidOperationException($"The page has no field {name}.");
        return element switch
        {
            IHtmlInputElement { Type: "checkbox" or "radio" } box => box.IsChecked ? box.Value : "",
            IHtmlInputElement input => input.Value,
            IHtmlSelectElement select => select.SelectedOptions.Length > 0 ? select.SelectedOptions[0].Value : "",
            IHtmlTextAreaElement area => area.Value,
            _ => element.GetAttribute("value") ?? "",
        };
    }

    /// <summary>The options of a drop-down list that can be chosen (the «— выберите —» placeholder left out).</summary>
    public static IReadOnlyList<(string Value, string Text)> Options(this IParentNode page, string selectName)
    {
        var select = page.QuerySelector($"select[name='{selectName}']") as IHtmlSelectElement
            ?? throw new InvalidOperationException($"The page has no list {selectName}.");
        return select.Options
            .Where(option => !string.IsNullOrEmpty(option.Value))
            .Select(option => (option.Value, option.Text.Trim()))
            .ToList();
    }

    /// <summary>The text of the page's first level-one heading.</summary>
    public static string Heading(this IParentNode page) =>
        page.QuerySelector("h1")?.TextContent.Trim() ?? throw new InvalidOperationException("The page has no <h1>.");
}
