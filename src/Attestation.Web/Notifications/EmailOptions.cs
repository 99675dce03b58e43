namespace Attestation.Web.Notifications;

public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>SMTP host; when empty, messages are written as .eml files to <see cref="PickupDirectory"/>.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;

    /// <summary>TLS: on port 465 from the first byte, on any other port by STARTTLS (required). Off: plain SMTP.</summary>
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "attestation@localhost";
    public string FromName { get; set; } = "Аттестация педагогических работников";

    /// <summary>Relative to the data directory unless absolute.</summary>
    public string PickupDirectory { get; set; } = "mail";

    /// <summary>The portal's public address, used to build links in e-mails.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The longest one SMTP conversation may take before the attempt counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Attempts before a letter is given up as failed (the operator can put it back).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failed attempt; it doubles with each further one, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a sender holds the letters it took; a sender that died loses them to another after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Letters one sender takes at a time.</summary>
    public int BatchSize { get; set; } = 20;
}
