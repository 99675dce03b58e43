using System.Net;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Attestation.Web.Tests.Operator.Audit;

/// <summary>
/// The security audit log (ASVS V16): sign-ins and sign-outs, refused authorizations, downloads, blocks and password
/// letters, each with who, when and from where; append-only in the database; «Журнал безопасности» searches it.
/// </summary>
public sealed class AuditLogTests(AuditLogTests.ClientAddressPortal factory) : IClassFixture<AuditLogTests.ClientAddressPortal>
{
    private const string Url = "/Operator/Audit";

    [Fact]
    public async Task Sign_in_refusal_download_block_and_sign_out_are_each_recorded_with_who_and_from_where()
    {
        var teacher = await factory.CreateUserAsync(Roles.Teacher, "audit.teacher");
        var op = await factory.CreateUserAsync(Roles.Operator, "audit.op");
        using var teacherClient = await factory.SignInAsync("audit.teacher");
        using (var refused = await teacherClient.GetAsync("/Operator/Users"))
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        using (var signOut = await teacherClient.SubmitFormAsync("/Teacher", new Dictionary<string, string>(), "header form[action='/Account/Logout']"))
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        using var client = await factory.SignInAsync("audit.op");
        var list = await client.GetDocumentAsync("/Operator/Users?q=audit.teacher");
        using (var blocked = await client.SubmitFormAsync(list, "/Operator/Users?q=audit.teacher", new Dictionary<string, string>(), "#users form", "block"))
            Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        var excel = (await client.GetDocumentAsync("/Operator/Users?q=audit.teacher")).QuerySelector("#excel")!.GetAttribute("href")!;
        await client.DownloadAsync(excel, Downloads.ExcelType);

        var lines = await LinesAsync(e => e.Login == "audit.teacher" || e.Login == "audit.op");
        Assert.Equal(
            [
                (AuditAction.SignIn, "audit.teacher", (string?)null),
                (AuditAction.AccessRefused, "audit.teacher", "GET /Operator/Users"),
                (AuditAction.SignOut, "audit.teacher", null),
                (AuditAction.SignIn, "audit.op", null),
                (AuditAction.Blocked, "audit.op", "учётная запись audit.teacher"),
            ],
            lines.Take(5).Select(l => (l.Action, l.Login!, l.Subject)).ToList());
        var download = lines[5];
        Assert.Equal((AuditAction.Download, "audit.op", op.Id), (download.Action, download.Login, download.UserId));
        Assert.StartsWith("«", download.Subject, StringComparison.Ordinal);
        Assert.Contains(".xlsx» (/Operator/Users", download.Subject, StringComparison.Ordinal);
        Assert.Equal(teacher.Id, lines[0].UserId);
        Assert.All(lines, l => Assert.Equal(ClientAddressPortal.Address, l.Address));
        // PostgreSQL keeps microseconds; the clock has ten times finer ticks.
        Assert.All(lines, l => Assert.Equal(factory.Clock.GetUtcNow(), l.At, TimeSpan.FromMicroseconds(1)));
        Assert.Equal("Проверкина А. С.", lines[0].PersonName);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_login_are_recorded_as_failed_sign_ins()
    {
        var user = await factory.CreateUserAsync(Roles.Teacher, "audit.failed");
        using var client = factory.CreatePortalClient();
        foreach (var (login, password) in new[] { ("audit.failed", "Совсем-не-тот-пароль-1"), ("audit.nobody", "Совсем-не-тот-пароль-2") })
        {
            using var response = await client.SubmitFormAsync("/Account/Login",
                new Dictionary<string, string> { ["Input.Login"] = login, ["Input.Password"] = password });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var lines = await LinesAsync(e => e.Login == "audit.failed" || e.Login == "audit.nobody");
        Assert.Equal(
            [
                (AuditAction.SignInFailed, "audit.failed", (Guid?)user.Id, "неверный пароль"),
                (AuditAction.SignInFailed, "audit.nobody", null, "неизвестный логин"),
            ],
            lines.Select(l => (l.Action, l.Login!, l.UserId, l.Subject!)).ToList());
    }

    [Fact]
    public async Task The_log_is_append_only_whatever_the_portal_connects_as()
    {
        await factory.CreateUserAsync(Roles.Operator, "audit.append");
        using (await factory.SignInAsync("audit.append"))
        {
        }
        await using var db = factory.OpenDb();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Login == "audit.append"));

        foreach (var statement in new[]
                 {
                     """UPDATE "AuditEvents" SET "Login" = 'someone.else' WHERE "Login" = 'audit.append'""",
                     """DELETE FROM "AuditEvents" WHERE "Login" = 'audit.append'""",
                     """TRUNCATE "AuditEvents" """,
                 })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(statement));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Login == "audit.append" && e.Action == AuditAction.SignIn));
    }

    [Fact]
    public async Task The_operator_searches_by_person_action_and_dates_and_only_the_operator_may()
    {
        await factory.CreateUserAsync(Roles.Expert, "audit.search.expert", u => (u.LastName, u.FirstName) = ("Журналова", "Вера"));
        using (await factory.SignInAsync("audit.search.expert"))
        {
        }
        await factory.CreateUserAsync(Roles.Operator, "audit.search.op");
        using var client = await factory.SignInAsync("audit.search.op");

        var page = await client.GetDocumentAsync($"{Url}?q=журналова");
        var rows = page.QuerySelectorAll("#audit tbody tr");
        Assert.Equal(["Вход"], rows.Select(r => r.QuerySelector(".action")!.TextContent).ToList());
        Assert.Contains("audit.search.expert", rows[0].QuerySelector(".who")!.TextContent, StringComparison.Ordinal);

        Assert.Empty((await client.GetDocumentAsync($"{Url}?q=журналова&action={AuditAction.Download}")).QuerySelectorAll("#audit tbody tr"));
        var dayBefore = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(-3).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Empty((await client.GetDocumentAsync($"{Url}?q=журналова&from={dayBefore}&to={dayBefore}")).QuerySelectorAll("#audit tbody tr"));

        var wrong = await client.GetDocumentAsync($"{Url}?q=журналова&from=31.02.2026");
        Assert.Contains("Дата указана неверно", wrong.QuerySelector("#from-error")!.TextContent, StringComparison.Ordinal);

        using var expert = await factory.SignInAsync("audit.search.expert");
        using var refused = await expert.GetAsync(Url);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    private async Task<List<AuditEvent>> LinesAsync(System.Linq.Expressions.Expression<Func<AuditEvent, bool>> which)
    {
        await using var db = factory.OpenDb();
        return await db.AuditEvents.Where(which).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>The portal with every request coming from one client address (the test server has none).</summary>
    public sealed class ClientAddressPortal : PortalFactory
    {
        public const string Address = "203.0.113.7";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddress>());
        }

        private sealed class ClientAddress : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, nextMiddleware) =>
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(Address);
                    return nextMiddleware(context);
                });
                next(app);
            };
        }
    }
}
