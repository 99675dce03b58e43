using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.WebEncoders;

namespace Attestation.Web.Tests.Infrastructure;

/// <summary>
/// A filter's options written as text (<see cref="SelectOptions"/>) read as Razor's would: the value and the text
/// encoded by the page's encoder, the chosen option selected, the disabled one disabled; and no view writes a filter's
/// options through Razor's per-option machinery again.
/// </summary>
public sealed partial class SelectOptionsTests
{
    /// <summary>The portal's encoder: Russian text as it is, markup escaped.</summary>
    private static readonly HtmlEncoder Encoder = RussianEncoder();

    private static HtmlEncoder RussianEncoder()
    {
        var options = new WebEncoderOptions();
        WebSetup.AllowRussianText(options);
        return HtmlEncoder.Create(options.TextEncoderSettings!);
    }

    private static string Html(SelectOptions content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, Encoder);
        return writer.ToString();
    }

    [Fact]
    public void The_chosen_value_is_selected_and_the_text_is_encoded()
    {
        var items = new[] { (Id: 1, Name: "г. Томск"), (Id: 2, Name: "Район \"Север\" & <юг>") };

        var html = Html(SelectOptions.Of(items, i => i.Id.ToString(CultureInfo.InvariantCulture), i => i.Name, "2"));

        Assert.Equal(
            "<option value=\"1\">г. Томск</option>"
            + "<option value=\"2\" selected=\"selected\">Район &quot;Север&quot; &amp; &lt;юг&gt;</option>",
            html);
    }

    [Fact]
    public void Nothing_is_selected_when_no_value_is_chosen_or_none_matches()
    {
        string[] values = ["a", "b"];

        Assert.DoesNotContain("selected", Html(SelectOptions.Of(values, v => v, v => v, null)), StringComparison.Ordinal);
        Assert.DoesNotContain("selected", Html(SelectOptions.Of(values, v => v, v => v, "A")), StringComparison.Ordinal);
    }

    [Fact]
    public void Years_are_written_in_invariant_digits()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // A culture with its own digits' grouping must not change a year's value.
            CultureInfo.CurrentCulture = new CultureInfo("ru-RU") { NumberFormat = { NumberGroupSeparator = " " } };
            Assert.Equal("<option value=\"2025\">2025</option><option value=\"2026\" selected=\"selected\">2026</option>",
                Html(SelectOptions.Of([2025, 2026], 2026)));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Select_list_items_keep_their_selected_and_disabled_state()
    {
        var html = Html(SelectOptions.Of(
        [
            new SelectListItem("Асиновский район", "3"),
            new SelectListItem("Бакчарский район", "4", selected: true),
            new SelectListItem("Упразднённый", "5") { Disabled = true },
        ]));

        Assert.Equal(
            "<option value=\"3\">Асиновский район</option>"
            + "<option value=\"4\" selected=\"selected\">Бакчарский район</option>"
            + "<option value=\"5\" disabled=\"disabled\">Упразднённый</option>",
            html);
    }

    [Fact]
    public void A_value_chosen_outside_the_items_selects_its_item_and_keeps_the_items_own()
    {
        var html = Html(SelectOptions.Of(
        [
            new SelectListItem("Асиновский район", "3"),
            new SelectListItem("Бакчарский район", "4"),
        ], "4"));

        Assert.Equal("<option value=\"3\">Асиновский район</option><option value=\"4\" selected=\"selected\">Бакчарский район</option>", html);
    }

    [Fact]
    public void Periods_are_named_and_chosen_by_their_id()
    {
        var autumn = new AttestationPeriod(2026, 10);
        var winter = new AttestationPeriod(2026, 12);

        var html = Html(SelectOptions.Of([autumn, winter], winter.Id));

        Assert.Equal($"<option value=\"{autumn.Id}\">{autumn.Name}</option><option value=\"{winter.Id}\" selected=\"selected\">{winter.Name}</option>", html);
    }

    [Fact]
    public void An_item_of_a_group_is_refused_rather_than_shown_outside_it()
    {
        var grouped = new SelectListItem("Школа № 1", "1") { Group = new SelectListGroup { Name = "г. Томск" } };

        Assert.Throws<ArgumentException>(() => SelectOptions.Of([grouped]));
    }

    /// <summary>
    /// A select not bound with <c>asp-for</c> (a list page's filter) writes its many options with
    /// <see cref="SelectOptions"/>: an <c>&lt;option&gt;</c> in a Razor loop, or <c>asp-items</c>, costs a tag helper or a
    /// TagBuilder per option. A bound select keeps Razor's options (the tag helper marks the bound value).
    /// </summary>
    [Fact]
    public void No_filter_writes_its_options_in_a_razor_loop()
    {
        var views = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", "Attestation.Web"), "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(views);

        var wrong = new List<string>();
        var filters = 0;
        foreach (var view in views)
        {
            foreach (Match select in Select().Matches(File.ReadAllText(view)))
            {
                var tag = select.Groups["tag"].Value;
                if (tag.Contains("asp-for", StringComparison.Ordinal))
                    continue;
                var body = select.Groups["body"].Value;
                if (body.Contains("SelectOptions.Of(", StringComparison.Ordinal))
                    filters++;
                if (tag.Contains("asp-items", StringComparison.Ordinal) || OptionInLoop().IsMatch(body))
                    wrong.Add($"{Path.GetRelativePath(Repository.Root, view)}: {tag.Trim()}");
            }
        }

        // The walk found the filters it guards (the journals', the print's, the conclusions'...).
        Assert.True(filters >= 15, $"only {filters} filters written with SelectOptions were found");
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [GeneratedRegex(@"<select(?<tag>[^>]*)>(?<body>.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex Select();

    [GeneratedRegex(@"@(foreach|for)\s*\([^)]*\)\s*\{[^}]*<option", RegexOptions.Singleline)]
    private static partial Regex OptionInLoop();
}
