using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Attestation.Web.Infrastructure;

/// <summary>
/// The message about control characters (<see cref="SafeInput"/>) next to a field written by hand, without
/// <c>asp-for</c> — a search box, a filter — where no validation message has its place. Fields with <c>asp-for</c> show
/// it in their own <c>asp-validation-for</c>.
/// </summary>
[HtmlTargetElement("input", Attributes = "name")]
[HtmlTargetElement("textarea", Attributes = "name")]
public sealed class InvalidCharactersTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        if (context.AllAttributes.ContainsName("asp-for") || output.Attributes["name"]?.Value?.ToString() is not { Length: > 0 } name)
            return;
        if (!ViewContext.ViewData.ModelState.TryGetValue(name, out var entry)
            || !entry.Errors.Any(e => e.ErrorMessage == SafeInput.InvalidCharactersMessage))
            return;

        output.AddClass("input-validation-error", System.Text.Encodings.Web.HtmlEncoder.Default);
        output.Attributes.SetAttribute("aria-invalid", "true");
        var message = new TagBuilder("span");
        message.AddCssClass("field-validation-error");
        message.Attributes["data-valmsg-for"] = name;
        message.Attributes["data-valmsg-replace"] = "true";
        message.InnerHtml.Append(SafeInput.InvalidCharactersMessage);
        output.PostElement.AppendHtml(message);
    }
}
