using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Notifications;

/// <summary>
/// «Заявление рассматривается не более 30 дней»: on day 23 of an application's clock (a week left) every coordinator of
/// its municipality gets one letter a day listing that day's such applications, with the deadline of each. Exactly once
/// however many runs and instances: the day's reminder of a coordinator is claimed by the unique (person, kind, day) key
/// of <see cref="NotificationLog"/> in the transaction that queues the letter, so a second run finds it taken.
/// </summary>
public sealed partial class ConsiderationReminders(
    AttestationDbContext db,
    LetterComposer letters,
    LinkGenerator routes,
    RegionTime region,
    ILogger<ConsiderationReminders> logger)
{
    public const string Subject = "Напоминание: срок рассмотрения заявлений истекает через неделю";

    /// <summary>Queues today's reminders not sent yet; returns how many letters it queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var today = region.Today;
        var submittedOn = ApplicationClocks.SubmittedOnForConsiderationReminder(today);
        var from = RegionClock.StartOfDay(submittedOn, region.Zone);
        var to = RegionClock.StartOfDay(submittedOn.AddDays(1), region.Zone);
        var due = await db.Applications.AsNoTracking()
            .Where(ApplicationFilters.AwaitingConsideration)
            .Where(a => a.SubmittedAt >= from && a.SubmittedAt < to)
            .ToListAsync(ct);
        if (due.Count == 0)
            return 0;

        var municipalities = due.Select(a => a.MunicipalityId).Distinct().ToList();
        var coordinators = (await db.UsersInRole(Roles.MunicipalCoordinator).AsNoTracking()
                .Where(u => u.MunicipalityId != null && municipalities.Contains(u.MunicipalityId.Value))
                .ToListAsync(ct))
            .OrderBy(u => u.Id)
            .ToList();
        var path = routes.GetPathByPage("/Registration/Index", values: new { area = AreaNames.Municipality })
            ?? throw new InvalidOperationException("No route to the registration journal.");
        var kind = nameof(NotificationKind.ConsiderationReminder);
        var queued = 0;
        foreach (var coordinator in coordinators)
        {
            var own = due.Where(a => a.MunicipalityId == coordinator.MunicipalityId).OrderBy(a => a.SubmittedAt).ToList();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "NotificationLogs" ("UserId", "Kind", "SentOn", "SentAt", "SentBy")
                VALUES ({coordinator.Id}, {kind}, {today}, {region.Now}, NULL)
                ON CONFLICT ("UserId", "Kind", "SentOn") DO NOTHING
                """, ct);
            if (claimed == 0)
                continue;

            var list = string.Join("\n", own.Select(a =>
                $"— {a.FullName}: подано {RegionClock.Today(a.SubmittedAt!.Value, region.Zone).ToRussianDate()}, " +
                $"рассмотреть до {ApplicationClocks.ConsiderationDeadline(a.SubmittedAt.Value, region.Zone).ToRussianDate()} включительно"));
            letters.Queue(new Recipient(coordinator.Id, coordinator.Email, coordinator.FullName), LetterKind.ConsiderationReminder,
                Subject, path, own.Count == 1 ? own[0].Id : null, "Открыть журнал регистрации",
                $"Здравствуйте, {coordinator.FullName}!",
                $"Через неделю истекает 30-дневный срок рассмотрения заявлений о проведении аттестации: {own.Count}.",
                list,
                "Зарегистрируйте или отклоните их до указанной даты.");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            queued++;
        }
        if (queued > 0)
            LogQueued(logger, queued, today);
        return queued;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} reminders of the 30-day clock queued for {Today}")]
    private static partial void LogQueued(ILogger logger, int count, DateOnly today);
}
