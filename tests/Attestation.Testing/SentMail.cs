using MimeKit;

namespace Attestation.Testing;

/// <summary>An e-mail as it left the portal (the pickup folder's .eml, or a file of the SMTP sink), decoded by MimeKit.</summary>
public sealed record SentMail(string To, string Subject, string PlainText, string Html, string MessageId)
{
    public static IReadOnlyList<SentMail> ReadAll(string directory) =>
        !Directory.Exists(directory)
            ? []
            : Directory.GetFiles(directory, "*.eml")
                .Select(path => (path, File.GetLastWriteTimeUtc(path)))
                .OrderBy(file => file.Item2)
                .ThenBy(file => file.path, StringComparer.Ordinal)
                .Select(file => Parse(File.ReadAllBytes(file.path)))
                .ToList();

    public static SentMail Parse(byte[] eml)
    {
        using var stream = new MemoryStream(eml);
        var message = MimeMessage.Load(stream);
        var to = string.Join(", ", message.To.Mailboxes.Select(m => m.Address));
        return new SentMail(to, message.Subject ?? "", (message.TextBody ?? "").Trim(), (message.HtmlBody ?? "").Trim(),
            message.MessageId ?? "");
    }
}
