using System.Net;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Attestation.Web.Tests.Operations;

/// <summary>
/// The portal's runtime role (migrations run as the owner): it serves every page and writes the audit log, but may
/// only read and append to it — an UPDATE, a DELETE or a TRUNCATE is refused by PostgreSQL's privileges.
/// </summary>
public sealed class RuntimeRoleTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_runtime_role_serves_the_portal_and_may_only_read_and_append_to_the_audit_log()
    {
        var role = "att_runtime_" + Guid.NewGuid().ToString("N")[..10];
        await ExecuteAsync(TestDatabases.AdminConnectionString, $"CREATE ROLE \"{role}\" LOGIN");
        try
        {
            await RuntimePrivileges.GrantAsync(factory.ConnectionString, role);
            var runtime = new NpgsqlConnectionStringBuilder(factory.ConnectionString) { Username = role, Password = null }.ConnectionString;

            await factory.CreateUserAsync(Roles.Operator, "runtime.operator");
            using (var portal = factory.WithWebHostBuilder(builder => builder.UseSetting("ConnectionStrings:Default", runtime)))
            using (var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }))
            {
                var session = await SessionCookie.SignInAsync(client, "runtime.operator");
                using var page = await SessionCookie.GetAsync(client, "/Operator/Audit", session);
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.Contains("runtime.operator", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            // Appended by the portal as the runtime role; read by it; never changed or removed by it.
            await ExecuteAsync(runtime, """UPDATE "AspNetUsers" SET "PhoneNumber" = '+7 913 000-00-00' WHERE "UserName" = 'runtime.operator'""");
            Assert.Equal(1L, await ScalarAsync(runtime, """SELECT count(*) FROM "AuditEvents" WHERE "Login" = 'runtime.operator' AND "Action" = 'SignIn'"""));
            foreach (var statement in new[]
                     {
                         """UPDATE "AuditEvents" SET "Login" = 'someone.else'""",
                         """DELETE FROM "AuditEvents" """,
                         """TRUNCATE "AuditEvents" """,
                         """DELETE FROM "__EFMigrationsHistory" """,
                     })
            {
                var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(runtime, statement));
                Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
                Assert.Contains("permission denied", refused.MessageText, StringComparison.Ordinal);
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(factory.ConnectionString, $"DROP OWNED BY \"{role}\"");
            await ExecuteAsync(TestDatabases.AdminConnectionString, $"DROP ROLE \"{role}\"");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
