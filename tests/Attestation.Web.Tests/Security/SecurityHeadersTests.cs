using System.Net;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Attestation.Web.Tests.Security;

/// <summary>Issue 14, item 3: the browser-side defences on every kind of response.</summary>
public sealed class SecurityHeadersTests(GuardedPortalFactory factory) : IClassFixture<GuardedPortalFactory>
{
    [Fact]
    public async Task A_page_carries_every_header()
    {
        using var client = factory.CreatePortalClient();
        using var response = await client.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHeaders(response);
    }

    [Fact]
    public async Task A_not_found_page_carries_every_header()
    {
        using var client = factory.CreatePortalClient();
        using var response = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertHeaders(response);
    }

    [Fact]
    public async Task The_error_page_of_a_failing_request_carries_every_header()
    {
        using var client = factory.CreatePortalClient();
        using var response = await client.GetAsync(GuardedPortalFactory.FailingPath);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Произошла ошибка", (await response.ReadDocumentAsync()).Heading());
        AssertHeaders(response);
    }

    [Fact]
    public async Task A_redirect_carries_every_header()
    {
        using var client = factory.CreatePortalClient();
        using var response = await client.GetAsync("/Operator");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.RedirectPath(), StringComparison.Ordinal);
        AssertHeaders(response);
    }

    [Fact]
    public async Task An_excel_download_carries_every_header()
    {
        await factory.CreateUserAsync(Roles.SchoolCoordinator, "headers.school", u =>
        {
            u.MunicipalityId = factory.Directory.Tomsk.Id;
            u.OrganisationId = factory.Directory.Lyceum.Id;
        });
        using var client = await factory.SignInAsync("headers.school");
        using var response = await client.GetAsync("/School/Teachers?handler=Excel");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Downloads.ExcelType, response.Content.Headers.ContentType?.MediaType);
        AssertHeaders(response);
    }

    [Fact]
    public async Task A_static_file_carries_every_header()
    {
        using var client = factory.CreatePortalClient();
        using var response = await client.GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        AssertHeaders(response);
    }

    [Fact]
    public async Task A_page_posted_with_a_form_error_carries_every_header()
    {
        using var client = factory.CreatePortalClient();
        using var response = await client.SubmitFormAsync("/Account/Login",
            new Dictionary<string, string> { ["Input.Login"] = "", ["Input.Password"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHeaders(response);
    }

    [Fact]
    public async Task Outside_development_https_answers_carry_hsts()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://attestation.example.org"),
            AllowAutoRedirect = false,
        });
        using var response = await client.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var hsts), "No Strict-Transport-Security.");
        Assert.Contains("max-age=", Assert.Single(hsts), StringComparison.Ordinal);
        AssertHeaders(response);
    }

    private static void AssertHeaders(HttpResponseMessage response)
    {
        var csp = Header(response, "Content-Security-Policy");
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d[(d.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        Assert.Equal("'self'", directives["default-src"]);
        Assert.Equal("'self'", directives["script-src"]);
        Assert.Equal("'self'", directives["style-src"]);
        Assert.Equal("'none'", directives["object-src"]);
        Assert.Equal("'none'", directives["base-uri"]);
        Assert.Equal("'none'", directives["frame-ancestors"]);
        Assert.Equal("'self'", directives["form-action"]);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        var permissions = Header(response, "Permissions-Policy");
        foreach (var feature in new[] { "camera=()", "microphone=()", "geolocation=()" })
            Assert.Contains(feature, permissions, StringComparison.Ordinal);
    }

    /// <summary>The one value of a header, wherever HttpClient files it (response or content headers).</summary>
    private static string Header(HttpResponseMessage response, string name)
    {
        var values = response.Headers.TryGetValues(name, out var general) ? general
            : response.Content.Headers.TryGetValues(name, out var content) ? content
            : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: no {name}.");
        return Assert.Single(values);
    }
}
