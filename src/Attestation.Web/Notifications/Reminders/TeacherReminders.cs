using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Notifications.Reminders;

/// <summary>
/// A draft started seven days ago and still not submitted: its teacher is reminded once (on that day), with the nearest
/// registration deadline — the drafts of one day, read by the partial index of drafts.
/// </summary>
public sealed class DraftReminders(AttestationDbContext db, ReminderPost post, LinkGenerator routes, RegionTime region) : IReminder
{
    public const string Subject = "Напоминание: черновик заявления о проведении аттестации не подан";

    public NotificationKind Kind => NotificationKind.DraftReminder;

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var startedOn = ReminderCalendar.DraftStartedOnForReminder(region.Today);
        var from = RegionClock.StartOfDay(startedOn, region.Zone);
        var to = RegionClock.StartOfDay(startedOn.AddDays(1), region.Zone);
        var drafts = await db.Applications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.Draft && a.CreatedAt >= from && a.CreatedAt < to)
            .Select(a => new { a.Id, a.TeacherId })
            .ToListAsync(ct);
        if (drafts.Count == 0)
            return 0;

        var teachers = await db.RecipientsAsync(drafts.Select(d => d.TeacherId).Distinct().ToList(), ct);
        var next = await NextRegistrationAsync(db, region, ct);
        var letters = drafts.GroupBy(d => d.TeacherId).Where(g => teachers.ContainsKey(g.Key)).Select(own =>
        {
            var teacher = teachers[own.Key];
            var single = own.Count() == 1 ? own.First().Id : (Guid?)null;
            var path = single is { } id
                ? routes.Page("/Applications/Details", AreaNames.Teacher, new { id })
                : routes.Page("/Applications/Index", AreaNames.Teacher);
            var paragraphs = new List<string>
            {
                ReminderText.Greeting(teacher),
                $"Черновик заявления о проведении аттестации, начатый {startedOn.ToRussianDate()}, не подан уже " +
                $"{ReminderCalendar.DraftReminderAfterDays} дней.",
                "Чтобы подать заявление, проверьте его, распечатайте и подпишите, прикрепите скан и нажмите «Подать».",
            };
            if (next is { } period)
                paragraphs.Add($"Ближайший срок: заявления, зарегистрированные муниципальным координатором до " +
                    $"{PeriodCalendar.RegistrationDeadline(period).ToRussianDate()} включительно, можно включить в график периода " +
                    $"«{period.Name}». Заявление рассматривается до {ApplicationClocks.ConsiderationDays} календарных дней — подайте его заранее.");
            return new ReminderLetter(teacher, Subject, path, "Открыть заявление", paragraphs) { ApplicationId = single };
        }).ToList();
        return await post.SendAsync(Kind, letters, ct);
    }

    /// <summary>The period whose registration deadline comes next and that is still open for scheduling.</summary>
    internal static async Task<AttestationPeriod?> NextRegistrationAsync(AttestationDbContext db, RegionTime region, CancellationToken ct)
    {
        var periods = await db.Periods.AsNoTracking().ToListAsync(ct);
        return periods
            .Where(p => PeriodCalendar.RegistrationDeadline(p) >= region.Today && p.IsOpenForScheduling(region.Now, region.Zone))
            .OrderBy(p => p.StartDate)
            .FirstOrDefault();
    }
}

/// <summary>
/// «За 3 месяца до окончания срока действия кв. категории»: the holder of a legacy category is reminded three months
/// plus <see cref="ReminderOptions.CategoryExpiryMarginDays"/> before it ends, unless he has applied already (an
/// application in progress) or holds a newer category for the same position — the categories ending on the day's dates,
/// read by the index of expiry dates.
/// </summary>
public sealed class CategoryExpiryReminders(
    AttestationDbContext db,
    ReminderPost post,
    LinkGenerator routes,
    RegionTime region,
    IOptions<ReminderOptions> options) : IReminder
{
    public NotificationKind Kind => NotificationKind.CategoryExpiryReminder;

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var dates = ReminderCalendar.ExpiriesRemindedOn(region.Today, options.Value.CategoryExpiryMarginDays);
        if (dates.Count == 0)
            return 0;
        var (first, last) = (dates[0], dates[^1]);
        var expiring = await db.HeldCategories.AsNoTracking()
            .Where(c => c.ExpiresOn >= first && c.ExpiresOn <= last && c.IsLegacy)
            .Where(c => !db.HeldCategories.Any(newer => newer.TeacherId == c.TeacherId && newer.PositionName == c.PositionName && newer.SetOn > c.SetOn))
            .Where(c => !db.Applications.Where(ApplicationFilters.InProgress).Any(a => a.TeacherId == c.TeacherId))
            .Select(c => new { c.TeacherId, c.Category, c.PositionName, ExpiresOn = c.ExpiresOn!.Value })
            .ToListAsync(ct);
        if (expiring.Count == 0)
            return 0;

        var teachers = await db.RecipientsAsync(expiring.Select(c => c.TeacherId).Distinct().ToList(), ct);
        var path = routes.Page("/Applications/Index", AreaNames.Teacher);
        var letters = expiring.GroupBy(c => c.TeacherId).Where(g => teachers.ContainsKey(g.Key)).Select(own =>
        {
            var teacher = teachers[own.Key];
            var expiresOn = own.Min(c => c.ExpiresOn);
            var applyBy = ReminderCalendar.ApplyBy(expiresOn);
            return new ReminderLetter(teacher, $"Напоминание: срок действия квалификационной категории истекает {expiresOn.ToRussianDate()}",
                path, "Подать заявление",
                [
                    ReminderText.Greeting(teacher),
                    string.Join(" ", own.Select(c =>
                        $"Срок действия вашей квалификационной категории «{c.Category.ToRussian()}» по должности «{c.PositionName}» истекает {c.ExpiresOn.ToRussianDate()}.")),
                    $"Подайте заявление о проведении аттестации не позднее {applyBy.ToRussianDate()} — за {ReminderCalendar.ApplyMonthsBeforeExpiry} месяца " +
                    "до окончания срока действия категории: заявление рассматривается до 30 дней, аттестация длится до 60 дней.",
                    "Заявление заполняется в личном кабинете; вопросы можно задать координатору по аттестации вашей образовательной организации или муниципалитета.",
                ]);
        }).ToList();
        return await post.SendAsync(Kind, letters, ct);
    }
}
