using System.Diagnostics;
using Attestation.Web.Storage;

namespace Attestation.Web.Tests.Storage;

/// <summary>The INSTREAM conversation with clamd, against a clamd faked in the process: every answer and every silence.</summary>
public sealed class ClamdClientTests : IAsyncLifetime
{
    private readonly FakeClamd _tcp = FakeClamd.OnTcp();
    private readonly FakeClamd _unix = FakeClamd.OnUnixSocket();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _tcp.DisposeAsync();
        await _unix.DisposeAsync();
    }

    private ClamdClient OverTcp(TimeSpan? timeout = null) =>
        new(new AntivirusOptions { Enabled = true, Host = "127.0.0.1", Port = _tcp.Port, Timeout = timeout ?? TimeSpan.FromSeconds(10) });

    private ClamdClient OverUnixSocket(TimeSpan? timeout = null) =>
        new(new AntivirusOptions { Enabled = true, Socket = _unix.SocketPath, Timeout = timeout ?? TimeSpan.FromSeconds(10) });

    [Fact]
    public async Task A_clean_file_is_OK_and_reaches_clamd_whole_in_chunks()
    {
        var content = new byte[3 * ClamdClient.ChunkSize + 123];
        new Random(14).NextBytes(content);

        var verdict = await OverTcp().ScanAsync(content, CancellationToken.None);

        Assert.False(verdict.Infected);
        Assert.Null(verdict.Signature);
        Assert.Equal(content, Assert.Single(_tcp.Streams));
    }

    [Fact]
    public async Task The_EICAR_test_file_is_found_with_its_signature_over_a_unix_socket()
    {
        var verdict = await OverUnixSocket().ScanAsync(Eicar.File(), CancellationToken.None);

        Assert.True(verdict.Infected);
        Assert.Equal("Eicar-Test-Signature", verdict.Signature);
        Assert.Equal(Eicar.File(), Assert.Single(_unix.Streams));
    }

    [Fact]
    public async Task The_EICAR_test_file_is_found_over_tcp_too()
    {
        Assert.Equal("Eicar-Test-Signature", (await OverTcp().ScanAsync(Eicar.InPdf(), CancellationToken.None)).Signature);
    }

    [Fact]
    public async Task A_clamd_that_does_not_answer_is_given_up_after_the_timeout()
    {
        _unix.Behaviour = FakeClamdBehaviour.Hang;
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ClamdException>(() =>
            OverUnixSocket(TimeSpan.FromMilliseconds(300)).ScanAsync(Eicar.File(), CancellationToken.None));

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
        Assert.Contains("no answer within 00:00:00.3", error.Message, StringComparison.Ordinal);
        Assert.Single(_unix.Streams);
    }

    [Fact]
    public async Task A_port_nobody_listens_on_is_unreachable()
    {
        var client = OverTcp();
        _tcp.Stop();

        var error = await Assert.ThrowsAsync<ClamdException>(() => client.ScanAsync(Eicar.File(), CancellationToken.None));

        Assert.Contains($"clamd at tcp:127.0.0.1:{_tcp.Port} could not be reached", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_socket_that_is_not_there_is_unreachable()
    {
        var client = new ClamdClient(new AntivirusOptions
        {
            Enabled = true,
            Socket = Path.Combine(Path.GetTempPath(), $"no-clamd-{Guid.NewGuid():N}.ctl"),
        });

        var error = await Assert.ThrowsAsync<ClamdException>(() => client.ScanAsync(Eicar.File(), CancellationToken.None));

        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_closed_without_an_answer_gives_no_verdict()
    {
        _tcp.Behaviour = FakeClamdBehaviour.CloseWithoutAnswer;

        var error = await Assert.ThrowsAsync<ClamdException>(() => OverTcp().ScanAsync(Eicar.File(), CancellationToken.None));

        Assert.Equal("clamd closed the connection without an answer.", error.Message);
    }

    [Fact]
    public async Task An_error_answer_gives_no_verdict()
    {
        _tcp.Behaviour = FakeClamdBehaviour.Error;

        var error = await Assert.ThrowsAsync<ClamdException>(() => OverTcp().ScanAsync(Eicar.File(), CancellationToken.None));

        Assert.Equal("clamd answered «INSTREAM size limit exceeded. ERROR».", error.Message);
    }

    [Fact]
    public async Task The_caller_giving_up_is_a_cancellation_not_an_unavailable_clamd()
    {
        _tcp.Behaviour = FakeClamdBehaviour.Hang;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => OverTcp(TimeSpan.FromSeconds(30)).ScanAsync(Eicar.File(), cancel.Token));
    }

    [Theory]
    [InlineData("stream: OK", null)]
    [InlineData("stream: Eicar-Test-Signature FOUND", "Eicar-Test-Signature")]
    [InlineData("stream: Win.Test.EICAR_HDB-1 FOUND", "Win.Test.EICAR_HDB-1")]
    [InlineData("stream: Pdf.Exploit.CVE_2018_4990-6669620-0 FOUND\n", "Pdf.Exploit.CVE_2018_4990-6669620-0")]
    public void The_answers_of_clamd_are_read(string reply, string? signature)
    {
        Assert.Equal(signature, ClamdClient.Parse(reply).Signature);
    }

    [Theory]
    [InlineData("")]
    [InlineData("stream: Can't allocate memory ERROR")]
    [InlineData("INSTREAM size limit exceeded. ERROR")]
    [InlineData("UNKNOWN COMMAND")]
    [InlineData("stream: FOUND")]
    public void Anything_else_is_no_verdict(string reply)
    {
        Assert.Throws<ClamdException>(() => ClamdClient.Parse(reply));
    }

    [Fact]
    public void The_settings_name_what_is_missing_or_contradictory()
    {
        Assert.Null(new AntivirusOptions().Problem());
        Assert.Null(new AntivirusOptions { Enabled = true, Socket = "/run/clamav/clamd.ctl" }.Problem());
        Assert.Null(new AntivirusOptions { Enabled = true, Host = "clamav", Port = 3310 }.Problem());
        Assert.Contains("either Antivirus:Socket", new AntivirusOptions { Enabled = true }.Problem(), StringComparison.Ordinal);
        Assert.Contains("not both", new AntivirusOptions { Enabled = true, Socket = "/s", Host = "h" }.Problem(), StringComparison.Ordinal);
        Assert.Equal("Antivirus:Port must be between 1 and 65535.",
            new AntivirusOptions { Enabled = true, Host = "clamav", Port = 0 }.Problem());
        Assert.Equal("Antivirus:Timeout must be positive.", new AntivirusOptions { Timeout = TimeSpan.Zero }.Problem());
        var atStart = new AntivirusOptionsValidator().Validate(null, new AntivirusOptions { Enabled = true });
        Assert.True(atStart.Failed);
        Assert.Contains("Antivirus:Socket", atStart.FailureMessage, StringComparison.Ordinal);
    }
}
