using System.Text.Encodings.Web;
using Attestation.Web.Data;

namespace Attestation.Web.Notifications;

/// <summary>
/// The portal's letters in one shape: paragraphs (the first greets, the second says what happened — it is also the
/// notice in the person's list), then the link to the page concerned, absolute on the public address in the letter and
/// a path inside the portal in the notice. Queued in the caller's DbContext; the caller saves. An event letter to a person
/// who chose the daily digest is held for it (<see cref="DailyDigests"/>); the notice is in his list at once all the same.
/// </summary>
public sealed class LetterComposer(Outbox outbox, PortalLinks links, HtmlEncoder html)
{
    /// <summary>False when the person has no address to write to (his notice is queued all the same).</summary>
    public bool Queue(Recipient to, LetterKind kind, string subject, string path, Guid? applicationId, string linkText,
        params string[] paragraphs)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(paragraphs);
        var link = links.Absolute(path);
        var plain = string.Join("\n\n", paragraphs.Append($"{linkText}: {link}"));
        var body = LetterText.Paragraphs(html, paragraphs)
            + $"<p><a href=\"{html.Encode(link)}\">{html.Encode(linkText)}</a></p>";
        return outbox.Queue(new OutgoingLetter(kind, new EmailMessage(to.Email ?? "", subject, plain, body))
        {
            UserId = to.UserId,
            ApplicationId = applicationId,
            Notice = new PortalNotice(paragraphs.Length > 1 ? paragraphs[1] : paragraphs[0], path),
            Link = link,
            Held = to.DailyDigest && DailyDigests.Collects(kind),
        });
    }
}
