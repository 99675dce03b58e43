using Microsoft.Extensions.Options;

namespace Attestation.Web.Storage;

/// <summary>What the portal does with an upload when the antivirus cannot say whether it is clean.</summary>
public enum AntivirusUnavailable
{
    /// <summary>The upload is refused with a Russian message asking to try later: no unscanned file is stored.</summary>
    Refuse,

    /// <summary>The upload is stored unscanned and a warning is logged: for a region that prefers uploads to safety.</summary>
    Store,
}

/// <summary>
/// The scan of every upload by ClamAV's daemon (<c>clamd</c>), where the region wants it: through its Unix socket
/// (<see cref="Socket"/>, Debian's <c>/run/clamav/clamd.ctl</c>) or over TCP (<see cref="Host"/> and <see cref="Port"/>).
/// </summary>
public sealed class AntivirusOptions
{
    public const string Section = "Antivirus";

    public const int DefaultPort = 3310;

    /// <summary>Off by default: a region without clamd keeps uploading.</summary>
    public bool Enabled { get; set; }

    /// <summary>The path of clamd's Unix socket (its <c>LocalSocket</c>). Either this or <see cref="Host"/>.</summary>
    public string? Socket { get; set; }

    /// <summary>The host of a clamd listening on TCP (its <c>TCPSocket</c> and <c>TCPAddr</c>). Either this or <see cref="Socket"/>.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = DefaultPort;

    /// <summary>The longest one scan may take, the connection included; past it clamd counts as unavailable.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>When clamd is unreachable, does not answer in time or answers with an error.</summary>
    public AntivirusUnavailable WhenUnavailable { get; set; } = AntivirusUnavailable.Refuse;

    /// <summary>Null when the settings can be used; otherwise what is wrong, for the start-up failure.</summary>
    public string? Problem()
    {
        if (Timeout <= TimeSpan.Zero)
            return "Antivirus:Timeout must be positive.";
        if (!Enabled)
            return null;
        var socket = !string.IsNullOrWhiteSpace(Socket);
        var host = !string.IsNullOrWhiteSpace(Host);
        if (socket == host)
            return "Antivirus:Enabled needs either Antivirus:Socket (clamd's Unix socket) or Antivirus:Host (clamd on TCP), not both and not neither.";
        if (host && Port is < 1 or > 65535)
            return "Antivirus:Port must be between 1 and 65535.";
        return null;
    }
}

/// <summary>Stops the portal at start-up on settings that would make every upload fail.</summary>
public sealed class AntivirusOptionsValidator : IValidateOptions<AntivirusOptions>
{
    public ValidateOptionsResult Validate(string? name, AntivirusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
