using System.Net.Mail;
using System.Text;
using System.Text.Encodings.Web;
using Attestation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Notifications;

/// <summary>Who a letter is for: the address and the name to greet.</summary>
public sealed record Recipient(string Email, string FullName);

/// <summary>The coordinator a teacher can call back: the seed prints the work phone for exactly this.</summary>
public sealed record CoordinatorContact(string FullName, string? WorkPhone, string? Email);

/// <summary>
/// Sends a letter whose failure must not undo what already happened (a registration is saved before its letter goes):
/// the caller learns whether it went and tells the user; the log has the reason.
/// </summary>
public sealed partial class MailDelivery(IMailSender sender, ILogger<MailDelivery> logger)
{
    public async Task<bool> TrySendAsync(EmailMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await sender.SendAsync(message, ct);
            return true;
        }
        catch (Exception error) when (error is SmtpException or IOException or FormatException)
        {
            LogNotSent(logger, error, message.To, message.Subject);
            return false;
        }
    }

    /// <summary>Paragraphs of plain text as HTML: encoded, line breaks kept.</summary>
    public static string Paragraphs(HtmlEncoder html, params IEnumerable<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(html);
        var body = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            var lines = paragraph.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(html.Encode);
            body.Append("<p>").AppendJoin("<br>", lines).Append("</p>\n");
        }
        return body.ToString();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail to {To} ({Subject}) was not sent")]
    private static partial void LogNotSent(ILogger logger, Exception error, string to, string subject);
}

public static class RecipientQueries
{
    /// <summary>A person's address and full name; null when he has no address to write to.</summary>
    public static async Task<Recipient?> RecipientAsync(this AttestationDbContext db, Guid userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        return user?.Email is { Length: > 0 } email ? new Recipient(email, user.FullName) : null;
    }

    /// <summary>The addresses of several people at once, by id; those without an address are left out.</summary>
    public static async Task<IReadOnlyDictionary<Guid, Recipient>> RecipientsAsync(this AttestationDbContext db,
        IReadOnlyCollection<Guid> userIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToListAsync(ct);
        return users.Where(u => !string.IsNullOrEmpty(u.Email)).ToDictionary(u => u.Id, u => new Recipient(u.Email!, u.FullName));
    }

    public static async Task<CoordinatorContact> CoordinatorContactAsync(this AttestationDbContext db, Guid userId,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, ct);
        return new CoordinatorContact(user.FullName, user.WorkPhone, user.Email);
    }
}
