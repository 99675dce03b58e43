using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Attestation.Web.Notifications.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Notifications;

/// <summary>
/// «Одним письмом в день»: a coordinator or expert who chose it gets his event letters held (<see cref="OutboxStatus.Held"/>,
/// his notices in the portal come at once all the same), and from <see cref="ReminderOptions.DigestTime"/> each day one
/// letter listing them. Exactly once a day: the digest is claimed by the (person, <see cref="NotificationKind.DailyDigest"/>,
/// day) key in the transaction that queues it and marks the held letters <see cref="OutboxStatus.Digested"/>; a letter
/// held after that waits for tomorrow's.
/// </summary>
public sealed partial class DailyDigests(
    AttestationDbContext db,
    ReminderPost post,
    Outbox outbox,
    PortalLinks links,
    LinkGenerator routes,
    RegionTime region,
    IOptions<ReminderOptions> options,
    ILogger<DailyDigests> logger)
{
    public const string Subject = "Сводка уведомлений системы «Аттестация»";

    /// <summary>The event letters of the people who work on applications: a digest may collect these, and only these.</summary>
    public static bool Collects(LetterKind kind) => kind is LetterKind.ApplicationSubmitted or LetterKind.WithdrawalFiled
        or LetterKind.ScheduleApproved or LetterKind.ExpertAssigned or LetterKind.ExpertReleased;

    /// <summary>The roles that may choose the digest.</summary>
    public static bool Offers(string? role) => role is Roles.MunicipalCoordinator or Roles.Expert;

    /// <summary>Queues today's digests not sent yet; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        if (region.ToLocal(region.Now).TimeOfDay < options.Value.DigestTime)
            return 0;
        var today = region.Today;
        var people = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Held && m.UserId != null)
            .Select(m => m.UserId!.Value)
            .Distinct()
            .ToListAsync(ct);
        if (people.Count == 0)
            return 0;

        var recipients = await db.RecipientsAsync(people, ct);
        var path = routes.Page("/Notifications/Index", "");
        var queued = 0;
        foreach (var person in people.Order().Where(recipients.ContainsKey))
        {
            var to = recipients[person];
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await post.ClaimAsync(person, NotificationKind.DailyDigest, today, ct))
                continue;
            var held = await db.OutboxMessages
                .Where(m => m.UserId == person && m.Status == OutboxStatus.Held)
                .OrderBy(m => m.Id)
                .ToListAsync(ct);
            if (held.Count == 0)
                continue; // rolled back: the key stays free for a letter held later today
            var now = region.Now;
            foreach (var letter in held)
            {
                letter.Status = OutboxStatus.Digested;
                letter.SentAt = now;
            }
            outbox.Queue(Compose(to, held, links.Absolute(path)));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            queued++;
        }
        if (queued > 0)
            LogQueued(logger, queued, today);
        return queued;
    }

    private OutgoingLetter Compose(Recipient to, List<OutboxMessage> held, string link)
    {
        var intro = $"Уведомления, накопленные с предыдущей сводки: {held.Count}.";
        var items = held.Select(m => (
            When: region.ToLocal(m.QueuedAt).ToString(RegionDates.DateTimeFormat, WebSetup.Russian),
            m.Subject,
            Text: m.Summary ?? "",
            m.Link)).ToList();
        var plain = string.Join("\n\n", new[] { $"Здравствуйте, {to.FullName}!", intro }
            .Concat(items.Select(i => $"— {i.When}. {i.Subject}. {i.Text}" + (i.Link is null ? "" : $"\n  {i.Link}")))
            .Append($"Все уведомления: {link}")
            .Append("Получать письма о событиях по одному можно в настройках уведомлений в личном кабинете."));
        var html = new System.Text.StringBuilder()
            .Append("<p>").Append(Encode($"Здравствуйте, {to.FullName}!")).Append("</p>\n<p>").Append(Encode(intro)).Append("</p>\n<ul>\n");
        foreach (var item in items)
        {
            html.Append("<li>").Append(Encode(item.When)).Append(". <strong>").Append(Encode(item.Subject)).Append("</strong>. ")
                .Append(Encode(item.Text));
            if (item.Link is not null)
                html.Append(" <a href=\"").Append(Encode(item.Link)).Append("\">Открыть</a>");
            html.Append("</li>\n");
        }
        html.Append("</ul>\n<p><a href=\"").Append(Encode(link)).Append("\">Все уведомления</a></p>\n")
            .Append("<p>").Append(Encode("Получать письма о событиях по одному можно в настройках уведомлений в личном кабинете.")).Append("</p>\n");
        return new OutgoingLetter(LetterKind.DailyDigest,
            new EmailMessage(to.Email ?? "", $"{Subject}: {held.Count}", plain, html.ToString()))
        {
            UserId = to.UserId,
            Link = link,
        };
    }

    private static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} daily digests queued for {Today}")]
    private static partial void LogQueued(ILogger logger, int count, DateOnly today);
}
