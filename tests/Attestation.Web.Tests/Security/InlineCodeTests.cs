using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Attestation.Testing;
using Attestation.Web.Authorization;

namespace Attestation.Web.Tests.Security;

/// <summary>
/// Issue 14, item 3: the Content-Security-Policy allows no inline script or style, so no view may have one. Checked
/// twice: in every .cshtml source (a view no test reaches included) and in the HTML the portal really serves to each
/// role (markup written by C# or a tag helper included). The PDF templates are Razor components under Documents,
/// printed outside the HTTP pipeline: their inline styles are allowed.
/// </summary>
public sealed partial class InlineCodeTests(GuardedPortalFactory factory) : IClassFixture<GuardedPortalFactory>
{
    private static readonly string[] ViewFolders = ["Pages", "Areas"];

    [Fact]
    public void No_view_source_has_an_inline_script_style_or_event_handler()
    {
        var web = Path.Combine(Repository.Root, "src", "Attestation.Web");
        var views = ViewFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(web, folder), "*.cshtml", SearchOption.AllDirectories))
            .ToList();
        Assert.True(views.Count > 100, $"Only {views.Count} views found under {web}.");

        var found = views
            .SelectMany(file => File.ReadAllLines(file).Select((line, i) => (File: file, Line: i + 1, Text: line)))
            .Where(line => InlineSource().IsMatch(line.Text) || InlineScriptSource().IsMatch(line.Text))
            .Select(line => $"{Path.GetRelativePath(web, line.File)}:{line.Line}: {line.Text.Trim()}")
            .ToList();

        Assert.Empty(found);
    }

    [Fact]
    public void The_checks_find_what_they_look_for()
    {
        Assert.Matches(InlineSource(), """<div class="x" style="max-width: 48rem">""");
        Assert.Matches(InlineSource(), """<button onclick="return confirm('?')">""");
        Assert.Matches(InlineSource(), "<style>main { max-width: none; }</style>");
        Assert.Matches(InlineScriptSource(), "<script>alert(1)</script>");
        Assert.DoesNotMatch(InlineScriptSource(), """<script src="~/js/site.js" asp-append-version="true"></script>""");
        Assert.DoesNotMatch(InlineSource(), """<form method="post" class="row g-3 mw-48" data-confirm="Удалить?">""");

        var html = new HtmlParser().ParseDocument("""
            <p style="color: red" onmouseover="x()">a</p><style>p{}</style><script>x()</script><a href="javascript:x()">b</a>
            <script type="application/json" id="chart-1">{"a":1}</script><script src="/js/site.js"></script>
            """);
        Assert.Equal(5, InlineCode(html).Count);
    }

    [Fact]
    public async Task No_page_served_to_any_role_has_an_inline_script_style_or_event_handler()
    {
        var directory = factory.Directory;
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<string>();
        using (var anonymous = factory.CreatePortalClient())
            await CrawlAsync(anonymous, ["/", "/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/Schedules", "/no/such/page", GuardedPortalFactory.FailingPath], visited, found);
        foreach (var (role, login) in new[]
                 {
                     (Roles.Operator, "inline.operator"), (Roles.MunicipalCoordinator, "inline.municipal"), (Roles.SchoolCoordinator, "inline.school"),
                     (Roles.Teacher, "inline.teacher"), (Roles.Expert, "inline.expert"),
                 })
        {
            await factory.CreateUserAsync(role, login, u =>
            {
                u.MunicipalityId = role == Roles.Operator ? null : directory.Tomsk.Id;
                u.OrganisationId = role is Roles.SchoolCoordinator or Roles.Teacher or Roles.Expert ? directory.Lyceum.Id : null;
            });
            using var client = await factory.SignInAsync(login);
            await CrawlAsync(client, ["/", "/Account/Profile", "/Notifications/Settings", "/Help"], visited, found);
        }

        Assert.True(visited.Count >= 60, $"Only {visited.Count} pages reached: {string.Join(", ", visited)}");
        Assert.Empty(found);
    }

    /// <summary>Every same-site page linked from <paramref name="starts"/>, breadth first, at most 60 per client.</summary>
    private static async Task CrawlAsync(HttpClient client, string[] starts, HashSet<string> visited, List<string> found)
    {
        var queue = new Queue<string>(starts);
        var seen = new HashSet<string>(starts, StringComparer.Ordinal);
        var pages = 0;
        while (queue.Count > 0 && pages < 60)
        {
            var url = queue.Dequeue();
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode is not HttpStatusCode.InternalServerError || url == GuardedPortalFactory.FailingPath, $"GET {url}: 500");
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
                continue;
            pages++;
            var html = await response.ReadDocumentAsync();
            visited.Add(url);
            found.AddRange(InlineCode(html).Select(code => $"{url}: {code}"));
            foreach (var href in html.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                // Sign-out is a form; downloads and feeds are not pages.
                if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal) || href.Contains("handler=", StringComparison.OrdinalIgnoreCase)
                    || href.Contains("/calendar/", StringComparison.Ordinal) || href.Contains("Logout", StringComparison.OrdinalIgnoreCase))
                    continue;
                var target = href.Split('#')[0];
                if (seen.Add(target))
                    queue.Enqueue(target);
            }
        }
    }

    private static List<string> InlineCode(IDocument html) =>
    [
        .. html.QuerySelectorAll("style").Select(e => $"<style>{e.TextContent}"),
        .. html.QuerySelectorAll("script:not([src])")
            .Where(e => e.GetAttribute("type") != "application/json" && e.TextContent.Trim().Length > 0)
            .Select(e => $"<script>{e.TextContent}"),
        .. html.All.SelectMany(e => e.Attributes
            .Where(a => a.Name == "style" || a.Name.StartsWith("on", StringComparison.Ordinal)
                        || a.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
            .Select(a => $"<{e.LocalName} {a.Name}=\"{a.Value}\">")),
    ];

    /// <summary>A style element or attribute, an on…= handler, a javascript: address.</summary>
    [GeneratedRegex("""<style\b|\sstyle\s*=|\son[a-z]+\s*=|javascript:""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineSource();

    /// <summary>A script element without src (a JSON data block is data, not script: the policy never runs it).</summary>
    [GeneratedRegex("""<script\b(?![^>]*\bsrc\s*=)(?![^>]*application/json)""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScriptSource();
}
