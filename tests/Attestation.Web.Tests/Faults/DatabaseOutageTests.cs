using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

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
