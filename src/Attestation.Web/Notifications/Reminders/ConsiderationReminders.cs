using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Notifications.Reminders;

/// <summary>
/// «Заявление рассматривается не более 30 дней»: on day 23 of an application's clock (a week left) every coordinator of
/// its municipality gets one letter a day listing that day's such applications, with the deadline of each.
/// </summary>
public sealed class ConsiderationReminders(AttestationDbContext db, ReminderPost post, LinkGenerator routes, RegionTime region)
    : IReminder
{
    public const string Subject = "Напоминание: срок рассмотрения заявлений истекает через неделю";

    public NotificationKind Kind => NotificationKind.ConsiderationReminder;

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var submittedOn = ApplicationClocks.SubmittedOnForConsiderationReminder(region.Today);
        var from = RegionClock.StartOfDay(submittedOn, region.Zone);
        var to = RegionClock.StartOfDay(submittedOn.AddDays(1), region.Zone);
        var due = await db.Applications.AsNoTracking()
            .Where(ApplicationFilters.AwaitingConsideration)
            .Where(a => a.SubmittedAt >= from && a.SubmittedAt < to)
            .Select(a => new { a.Id, a.MunicipalityId, a.LastName, a.FirstName, a.MiddleName, SubmittedAt = a.SubmittedAt!.Value })
            .ToListAsync(ct);
        if (due.Count == 0)
            return 0;

        var coordinators = await db.CoordinatorsOfAsync(due.Select(a => a.MunicipalityId).Distinct().ToList(), ct);
        var path = routes.Page("/Registration/Index", AreaNames.Municipality);
        var letters = new List<ReminderLetter>();
        foreach (var municipality in due.GroupBy(a => a.MunicipalityId))
        {
            var own = municipality.OrderBy(a => a.SubmittedAt).ToList();
            var list = string.Join("\n", own.Select(a =>
                $"— {ReminderText.FullName(a.LastName, a.FirstName, a.MiddleName)}: подано {RegionClock.Today(a.SubmittedAt, region.Zone).ToRussianDate()}, " +
                $"рассмотреть до {ApplicationClocks.ConsiderationDeadline(a.SubmittedAt, region.Zone).ToRussianDate()} включительно"));
            letters.AddRange(coordinators[municipality.Key].Select(coordinator => new ReminderLetter(coordinator, Subject, path,
                "Открыть журнал регистрации",
                [
                    ReminderText.Greeting(coordinator),
                    $"Через неделю истекает 30-дневный срок рассмотрения заявлений о проведении аттестации: {own.Count}.",
                    list,
                    "Зарегистрируйте или отклоните их до указанной даты.",
                ])
            {
                ApplicationId = own.Count == 1 ? own[0].Id : null,
            }));
        }
        return await post.SendAsync(Kind, letters, ct);
    }
}
