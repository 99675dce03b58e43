using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Attestation.Web.Tests.Support;

/// <summary>What the <see cref="FakeClamd"/> does with a stream once it has read it.</summary>
public enum FakeClamdBehaviour
{
    /// <summary>«stream: Eicar-Test-Signature FOUND» for anything holding the EICAR string, «stream: OK» otherwise.</summary>
    Answer,

    /// <summary>Reads the stream and says nothing, never closing: a clamd stuck under load.</summary>
    Hang,

    /// <summary>Reads the stream and closes the connection without a word: a clamd that crashed.</summary>
    CloseWithoutAnswer,

    /// <summary>«INSTREAM size limit exceeded. ERROR», as clamd says of a stream over its StreamMaxLength.</summary>
    Error,
}

/// <summary>
/// A clamd inside the test process, on a TCP port of the loopback or on a Unix socket: it speaks the INSTREAM command
/// (a zero-terminated «zINSTREAM», chunks with a 4-byte big-endian length, a zero-length chunk at the end) and answers as
/// <see cref="Behaviour"/> says. <see cref="Stop"/> takes it off the socket to play an unreachable daemon.
/// </summary>
public sealed class FakeClamd : IAsyncDisposable
{
    private readonly EndPoint _endpoint;
    private readonly CancellationTokenSource _closing = new();
    private readonly ConcurrentQueue<byte[]> _streams = new();
    private readonly ConcurrentBag<Task> _connections = [];
    private readonly Lock _gate = new();
    private Socket? _listener;
    private Task _accepting = Task.CompletedTask;

    private FakeClamd(EndPoint endpoint, string? socketPath = null)
    {
        _endpoint = endpoint;
        SocketPath = socketPath;
        Start();
    }

    /// <summary>On a free port of 127.0.0.1 (<see cref="Port"/>).</summary>
    public static FakeClamd OnTcp() => new(new IPEndPoint(IPAddress.Loopback, 0));

    /// <summary>On a Unix socket at a fresh path under the temporary folder (<see cref="SocketPath"/>).</summary>
    public static FakeClamd OnUnixSocket()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fake-clamd-{Guid.NewGuid():N}.ctl");
        return new(new UnixDomainSocketEndPoint(path), path);
    }

    public FakeClamdBehaviour Behaviour { get; set; } = FakeClamdBehaviour.Answer;

    public int Port { get; private set; }

    public string? SocketPath { get; }

    /// <summary>Every stream read to its end, in the order they came.</summary>
    public IReadOnlyList<byte[]> Streams => [.. _streams];

    /// <summary>Listens (again, after <see cref="Stop"/>) on the same port or path.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_listener is not null)
                return;
            var endpoint = _endpoint is IPEndPoint && Port != 0 ? new IPEndPoint(IPAddress.Loopback, Port) : _endpoint;
            var listener = endpoint is UnixDomainSocketEndPoint
                ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
                : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            if (SocketPath is { } path)
                File.Delete(path);
            listener.Bind(endpoint);
            listener.Listen(16);
            if (listener.LocalEndPoint is IPEndPoint bound)
                Port = bound.Port;
            _listener = listener;
            _accepting = AcceptAsync(listener);
        }
    }

    /// <summary>Stops listening: a connection is refused (TCP) or finds no socket (Unix) until <see cref="Start"/>.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _listener?.Dispose();
            _listener = null;
            if (SocketPath is { } path)
                File.Delete(path);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        await _closing.CancelAsync();
        await Task.WhenAll([_accepting, .. _connections]);
        _closing.Dispose();
    }

    private async Task AcceptAsync(Socket listener)
    {
        while (true)
        {
            Socket connection;
            try
            {
                connection = await listener.AcceptAsync(_closing.Token);
            }
            catch (Exception error) when (error is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }
            _connections.Add(ServeAsync(connection));
        }
    }

    private async Task ServeAsync(Socket connection)
    {
        using var socket = connection;
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var ct = _closing.Token;
        try
        {
            var command = await ReadCommandAsync(stream, ct);
            if (command != "zINSTREAM")
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"UNKNOWN COMMAND\0"), ct);
                return;
            }

            var content = new MemoryStream();
            var length = new byte[4];
            while (true)
            {
                await stream.ReadExactlyAsync(length, ct);
                var size = BinaryPrimitives.ReadUInt32BigEndian(length);
                if (size == 0)
                    break;
                var chunk = new byte[size];
                await stream.ReadExactlyAsync(chunk, ct);
                content.Write(chunk);
            }
            _streams.Enqueue(content.ToArray());

            switch (Behaviour)
            {
                case FakeClamdBehaviour.Answer:
                    var infected = content.ToArray().AsSpan().IndexOf(Eicar.File()) >= 0;
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(infected ? $"stream: {Eicar.Signature} FOUND\0" : "stream: OK\0"), ct);
                    break;
                case FakeClamdBehaviour.Hang:
                    await Task.Delay(Timeout.Infinite, ct);
                    break;
                case FakeClamdBehaviour.Error:
                    await stream.WriteAsync("INSTREAM size limit exceeded. ERROR\0"u8.ToArray(), ct);
                    break;
                case FakeClamdBehaviour.CloseWithoutAnswer:
                    break;
            }
        }
        catch (Exception error) when (error is IOException or SocketException or OperationCanceledException or EndOfStreamException)
        {
            // The client went away or the fake is closing: nothing to answer.
        }
    }

    private static async Task<string> ReadCommandAsync(Stream stream, CancellationToken ct)
    {
        var command = new StringBuilder();
        var one = new byte[1];
        while (command.Length < 64)
        {
            await stream.ReadExactlyAsync(one, ct);
            if (one[0] is 0 or (byte)'\n')
                break;
            command.Append((char)one[0]);
        }
        return command.ToString();
    }
}
