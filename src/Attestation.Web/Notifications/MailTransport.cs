using Attestation.Web.Data;
using Attestation.Web.Storage;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Attestation.Web.Notifications;

/// <summary>
/// Hands letters to the SMTP server with MailKit, one connection per batch, or — when no host is configured — writes
/// each as an .eml file into the pickup folder, so the portal runs with nothing else installed and a developer (or a
/// test) can read what went out.
/// </summary>
public sealed class MailTransport(
    IOptions<EmailOptions> options,
    IOptions<StorageOptions> storage,
    IWebHostEnvironment environment)
{
    private readonly EmailOptions _options = options.Value;

    public string PickupDirectory => Path.GetFullPath(
        _options.PickupDirectory, storage.Value.ResolveDataDirectory(environment.ContentRootPath));

    public bool UsesPickupDirectory => string.IsNullOrWhiteSpace(_options.Host);

    public MailSession Open() => new(this, _options);

    /// <summary>The letter as MIME: plain text and HTML alternatives, UTF-8, the outbox row's own Message-Id.</summary>
    public MimeMessage Compose(OutboxMessage letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var message = new MimeMessage
        {
            Subject = letter.Subject,
            Date = letter.QueuedAt,
            MessageId = $"{letter.MessageKey:N}@{DomainOf(_options.From)}",
        };
        message.From.Add(new MailboxAddress(_options.FromName, _options.From));
        message.To.Add(MailboxAddress.Parse(letter.To));
        message.Body = new BodyBuilder { TextBody = letter.PlainText, HtmlBody = letter.Html }.ToMessageBody();
        return message;
    }

    private static string DomainOf(string address) =>
        address.LastIndexOf('@') is var at and >= 0 && at < address.Length - 1 ? address[(at + 1)..] : "localhost";

    /// <summary>One batch's delivery: connects on the first letter, disconnects when disposed.</summary>
    public sealed class MailSession(MailTransport transport, EmailOptions options) : IAsyncDisposable
    {
        private SmtpClient? _client;

        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(message);
            if (transport.UsesPickupDirectory)
            {
                Directory.CreateDirectory(transport.PickupDirectory);
                // Written aside and moved in, so that whoever reads the folder never sees half a letter. A fresh name
                // each time: a letter delivered twice would show as two files.
                var name = Path.Combine(transport.PickupDirectory, $"{Guid.NewGuid():N}");
                await message.WriteToAsync(name + ".tmp", ct);
                File.Move(name + ".tmp", name + ".eml");
                return;
            }

            var client = await ConnectedAsync(ct);
            await client.SendAsync(message, ct);
        }

        private async Task<SmtpClient> ConnectedAsync(CancellationToken ct)
        {
            if (_client is { IsConnected: true })
                return _client;
            _client?.Dispose();
            _client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
            var security = !options.EnableSsl ? SecureSocketOptions.None
                : options.Port == 465 ? SecureSocketOptions.SslOnConnect
                : SecureSocketOptions.StartTls;
            await _client.ConnectAsync(options.Host!, options.Port, security, ct);
            if (!string.IsNullOrEmpty(options.UserName))
                await _client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
            return _client;
        }

        public async ValueTask DisposeAsync()
        {
            if (_client is null)
                return;
            try
            {
                if (_client.IsConnected)
                    await _client.DisconnectAsync(quit: true, CancellationToken.None);
            }
            catch (Exception error) when (error is IOException or MailKit.ProtocolException or System.Net.Sockets.SocketException)
            {
                // The letters are handed over already; a QUIT that fails changes nothing.
            }
            _client.Dispose();
        }
    }
}
