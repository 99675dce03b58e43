using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Attestation.Testing;

/// <summary>
/// The portal on its own fresh PostgreSQL database (a copy of the migrated template), with a clock the test moves and
/// a private folder for mail and logs. One per test class (<c>IClassFixture</c>).
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Correct-Horse-Battery";

    /// <summary>Starts at the real present; tests move it (to the 12th, past a deadline) as they need.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public string ConnectionString { get; private set; } = "";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "attestation-tests", Guid.NewGuid().ToString("N"));

    public string MailDirectory => Path.Combine(DataDirectory, "mail");

    /// <summary>Seed the demo region at start-up (the browser tests sign in with the demo accounts).</summary>
    protected virtual bool SeedDemoData => false;

    /// <summary>
    /// Run the background jobs (the closing of periods) on their timer. Off by default: a job acting on the test's data
    /// at a moment the test does not choose makes tests flaky; tests call a job's <c>RunOnceAsync</c> instead.
    /// </summary>
    protected virtual bool RunJobs => false;

    public virtual async Task InitializeAsync() => ConnectionString = await TestDatabases.CreateAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await TestDatabases.DropAsync(ConnectionString);
        if (Directory.Exists(DataDirectory))
            Directory.Delete(DataDirectory, recursive: true);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Database:Migrate", "false");
        builder.UseSetting("Demo:Enabled", SeedDemoData ? "true" : "false");
        builder.UseSetting("Jobs:Enabled", RunJobs ? "true" : "false");
        // The tests read the log through a provider of their own where they need it; no console output.
        builder.UseSetting("Logs:Console", "none");
        // Every test signs in from the same (absent) address, many times a minute: the limits of the account forms
        // and the operator's second factor are tested by their own classes (Security/), which set them back.
        builder.UseSetting("SignInLimits:PerAddress", "100000");
        builder.UseSetting("SignInLimits:PerAccount", "100000");
        builder.UseSetting("Accounts:RequireOperatorTwoFactor", "false");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddHttpContextAccessor();
            services.AddSingleton<StatementCounter>();
            services.ConfigureDbContext<AttestationDbContext>((provider, options) =>
                options.AddInterceptors(provider.GetRequiredService<StatementCounter>()));
        });
    }

    /// <summary>
    /// GETs <paramref name="url"/> and counts the SQL statements the portal sent to answer it (the sign-in's own lookups
    /// included, as in production), on an instance that holds the directories' names of the moment, as a running one
    /// does: they are read once each time the directories change (DirectoryNameCache), not by the pages.
    /// </summary>
    public async Task<(HttpResponseMessage Response, int Statements)> GetCountingStatementsAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        await using (var db = OpenDb())
        {
            var version = await db.DirectoryVersions.MaxAsync(v => v.Version);
            await Services.GetRequiredService<DirectoryNameCache>().AtLeastAsync(db, version, CancellationToken.None);
        }
        var key = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(StatementCounter.Header, key);
        var response = await client.SendAsync(request);
        return (response, Services.GetRequiredService<StatementCounter>().CountOf(key));
    }

    /// <summary>
    /// Delivers the outbox as the background sender would (the tests run no jobs) and reads back every letter in the
    /// pickup folder, the earliest first.
    /// </summary>
    public async Task<IReadOnlyList<SentMail>> SentMailsAsync()
    {
        await DeliverMailAsync();
        return SentMail.ReadAll(MailDirectory);
    }

    /// <summary>One run of the outbox's sender with the portal's own services; returns how many letters went.</summary>
    public Task<int> DeliverMailAsync() =>
        WithServicesAsync(services => services.GetRequiredService<OutboxSender>().RunOnceAsync(CancellationToken.None));

    public AttestationDbContext OpenDb() => TestDatabases.OpenContext(ConnectionString);

    /// <summary>Runs code with the portal's own services (UserManager, DbContext…) in a scope.</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    public Task<AppUser> CreateUserAsync(string role, string login, Action<AppUser>? configure = null) =>
        WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser
            {
                UserName = login,
                Email = $"{login}@example.org",
                LastName = "Проверкина",
                FirstName = "Анна",
                MiddleName = "Сергеевна",
                CreatedAt = Clock.GetUtcNow(),
            };
            configure?.Invoke(user);
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, role));
            return user;
        });

    /// <summary>A client that keeps cookies and shows redirects to the test instead of following them.</summary>
    public HttpClient CreatePortalClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real login form.</summary>
    public async Task<HttpClient> SignInAsync(string login, string password = Password)
    {
        var client = CreatePortalClient();
        var response = await client.SubmitFormAsync("/Account/Login",
            new Dictionary<string, string> { ["Input.Login"] = login, ["Input.Password"] = password });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {login} failed: {(int)response.StatusCode}.");
        return client;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
