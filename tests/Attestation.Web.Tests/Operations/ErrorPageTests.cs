using System.Net;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Attestation.Web.Tests.Operations;

/// <summary>
/// The portal with two ways to fail: a test-only path whose request throws, and a database that refuses every letter
/// queued in the outbox (so a real form post fails inside its page handler).
/// </summary>
public sealed class FailingPortalFactory : PortalFactory
{
    public const string FailingPath = "/test-only/fail";
    public const string Secret = "hunter2-db-secret";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, FailingPathStartupFilter>();
            services.ConfigureDbContext<AttestationDbContext>((_, options) => options.AddInterceptors(new RefusingOutbox()));
        });
    }

    private sealed class FailingPathStartupFilter : IStartupFilter
    {
        // Added after the portal's own pipeline, so the exception travels back through its exception handler just as
        // a failing page's would (a middleware put first would sit outside the handler).
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, nextMiddleware) => context.Request.Path == FailingPath
                ? throw new PortalTestFailureException($"Пароль базы данных: {Secret}")
                : nextMiddleware(context));
        };
    }

    private sealed class RefusingOutbox : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            eventData.Context!.ChangeTracker.Entries<OutboxMessage>().Any()
                ? throw new PortalTestFailureException($"Outbox refused, database password {Secret}")
                : base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}

public sealed class PortalTestFailureException(string message) : Exception(message);

public sealed class ErrorPageTests(FailingPortalFactory factory) : IClassFixture<FailingPortalFactory>
{
    [Fact]
    public async Task An_unknown_address_shows_the_russian_not_found_page()
    {
        using var client = factory.CreatePortalClient();

        using var response = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Страница не найдена", page.Heading());
        Assert.StartsWith("Страница не найдена", page.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_request_shows_the_russian_error_page_without_any_detail_of_the_exception()
    {
        using var client = factory.CreatePortalClient();

        using var response = await client.GetAsync(FailingPortalFactory.FailingPath);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        await AssertRussianErrorPageWithoutDetailsAsync(response, nameof(PortalTestFailureException));
    }

    [Fact]
    public async Task A_form_post_that_fails_in_its_handler_shows_the_same_error_page()
    {
        await factory.CreateUserAsync(Roles.Teacher, "error.mail");
        using var client = factory.CreatePortalClient();

        using var response = await client.SubmitFormAsync("/Account/ForgotPassword",
            new Dictionary<string, string> { ["Input.Login"] = "error.mail" });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        await AssertRussianErrorPageWithoutDetailsAsync(response, nameof(PortalTestFailureException));
    }

    [Fact]
    public async Task The_error_page_is_not_cached()
    {
        using var client = factory.CreatePortalClient();

        using var response = await client.GetAsync(FailingPortalFactory.FailingPath);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
    }

    private static async Task AssertRussianErrorPageWithoutDetailsAsync(HttpResponseMessage response, string exceptionType)
    {
        var body = await response.Content.ReadAsStringAsync();
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Произошла ошибка", page.Heading());
        Assert.NotEmpty(page.QuerySelector("main code")?.TextContent.Trim() ?? ""); // the request code to quote to support
        Assert.DoesNotContain(exceptionType, body, StringComparison.Ordinal);
        Assert.DoesNotContain(FailingPortalFactory.Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(FailingPortalFactory), body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }
}
