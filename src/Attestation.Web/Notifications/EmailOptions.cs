namespace Attestation.Web.Notifications;

public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>SMTP host; when empty, messages are written as .eml files to <see cref="PickupDirectory"/>.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "attestation@localhost";
    public string FromName { get; set; } = "Аттестация педагогических работников";

    /// <summary>Relative to the data directory unless absolute.</summary>
    public string PickupDirectory { get; set; } = "mail";

    /// <summary>The portal's public address, used to build links in e-mails.</summary>
    public string? PublicBaseUrl { get; set; }
}
