using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Attestation.Browser.Tests;

/// <summary>
/// axe-core (the script Deque.AxeCore bundles) run in the page for WCAG 2.2 A and AA, reporting violations only.
/// Deque's <c>RunAxe</c> injects the script into every frame and finishes the run in a page of its own, about 1.5 s a
/// call even on a short page; the portal's pages have no frames, so one <c>axe.run</c> on the document does the same
/// checks in a fraction of that.
/// </summary>
public static class Axe
{
    /// <summary>WCAG 2.2 levels A and AA, as axe-core tags its rules.</summary>
    public static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private static readonly Lazy<string> Script = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>Each violation on the page as one line: the rule, its impact and help, and up to three of its elements.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(Script.Value);
        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async tags => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
              return result.violations.map(v => ({
                id: v.id, impact: v.impact || '', help: v.help,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\s+/g, ' ')
                  + ' ' + n.html.slice(0, 160)),
              }));
            }
            """, WcagTags);
        return [.. violations.EnumerateArray().Select(v =>
            $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}) {v.GetProperty("help").GetString()}: "
            + string.Join(" | ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString())))];
    }
}
