using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AngleSharp.Html.Dom;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using MunicipalityEntity = Attestation.Domain.Directory.Municipality;

namespace Attestation.Web.Tests.Faults;

/// <summary>
/// PostgreSQL stopped (connections refused) or hung (accepted and never answered), simulated by a TCP relay between
/// the portal and its database: the readiness check says so within seconds, a page answers a Russian 503 instead of a
/// 500, and the portal serves again as soon as the server answers.
/// </summary>
public sealed class DatabaseOutageTests(DatabaseOutageTests.RelayedPortal factory) : IClassFixture<DatabaseOutageTests.RelayedPortal>
{
    [Fact]
    public async Task Stopped_then_hung_then_back_the_portal_says_unavailable_quickly_and_recovers_by_itself()
    {
        await factory.CreateUserAsync(Roles.Operator, "outage.operator");
        using var client = await factory.SignInAsync("outage.operator");
        using (var healthy = await client.GetAsync("/health/ready"))
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);

        // Stopped: every connection refused.
        factory.Relay.Mode = RelayMode.Refuse;
        NpgsqlConnection.ClearAllPools();
        var watch = Stopwatch.StartNew();
        using (var ready = await client.GetAsync("/health/ready"))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using (var page = await client.GetAsync("/Operator/Applications"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            var body = await page.Content.ReadAsStringAsync();
            Assert.Contains("Сервис временно недоступен; введённые данные не сохранены — повторите через несколько минут.", body, StringComparison.Ordinal);
            Assert.Contains("Код запроса", body, StringComparison.Ordinal);
        }

        // A form sent meanwhile (the sign-in's) is answered the same way, not with a 500.
        using (var visitor = factory.CreateClient(new() { AllowAutoRedirect = false }))
        using (var signIn = await visitor.SubmitFormAsync("/Account/Login",
                   new Dictionary<string, string> { ["Input.Login"] = "outage.operator", ["Input.Password"] = PortalFactory.Password }))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, signIn.StatusCode);
            Assert.Contains("введённые данные не сохранены", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Hung: the connection is accepted and never answered; the readiness check gives up within its few seconds.
        factory.Relay.Mode = RelayMode.Hang;
        NpgsqlConnection.ClearAllPools();
        watch.Restart();
        using (var ready = await client.GetAsync("/health/ready"))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"/health/ready took {watch.Elapsed.TotalSeconds:0.0} s with PostgreSQL hung.");

        // Back: the portal serves again without a restart, and the session survived the outage.
        factory.Relay.Mode = RelayMode.Forward;
        NpgsqlConnection.ClearAllPools();
        using (var ready = await client.GetAsync("/health/ready"))
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using (var page = await client.GetAsync("/Operator/Applications"))
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task With_only_new_connections_hung_readiness_says_unavailable_within_five_seconds()
    {
        // As when the postmaster alone hangs: the backends already connected go on answering, no new one starts.
        using var client = factory.CreateClient();
        using (var healthy = await client.GetAsync("/health/ready"))
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        factory.Relay.Mode = RelayMode.Hang;
        try
        {
            var watch = Stopwatch.StartNew();
            using var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"/health/ready took {watch.Elapsed.TotalSeconds:0.0} s.");
        }
        finally
        {
            factory.Relay.Mode = RelayMode.Forward;
        }
        using (var back = await client.GetAsync("/health/ready"))
            Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Fact]
    public async Task A_form_sent_while_the_database_is_down_is_kept_on_the_unavailable_page_and_sent_again_once_it_is_back()
    {
        int id;
        await using (var db = factory.OpenDb())
        {
            var municipality = new MunicipalityEntity("Бакчарский район");
            db.Municipalities.Add(municipality);
            await db.SaveChangesAsync();
            id = municipality.Id;
        }
        await factory.CreateUserAsync(Roles.Operator, "outage.editor");
        using var client = await factory.SignInAsync("outage.editor");
        var url = $"/Operator/Directories/Municipalities/Edit?id={id}";
        var form = await client.GetDocumentAsync(url);
        var action = form.QuerySelector("form#edit")!.GetAttribute("action");

        factory.Relay.Mode = RelayMode.Refuse;
        NpgsqlConnection.ClearAllPools();
        IHtmlDocument unavailable;
        using (var sent = await client.SubmitFormAsync(form, url, new Dictionary<string, string>
               {
                   ["Input.Name"] = "Бакчарский муниципальный район",
                   ["Input.ShortName"] = "Бакчарский р-н",
               }, "form#edit"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, sent.StatusCode);
            unavailable = await sent.ReadDocumentAsync();
        }
        Assert.Contains("введённые данные не сохранены", unavailable.QuerySelector("#unavailable")!.TextContent, StringComparison.Ordinal);
        var resend = unavailable.QuerySelector("form#resend")!;
        Assert.Equal(action, resend.GetAttribute("action"));
        string Kept(string name) => resend.QuerySelector($"input[type=hidden][name='{name}']")?.GetAttribute("value") ?? "(none)";
        Assert.Equal("Бакчарский муниципальный район", Kept("Input.Name"));
        Assert.Equal("Бакчарский р-н", Kept("Input.ShortName"));
        Assert.NotEqual("(none)", Kept("__RequestVerificationToken"));
        Assert.Contains("Отправить ещё раз", resend.TextContent, StringComparison.Ordinal);

        // A named handler's post (?handler=Deactivate) gets the same page, not a blank one.
        using (var deactivate = await client.SubmitFormAsync(form, url, new Dictionary<string, string>(), "form#deactivate"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, deactivate.StatusCode);
            var page = await deactivate.ReadDocumentAsync();
            Assert.NotNull(page.QuerySelector("#unavailable"));
            Assert.Contains("handler=Deactivate", page.QuerySelector("form#resend")!.GetAttribute("action"), StringComparison.Ordinal);
        }

        // Back: «Отправить ещё раз» saves what was typed.
        factory.Relay.Mode = RelayMode.Forward;
        NpgsqlConnection.ClearAllPools();
        using (var again = await client.PostRepeatedAsync(unavailable, "form#resend", []))
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await using var check = factory.OpenDb();
        var saved = await check.Municipalities.SingleAsync(m => m.Id == id);
        Assert.Equal("Бакчарский муниципальный район", saved.Name);
        Assert.True(saved.IsActive);
    }

    [Fact]
    public async Task A_password_is_not_written_into_the_unavailable_page()
    {
        await factory.CreateUserAsync(Roles.Operator, "outage.password");
        factory.Relay.Mode = RelayMode.Refuse;
        NpgsqlConnection.ClearAllPools();
        try
        {
            using var visitor = factory.CreateClient(new() { AllowAutoRedirect = false });
            using var signIn = await visitor.SubmitFormAsync("/Account/Login",
                new Dictionary<string, string> { ["Input.Login"] = "outage.password", ["Input.Password"] = PortalFactory.Password });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, signIn.StatusCode);
            var body = await signIn.Content.ReadAsStringAsync();
            Assert.DoesNotContain(PortalFactory.Password, body, StringComparison.Ordinal);
            var resend = (await signIn.ReadDocumentAsync()).QuerySelector("form#resend")!;
            Assert.Equal("outage.password", resend.QuerySelector("input[name='Input.Login']")!.GetAttribute("value"));
            Assert.Contains("Пароль на странице не хранится", resend.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            factory.Relay.Mode = RelayMode.Forward;
            NpgsqlConnection.ClearAllPools();
        }
    }

    /// <summary>The portal on its test database, reached through <see cref="Relay"/>.</summary>
    public sealed class RelayedPortal : PortalFactory
    {
        public TcpRelay Relay { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var target = new NpgsqlConnectionStringBuilder(ConnectionString);
            Relay = new TcpRelay(target.Host!, target.Port);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            var relayed = new NpgsqlConnectionStringBuilder(ConnectionString) { Host = "127.0.0.1", Port = Relay.Port, Timeout = 15 };
            builder.UseSetting("ConnectionStrings:Default", relayed.ConnectionString);
        }

        public override async ValueTask DisposeAsync()
        {
            Relay.Dispose();
            await base.DisposeAsync();
        }
    }
}

public enum RelayMode
{
    Forward,
    Refuse,
    Hang,
}

/// <summary>A loopback TCP relay to PostgreSQL that can refuse new connections or accept them and never answer.</summary>
public sealed class TcpRelay : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _host;
    private readonly int _port;
    private readonly List<TcpClient> _open = [];
    private readonly CancellationTokenSource _stop = new();
    private RelayMode _mode = RelayMode.Forward;

    public TcpRelay(string host, int port)
    {
        (_host, _port) = (host, port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>Changing the mode drops every relayed connection, as a stopped or frozen server loses them.</summary>
    public RelayMode Mode
    {
        get => _mode;
        set
        {
            _mode = value;
            lock (_open)
            {
                foreach (var client in _open)
                    client.Dispose();
                _open.Clear();
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient incoming;
            try
            {
                incoming = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            switch (_mode)
            {
                case RelayMode.Refuse:
                    // Closed at once with a reset, as a port nobody listens on answers.
                    incoming.Client.LingerState = new LingerOption(true, 0);
                    incoming.Dispose();
                    break;
                case RelayMode.Hang:
                    lock (_open)
                        _open.Add(incoming);
                    break;
                default:
                    _ = ForwardAsync(incoming);
                    break;
            }
        }
    }

    private async Task ForwardAsync(TcpClient incoming)
    {
        var outgoing = new TcpClient();
        lock (_open)
            _open.AddRange([incoming, outgoing]);
        try
        {
            await outgoing.ConnectAsync(_host, _port, _stop.Token);
            var a = incoming.GetStream();
            var b = outgoing.GetStream();
            await Task.WhenAny(a.CopyToAsync(b, _stop.Token), b.CopyToAsync(a, _stop.Token));
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            incoming.Dispose();
            outgoing.Dispose();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        Mode = RelayMode.Forward;
        _stop.Dispose();
    }
}
