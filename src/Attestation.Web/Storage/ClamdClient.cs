using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Attestation.Web.Storage;

/// <summary>What clamd said of a file: clean, or the name of the signature it found.</summary>
public sealed record ClamdVerdict(string? Signature)
{
    public static ClamdVerdict Clean { get; } = new((string?)null);

    public bool Infected => Signature is not null;
}

/// <summary>clamd could not give a verdict: unreachable, silent past the timeout, or it answered with an error.</summary>
public sealed class ClamdException : Exception
{
    public ClamdException()
        : base("clamd gave no verdict.")
    {
    }

    public ClamdException(string message)
        : base(message)
    {
    }

    public ClamdException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// ClamAV's daemon spoken to directly (clamd(8), the INSTREAM command): the bytes are sent over the connection, so
/// clamd needs no access to the portal's files. One connection a scan, as clamd closes it after its answer.
/// </summary>
public sealed class ClamdClient(AntivirusOptions options)
{
    /// <summary>Bytes sent in one chunk: far under any StreamMaxLength a clamd would be configured with.</summary>
    public const int ChunkSize = 64 * 1024;

    /// <summary>No answer of clamd is this long; a peer that keeps talking is not clamd.</summary>
    private const int MaxReplyLength = 4096;

    private readonly AntivirusOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>«unix:/run/clamav/clamd.ctl» or «tcp:clamav:3310», for the log.</summary>
    public string Address => string.IsNullOrWhiteSpace(_options.Socket)
        ? $"tcp:{_options.Host}:{_options.Port}"
        : $"unix:{_options.Socket}";

    /// <summary>
    /// Scans <paramref name="content"/>. Throws <see cref="ClamdException"/> when clamd gives no verdict within the
    /// configured timeout; <see cref="OperationCanceledException"/> only when <paramref name="ct"/> itself is cancelled.
    /// </summary>
    public async Task<ClamdVerdict> ScanAsync(ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            return Parse(await ConverseAsync(content, timeout.Token));
        }
        catch (OperationCanceledException error) when (!ct.IsCancellationRequested)
        {
            throw new ClamdException($"clamd at {Address} gave no answer within {_options.Timeout}.", error);
        }
        catch (Exception error) when (error is SocketException or IOException)
        {
            throw new ClamdException($"clamd at {Address} could not be reached: {error.Message}", error);
        }
    }

    /// <summary>The text of an INSTREAM reply, without its terminating zero: «stream: OK», «stream: X FOUND», «… ERROR».</summary>
    public static ClamdVerdict Parse(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = reply.Trim();
        const string prefix = "stream:";
        if (text.StartsWith(prefix, StringComparison.Ordinal))
            text = text[prefix.Length..].Trim();

        if (text == "OK")
            return ClamdVerdict.Clean;
        const string found = " FOUND";
        if (text.EndsWith(found, StringComparison.Ordinal) && text.Length > found.Length)
            return new ClamdVerdict(text[..^found.Length].Trim());
        throw new ClamdException(reply.Length == 0 ? "clamd closed the connection without an answer." : $"clamd answered «{reply}».");
    }

    private async Task<string> ConverseAsync(ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        using var socket = Connectable(out var endpoint);
        await socket.ConnectAsync(endpoint, ct);
        await using var stream = new NetworkStream(socket, ownsSocket: false);

        Exception? sendFailure = null;
        try
        {
            await SendAsync(stream, content, ct);
        }
        catch (IOException error)
        {
            // clamd cuts a stream longer than its StreamMaxLength and says so: its answer is still worth reading.
            sendFailure = error;
        }

        var reply = await ReadReplyAsync(stream, ct);
        if (reply.Length == 0 && sendFailure is not null)
            throw new IOException(sendFailure.Message, sendFailure);
        return reply;
    }

    private Socket Connectable(out EndPoint endpoint)
    {
        if (!string.IsNullOrWhiteSpace(_options.Socket))
        {
            endpoint = new UnixDomainSocketEndPoint(_options.Socket);
            return new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        }
        endpoint = new DnsEndPoint(_options.Host ?? throw new InvalidOperationException("Antivirus:Host is not set."), _options.Port);
        return new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    }

    private static async Task SendAsync(Stream stream, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        // The «z» form: the command and the answer end with a zero byte rather than a newline.
        await stream.WriteAsync("zINSTREAM\0"u8.ToArray(), ct);
        var length = new byte[4];
        for (var offset = 0; offset < content.Length; offset += ChunkSize)
        {
            var chunk = content.Slice(offset, Math.Min(ChunkSize, content.Length - offset));
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)chunk.Length);
            await stream.WriteAsync(length, ct);
            await stream.WriteAsync(chunk, ct);
        }
        // A chunk of length zero ends the stream.
        BinaryPrimitives.WriteUInt32BigEndian(length, 0);
        await stream.WriteAsync(length, ct);
        await stream.FlushAsync(ct);
    }

    private static async Task<string> ReadReplyAsync(Stream stream, CancellationToken ct)
    {
        var reply = new List<byte>();
        var buffer = new byte[256];
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            var end = Array.IndexOf(buffer, (byte)0, 0, read);
            reply.AddRange(buffer.AsSpan(0, end < 0 ? read : end));
            if (end >= 0)
                break;
            if (reply.Count > MaxReplyLength)
                throw new IOException($"clamd's answer is longer than {MaxReplyLength} bytes.");
        }
        return Encoding.UTF8.GetString([.. reply]).TrimEnd('\n');
    }
}
