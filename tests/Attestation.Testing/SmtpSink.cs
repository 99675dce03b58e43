using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Attestation.Testing;

/// <summary>
/// A real SMTP server on loopback for the tests: Debian's <c>python3-aiosmtpd</c> (scripts/test.sh installs it), each
/// message it receives kept as one file of a Maildir. <see cref="FreePort"/> gives a port where nothing listens yet — an
/// SMTP outage — and <see cref="StartAsync"/> brings the server up on it.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process _process;

    private SmtpSink(Process process, int port, string directory)
    {
        _process = process;
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    public string Directory { get; }

    /// <summary>A loopback port nobody listens on (taken from the system and let go at once).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static async Task<SmtpSink> StartAsync(int port)
    {
        var directory = Path.Combine(Path.GetTempPath(), "attestation-smtp", Guid.NewGuid().ToString("N"));
        // The Maildir is made by the server: a directory that exists already is taken for a Maildir without its new/ cur/ tmp/.
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(directory)!);
        // Debian's interpreter, where the package puts the module; a python3 earlier on PATH (pyenv) may lack it.
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", directory },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 -m aiosmtpd did not start.");
        var sink = new SmtpSink(process, port, directory);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException(
                    $"The SMTP sink exited ({process.ExitCode}): {await process.StandardError.ReadToEndAsync()} Install python3-aiosmtpd.");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return sink;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        await sink.DisposeAsync();
        throw new TimeoutException($"The SMTP sink did not listen on 127.0.0.1:{port} within 15 s.");
    }

    /// <summary>Every message the server has received, the earliest first.</summary>
    public IReadOnlyList<SentMail> Received()
    {
        var delivered = Path.Combine(Directory, "new");
        return !System.IO.Directory.Exists(delivered)
            ? []
            : System.IO.Directory.GetFiles(delivered)
                .OrderBy(File.GetLastWriteTimeUtc)
                .ThenBy(path => path, StringComparer.Ordinal)
                .Select(path => SentMail.Parse(File.ReadAllBytes(path)))
                .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (System.IO.Directory.Exists(Directory))
            System.IO.Directory.Delete(Directory, recursive: true);
    }
}
