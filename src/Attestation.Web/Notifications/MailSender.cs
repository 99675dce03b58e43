using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Attestation.Web.Storage;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Notifications;

/// <summary>A message with both a plain-text and an HTML body.</summary>
public sealed record EmailMessage(string To, string Subject, string PlainText, string Html);

public interface IMailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct = default);
}

/// <summary>
/// Sends over SMTP with System.Net.Mail, or drops .eml files into a pickup folder when no host is configured, so the
/// portal runs with nothing else installed and tests can read what was sent.
/// </summary>
public sealed partial class SmtpMailSender(
    IOptions<EmailOptions> options,
    IOptions<StorageOptions> storage,
    IWebHostEnvironment environment,
    ILogger<SmtpMailSender> logger) : IMailSender
{
    private readonly EmailOptions _options = options.Value;

    public string PickupDirectory => Path.GetFullPath(
        _options.PickupDirectory, storage.Value.ResolveDataDirectory(environment.ContentRootPath));

    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        using var mail = Compose(message);
        using var client = CreateClient();
        await client.SendMailAsync(mail, ct);
        LogSent(logger, message.To, message.Subject);
    }

    private MailMessage Compose(EmailMessage message)
    {
        var mail = new MailMessage
        {
            From = new MailAddress(_options.From, _options.FromName, Encoding.UTF8),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        mail.To.Add(new MailAddress(message.To));
        // Body stays unset: with alternate views, a Body would become a third, conflicting part.
        mail.AlternateViews.Add(View(message.PlainText, MediaTypeNames.Text.Plain));
        mail.AlternateViews.Add(View(message.Html, MediaTypeNames.Text.Html));
        return mail;
    }

    private static AlternateView View(string content, string mediaType)
    {
        var view = AlternateView.CreateAlternateViewFromString(content, Encoding.UTF8, mediaType);
        view.TransferEncoding = TransferEncoding.Base64;
        return view;
    }

    private SmtpClient CreateClient()
    {
        if (string.IsNullOrWhiteSpace(_options.Host))
        {
            Directory.CreateDirectory(PickupDirectory);
            return new SmtpClient
            {
                DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
                PickupDirectoryLocation = PickupDirectory,
            };
        }

        var client = new SmtpClient(_options.Host, _options.Port) { EnableSsl = _options.EnableSsl };
        if (!string.IsNullOrEmpty(_options.UserName))
            client.Credentials = new NetworkCredential(_options.UserName, _options.Password);
        return client;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail sent to {To}: {Subject}")]
    private static partial void LogSent(ILogger logger, string to, string subject);
}
