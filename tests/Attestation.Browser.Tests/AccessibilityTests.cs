using System.Diagnostics;
using System.Globalization;
using System.Text;
using Attestation.Browser.Tests.Pages;
using Attestation.Web.Data.Demo;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Attestation.Browser.Tests;

/// <summary>
/// WCAG 2.2 A/AA by axe-core and a phone's width on every page a person of each role reaches: the pages of his menu
/// and, from each of them, the first card its list links to and the next steps it offers as buttons. One axe pass per page at the desktop's size, then the same page at
/// 390 × 844 must be no wider than the screen (its screenshot lands in the artifacts).
/// </summary>
public sealed class AccessibilityTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const int PhoneWidth = 390;
    private const int MaxFurtherPages = 25;

    [Theory]
    [InlineData(null)]
    [InlineData("demo.teacher")]
    [InlineData("demo.school")]
    [InlineData("demo.municipal")]
    [InlineData("demo.expert")]
    [InlineData("demo.operator")]
    public async Task Every_page_of_a_role_has_no_wcag_violations_and_fits_a_phone(string? login)
    {
        var page = await fixture.NewPageAsync();
        if (login is not null)
        {
            var loginPage = new LoginPage(page);
            await loginPage.OpenAsync();
            await loginPage.SignInAsync(login, DemoOptions.DefaultPassword);
        }
        else
        {
            await page.GotoAsync("/");
        }

        var menu = await SameSiteLinksAsync(page, "header nav a[href]");
        menu.Add("/Accessibility");
        if (login is null)
            menu.UnionWith(["/Account/Login", "/Account/Register", "/Account/ForgotPassword"]);

        var visited = new HashSet<string>(StringComparer.Ordinal);
        var failures = new StringBuilder();
        var next = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in menu.Order(StringComparer.Ordinal))
        {
            if (!await CheckAsync(page, path, login, visited, failures))
                continue;
            // The first card of the page's main list: a person opens it next.
            var cards = await SameSiteLinksAsync(page, "main table tbody a[href]");
            var card = cards.Order(StringComparer.Ordinal).FirstOrDefault(c => !menu.Contains(c));
            // The next steps a page offers as buttons («Зарегистрировать», «Посмотреть»…).
            var steps = await SameSiteLinksAsync(page, "main a.btn[href]");
            steps.ExceptWith(menu);
            if (card is not null)
                steps.Add(card);
            next.UnionWith(steps);
        }
        foreach (var path in next.Order(StringComparer.Ordinal).Take(MaxFurtherPages))
            await CheckAsync(page, path, login, visited, failures);

        Assert.True(visited.Count >= 3, $"Too few pages visited: {string.Join(", ", visited)}");
        Assert.True(failures.Length == 0, failures.ToString());
        await page.Context.CloseAsync();
    }

    /// <summary>The checker itself: a page with faults it must name is not reported clean.</summary>
    [Fact]
    public async Task The_checker_names_the_violations_of_a_faulty_page()
    {
        var page = await fixture.NewPageAsync();
        await page.SetContentAsync(
            "<html lang=ru><head><title>Проверка</title></head><body><main>"
            + "<p style='color:#aaa;background:#fff'>Бледный текст</p><input type=text><img src='data:,'></main></body></html>");
        var violations = await Axe.ViolationsAsync(page);
        Assert.Contains(violations, v => v.StartsWith("color-contrast (serious)", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("label (critical)", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("image-alt (critical)", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    private async Task<bool> CheckAsync(IPage page, string path, string? login, HashSet<string> visited, StringBuilder failures)
    {
        if (!visited.Add(path))
            return false;
        await page.SetViewportSizeAsync(1280, 900);
        IResponse? response;
        try
        {
            response = await page.GotoAsync(path);
        }
        catch (PlaywrightException)
        {
            return false; // a download, not a page
        }
        if (response is null || !(await response.HeaderValueAsync("content-type") ?? "").StartsWith("text/html", StringComparison.Ordinal))
            return false;

        var started = Stopwatch.GetTimestamp();
        foreach (var violation in await Axe.ViolationsAsync(page))
            failures.AppendLine(CultureInfo.InvariantCulture, $"{path}: {violation}");
        var checking = Stopwatch.GetElapsedTime(started);

        // A GET form never carries the antiforgery token into the address.
        var leaking = await page.Locator("form[method=get] input[name=__RequestVerificationToken], form [formmethod=get]").CountAsync();
        if (leaking > 0)
            failures.AppendLine(CultureInfo.InvariantCulture, $"{path}: {leaking} GET form(s) carry the antiforgery token");

        await page.SetViewportSizeAsync(PhoneWidth, 844);
        // The charts redraw for the new width on the next frames: measure after them.
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50))))");
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (width > PhoneWidth)
        {
            var wide = await page.EvaluateAsync<string>(
                "w => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w)"
                + ".slice(0, 3).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className).join(' | ')", PhoneWidth);
            failures.AppendLine(CultureInfo.InvariantCulture, $"{path}: {width} px wide on a phone: {wide}");
        }
        // A table stays readable: it scrolls inside itself rather than squeeze a column until its words break.
        var broken = await page.EvaluateAsync<string[]>(BrokenWordsInTables);
        if (broken.Length > 0)
            failures.AppendLine(CultureInfo.InvariantCulture, $"{path}: words broken across lines in a table on a phone: {string.Join(" | ", broken)}");
        var name = $"phone-{login ?? "anonymous"}{path.Split('?')[0].Replace('/', '-')}.png";
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name),
            FullPage = true,
        });
        output.WriteLine($"{path}: axe {checking.TotalMilliseconds:F0} ms, with the phone's check {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms");
        return true;
    }

    /// <summary>
    /// The texts in the page's tables squeezed to a few letters a line: more lines than the text has places to break
    /// (spaces, hyphens, slashes) and fewer than four letters a line, as when a column shrinks to a letter's width and
    /// its headers and buttons read downwards. A long address broken in two is not one of them. Each text node is
    /// measured alone, so that a button's padding is not a line.
    /// </summary>
    private const string BrokenWordsInTables =
        """
        () => {
          const broken = [];
          const walker = document.createTreeWalker(document.querySelector('main') || document.body, NodeFilter.SHOW_TEXT, {
            acceptNode: n => n.parentElement.closest('table') && n.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT,
          });
          for (let node = walker.nextNode(); node && broken.length < 3; node = walker.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(node);
            const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
            const text = node.textContent.trim();
            if (lines > text.split(/[\s\/-]+/).length && text.length / lines < 4) broken.push(text.slice(0, 40));
          }
          return broken;
        }
        """;

    private static async Task<HashSet<string>> SameSiteLinksAsync(IPage page, string selector)
    {
        var hrefs = await page.Locator(selector).EvaluateAllAsync<string[]>(
            "links => links.map(a => a.getAttribute('href'))");
        return hrefs
            .Where(h => h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal) && !h.Contains("handler=", StringComparison.Ordinal))
            .Select(h => h.Split('#')[0])
            .ToHashSet(StringComparer.Ordinal);
    }
}
