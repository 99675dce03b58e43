using System.Text;
using System.Text.Encodings.Web;
using Attestation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Notifications;

/// <summary>Who a letter is for: the person (his list in the portal), the address (none: no letter) and the name to greet.</summary>
public sealed record Recipient(Guid UserId, string? Email, string FullName)
{
    /// <summary>He chose one letter a day for the events (<see cref="DailyDigests"/>).</summary>
    public bool DailyDigest { get; init; }
}

/// <summary>The coordinator a teacher can call back: the seed prints the work phone for exactly this.</summary>
public sealed record CoordinatorContact(string FullName, string? WorkPhone, string? Email);

public static class LetterText
{
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
}

public static class RecipientQueries
{
    /// <summary>A person's address and full name; null when there is no such person.</summary>
    public static async Task<Recipient?> RecipientAsync(this AttestationDbContext db, Guid userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        return user is null ? null : new Recipient(user.Id, user.Email, user.FullName);
    }

    /// <summary>Several people at once, by id.</summary>
    public static async Task<IReadOnlyDictionary<Guid, Recipient>> RecipientsAsync(this AttestationDbContext db,
        IReadOnlyCollection<Guid> userIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var recipients = await db.Users.Where(u => userIds.Contains(u.Id)).ToRecipientsAsync(db, ct);
        return recipients.ToDictionary(r => r.UserId);
    }

    /// <summary>The people of <paramref name="users"/> as recipients, with their choice of the daily digest; by id.</summary>
    public static async Task<IReadOnlyList<Recipient>> ToRecipientsAsync(this IQueryable<AppUser> users,
        AttestationDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (from u in users.AsNoTracking()
                          join s in db.NotificationSettings on u.Id equals s.UserId into settings
                          from s in settings.DefaultIfEmpty()
                          orderby u.Id
                          select new { User = u, Digest = s != null && s.DailyDigest })
            .ToListAsync(ct);
        return rows.Select(r => new Recipient(r.User.Id, r.User.Email, r.User.FullName) { DailyDigest = r.Digest }).ToList();
    }

    public static async Task<CoordinatorContact> CoordinatorContactAsync(this AttestationDbContext db, Guid userId,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, ct);
        return new CoordinatorContact(user.FullName, user.WorkPhone, user.Email);
    }
}
