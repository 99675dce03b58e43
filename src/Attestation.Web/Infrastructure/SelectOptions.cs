using System.Globalization;
using System.Text.Encodings.Web;
using Attestation.Domain.Periods;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Attestation.Web.Infrastructure;

/// <summary>
/// The options of a list page's filter, written into the page as text. Razor hands every <c>&lt;option&gt;</c> element
/// of a page's markup to ASP.NET Core's OptionTagHelper (which marks the option an <c>asp-for</c> select's value
/// chooses), and a select with <c>asp-items</c> builds each option with a TagBuilder: per option a tag helper created,
/// its content buffered and moved. A country's 280 municipalities were a fifth of the operator's journals page, a
/// region's sixty periods a few per cent of a coordinator's lists (bench/RESULTS.md). A select bound with
/// <c>asp-for</c> keeps its options in Razor: the tag helper is what marks the bound value there.
/// </summary>
/// <remarks>Written with the page's own encoder, as Razor writes a value: the same text, the same escapes.</remarks>
public sealed class SelectOptions : IHtmlContent
{
    private readonly List<Option> _options;

    private SelectOptions(List<Option> options) => _options = options;

    private readonly record struct Option(string Value, string Text, bool Selected, bool Disabled);

    /// <summary>Options of <paramref name="items"/>; the one whose value is <paramref name="selected"/> is selected.</summary>
    public static SelectOptions Of<T>(IEnumerable<T> items, Func<T, string> value, Func<T, string> text, string? selected)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(text);
        var options = new List<Option>(items.TryGetNonEnumeratedCount(out var count) ? count : 16);
        foreach (var item in items)
        {
            var itemValue = value(item);
            options.Add(new Option(itemValue, text(item), selected is not null && string.Equals(itemValue, selected, StringComparison.Ordinal), false));
        }
        return new SelectOptions(options);
    }

    /// <summary>Options of numbers (years), written as invariant digits; <paramref name="selected"/> is selected.</summary>
    public static SelectOptions Of(IEnumerable<int> numbers, int? selected)
    {
        static string Digits(int number) => number.ToString(CultureInfo.InvariantCulture);
        return Of(numbers, Digits, Digits, selected is { } chosen ? Digits(chosen) : null);
    }

    /// <summary>Options of periods by name, their ids as values; the period <paramref name="selected"/> is selected.</summary>
    public static SelectOptions Of(IEnumerable<AttestationPeriod> periods, Guid? selected) =>
        Of(periods, p => p.Id.ToString(), p => p.Name, selected?.ToString());

    /// <summary>
    /// Options of <paramref name="items"/> as <c>asp-items</c> writes them (selected and disabled as each item says),
    /// the item whose value is <paramref name="selected"/> selected too.
    /// Groups are not written: none of the filters has any, and an item with one is refused rather than shown ungrouped.
    /// </summary>
    public static SelectOptions Of(IEnumerable<SelectListItem> items, string? selected = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var options = new List<Option>(items.TryGetNonEnumeratedCount(out var count) ? count : 16);
        foreach (var item in items)
        {
            if (item.Group is not null)
                throw new ArgumentException("Option groups are not written by SelectOptions.", nameof(items));
            var value = item.Value ?? item.Text ?? "";
            options.Add(new Option(value, item.Text ?? "",
                item.Selected || (selected is not null && string.Equals(value, selected, StringComparison.Ordinal)), item.Disabled));
        }
        return new SelectOptions(options);
    }

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(encoder);
        foreach (var option in _options)
        {
            writer.Write("<option value=\"");
            encoder.Encode(writer, option.Value);
            writer.Write('"');
            if (option.Selected)
                writer.Write(" selected=\"selected\"");
            if (option.Disabled)
                writer.Write(" disabled=\"disabled\"");
            writer.Write('>');
            encoder.Encode(writer, option.Text);
            writer.Write("</option>");
        }
    }
}
