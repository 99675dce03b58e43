using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;
using Attestation.Web.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Municipality.Pages.NotApplied;

/// <summary>
/// «Педагогические работники не подавшие заявление»: teachers of the municipality registered in the portal who never
/// submitted an application (some have a draft), and «Отправить уведомление» to one or to all — at most one reminder a
/// teacher a day, whoever presses the button and however often.
/// </summary>
public sealed class IndexModel(
    AttestationDbContext db,
    ApplicationEmails emails,
    RegionTime region) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<Row> Teachers { get; private set; } = [];

    public sealed record Row(
        Guid Id,
        string FullName,
        string? Organisation,
        string? Phone,
        string? Email,
        DateTimeOffset RegisteredAt,
        bool HasDraft,
        DateTimeOffset? LastReminderAt,
        bool RemindedToday);

    public async Task OnGetAsync(CancellationToken ct) => Teachers = await LoadAsync(null, ct);

    public async Task<IActionResult> OnPostSendAsync(Guid id, CancellationToken ct)
    {
        var teacher = (await LoadAsync(id, ct)).SingleOrDefault();
        if (teacher is null)
            return NotFound();

        var outcome = await RemindAsync([teacher], ct);
        if (outcome.Sent == 1)
            StatusMessage = $"Уведомление отправлено: {teacher.FullName} ({teacher.Email}).";
        else if (outcome.AlreadyToday == 1)
            this.Refuse($"{teacher.FullName}: уведомление сегодня уже отправлено, повторно его можно отправить завтра.");
        else
            this.Refuse($"{teacher.FullName}: не указан адрес электронной почты, уведомление не отправлено.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSendAllAsync(CancellationToken ct)
    {
        var outcome = await RemindAsync(await LoadAsync(null, ct), ct);
        var message = $"Уведомлений отправлено: {outcome.Sent}.";
        if (outcome.AlreadyToday > 0)
            message += $" Пропущено, так как уведомление сегодня уже отправлялось: {outcome.AlreadyToday}.";
        if (outcome.NoEmail > 0)
            message += $" Без адреса электронной почты: {outcome.NoEmail}.";
        StatusMessage = message;
        return RedirectToPage();
    }

    private sealed record Outcome(int Sent, int AlreadyToday, int NoEmail);

    private async Task<Outcome> RemindAsync(IReadOnlyList<Row> teachers, CancellationToken ct)
    {
        var today = region.Today;
        var now = region.Now;
        var by = User.UserId();
        var kind = nameof(NotificationKind.SubmissionReminder);
        var coordinator = await db.CoordinatorContactAsync(by, ct);
        int sent = 0, alreadyToday = 0, noEmail = 0;

        foreach (var teacher in teachers)
        {
            if (string.IsNullOrWhiteSpace(teacher.Email))
            {
                noEmail++;
                continue;
            }

            // The unique key claims today's reminder, in the transaction that queues it: a second press, or a
            // colleague's at the same moment, finds the row taken and queues nothing.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "NotificationLogs" ("UserId", "Kind", "SentOn", "SentAt", "SentBy")
                VALUES ({teacher.Id}, {kind}, {today}, {now}, {by})
                ON CONFLICT ("UserId", "Kind", "SentOn") DO NOTHING
                """, ct);
            if (claimed == 0)
            {
                alreadyToday++;
                continue;
            }

            emails.QueueSubmissionReminder(new Recipient(teacher.Id, teacher.Email, teacher.FullName), coordinator);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            sent++;
        }
        return new Outcome(sent, alreadyToday, noEmail);
    }

    /// <summary>Teachers of the coordinator's municipality without a submitted application; one of them when asked.</summary>
    private async Task<IReadOnlyList<Row>> LoadAsync(Guid? only, CancellationToken ct)
    {
        var today = region.Today;
        // The role by its fixed id: each of the municipality's users is looked up in the roles' key, where a join on
        // the role's name read all the region's teachers' roles.
        var teacherRole = Data.Configurations.RoleConfiguration.Ids[Roles.Teacher];
        var teachers = db.Users.AsNoTracking().InMunicipalityOf(User)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == EF.Constant(teacherRole))
                && !db.Applications.Any(a => a.TeacherId == u.Id && a.SubmittedAt != null));
        if (only is { } id)
            teachers = teachers.Where(u => u.Id == id);
        var found = await (
                from p in teachers.ToPeople(db)
                orderby p.LastName, p.FirstName
                select new
                {
                    Person = p,
                    HasDraft = db.Applications.Any(a => a.TeacherId == p.Id),
                    // Two lookups in the (user, kind, day) key per teacher: a «latest reminder» row would be a window
                    // over every reminder of the region (52 ms for a page of 48 teachers).
                    LastReminderAt = db.NotificationLogs
                        .Where(n => n.UserId == p.Id && n.Kind == NotificationKind.SubmissionReminder)
                        .Max(n => (DateTimeOffset?)n.SentAt),
                    RemindedToday = db.NotificationLogs
                        .Any(n => n.UserId == p.Id && n.Kind == NotificationKind.SubmissionReminder && n.SentOn == today),
                })
            .ToListAsync(ct);
        return found
            .Select(t => new Row(t.Person.Id, t.Person.FullName, t.Person.Organisation, t.Person.Phone, t.Person.Email,
                t.Person.CreatedAt, t.HasDraft, t.LastReminderAt, t.RemindedToday))
            .ToList();
    }
}
