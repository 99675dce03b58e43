using System.Security.Cryptography;
using System.Text;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.Configurations;
using Attestation.Web.Infrastructure;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Notifications;

/// <summary>One all-day event of a feed: from <see cref="Start"/> to <see cref="Last"/> inclusive.</summary>
public sealed record DeadlineEvent(string Uid, DateOnly Start, DateOnly Last, string Summary, string Description, string Path);

/// <summary>
/// A person's deadlines as an iCalendar (RFC 5545) feed for his phone's calendar: the coordinators' and the operator's
/// 11th, 12th and 15th of the periods; the expert's periods, preparation and conclusion dates; the teacher's
/// consideration deadline, period, decision date and category expiry. Only his own: every query is by his id. All-day
/// events (VALUE=DATE): a deadline is a date in the region, not an instant.
/// </summary>
public sealed class DeadlineFeed(AttestationDbContext db, RegionTime region, PortalLinks links, LinkGenerator routes)
{
    public const string CalendarName = "Аттестация: мои сроки";

    /// <summary>Periods further back than this are left out of the feeds.</summary>
    public const int PastDays = 365;

    public async Task<IReadOnlyList<DeadlineEvent>> EventsAsync(Guid userId, CancellationToken ct)
    {
        var roleIds = await db.UserRoles.AsNoTracking().Where(r => r.UserId == userId).Select(r => r.RoleId).ToListAsync(ct);
        var role = RoleConfiguration.Ids.FirstOrDefault(r => roleIds.Contains(r.Value)).Key;
        var events = role switch
        {
            Roles.Teacher => await TeacherEventsAsync(userId, ct),
            Roles.Expert => await ExpertEventsAsync(userId, ct),
            Roles.MunicipalCoordinator or Roles.SchoolCoordinator or Roles.Operator => await PeriodEventsAsync(role, ct),
            _ => [],
        };
        return events.OrderBy(e => e.Start).ThenBy(e => e.Uid, StringComparer.Ordinal).ToList();
    }

    /// <summary>The feed's text; <paramref name="stamp"/> is its DTSTAMP (the moment it was made).</summary>
    public string Serialize(IReadOnlyList<DeadlineEvent> events, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(events);
        var calendar = new Calendar { ProductId = "-//Attestation portal//Deadlines//RU", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", CalendarName);
        calendar.AddProperty("X-PUBLISHED-TTL", "PT6H");
        var dtStamp = new CalDateTime(stamp.UtcDateTime);
        foreach (var e in events)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = e.Uid,
                DtStamp = dtStamp,
                DtStart = new CalDateTime(e.Start),
                DtEnd = new CalDateTime(e.Last.AddDays(1)),
                Summary = e.Summary,
                Description = e.Description,
                Url = new Uri(links.Absolute(e.Path)),
                Transparency = "TRANSPARENT",
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>A strong validator of the feed's content (not of its DTSTAMP): a calendar polling every hour gets 304.</summary>
    public static string ETag(IReadOnlyList<DeadlineEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var text = string.Join("\n", events.Select(e => $"{e.Uid}|{e.Start:yyyyMMdd}|{e.Last:yyyyMMdd}|{e.Summary}|{e.Description}|{e.Path}"));
        return $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32]}\"";
    }

    private async Task<List<DeadlineEvent>> TeacherEventsAsync(Guid teacherId, CancellationToken ct)
    {
        var apps = await db.Applications.AsNoTracking()
            .Where(a => a.TeacherId == teacherId)
            .Where(ApplicationFilters.InProgress.Or(ApplicationFilters.Decided))
            .Select(a => new
            {
                a.Id, a.Status, a.SubmittedAt, a.PeriodId,
                DecidedOn = a.Decision == null ? (DateOnly?)null : a.Decision.MeetingDate,
            })
            .ToListAsync(ct);
        var ids = apps.Select(a => a.Id).ToList();
        var meetings = await (from item in db.MeetingItems.AsNoTracking()
                              join meeting in db.CommissionMeetings on item.MeetingId equals meeting.Id
                              where ids.Contains(item.ApplicationId)
                              select new { item.ApplicationId, meeting.MeetingDate })
            .ToListAsync(ct);
        var periods = await PeriodsAsync(apps.Select(a => a.PeriodId).OfType<Guid>().ToList(), ct);
        var events = new List<DeadlineEvent>();
        foreach (var a in apps)
        {
            var path = routes.Page("/Applications/Details", AreaNames.Teacher, new { id = a.Id });
            if (a.Status == ApplicationStatus.Submitted && a.SubmittedAt is { } submittedAt)
            {
                var deadline = ApplicationClocks.ConsiderationDeadline(submittedAt, region.Zone);
                events.Add(Day($"consideration-{a.Id:N}", deadline, "Срок рассмотрения заявления о проведении аттестации",
                    $"Муниципальный координатор регистрирует или отклоняет заявление не позднее {deadline.ToRussianDate()} " +
                    $"({ApplicationClocks.ConsiderationDays} календарных дней со дня подачи).", path));
            }
            if (a.PeriodId is { } periodId && periods.TryGetValue(periodId, out var period))
            {
                events.Add(new DeadlineEvent($"period-{a.Id:N}", period.StartDate, period.EndDate, $"Период аттестации «{period.Name}»",
                    $"Аттестация проводится {period.PrepositionalName} специалистами по аттестации, назначенными в графике.", path));
                var meetingOn = a.DecidedOn ?? meetings.Where(m => m.ApplicationId == a.Id).Select(m => (DateOnly?)m.MeetingDate).Max();
                if (meetingOn is null)
                {
                    var lastDay = ApplicationClocks.AttestationLastDay(period);
                    events.Add(Day($"decision-{a.Id:N}", lastDay, "Решение аттестационной комиссии — не позднее этого дня",
                        $"Продолжительность аттестации не более {ApplicationClocks.AttestationMaxDays} календарных дней: решение принимается не позднее {lastDay.ToRussianDate()}.", path));
                }
            }
            var meetingDate = a.DecidedOn ?? meetings.Where(m => m.ApplicationId == a.Id).Select(m => (DateOnly?)m.MeetingDate).Max();
            if (meetingDate is { } on)
                events.Add(Day($"meeting-{a.Id:N}", on, "Заседание аттестационной комиссии",
                    $"Заявление рассматривается на заседании аттестационной комиссии {on.ToRussianDate()}.", path));
        }

        var categories = await db.HeldCategories.AsNoTracking()
            .Where(c => c.TeacherId == teacherId && c.ExpiresOn != null && c.ExpiresOn >= region.Today.AddDays(-PastDays))
            .Select(c => new { c.Id, c.Category, c.PositionName, ExpiresOn = c.ExpiresOn!.Value })
            .ToListAsync(ct);
        var applications = routes.Page("/Applications/Index", AreaNames.Teacher);
        foreach (var c in categories)
        {
            var what = $"«{c.Category.ToRussian()}» по должности «{c.PositionName}»";
            events.Add(Day($"expiry-{c.Id:N}", c.ExpiresOn, $"Окончание срока действия квалификационной категории {what}",
                $"Последний день срока действия квалификационной категории {what}.", applications));
            var applyBy = ReminderCalendar.ApplyBy(c.ExpiresOn);
            events.Add(Day($"apply-{c.Id:N}", applyBy, "Подать заявление о проведении аттестации — не позднее этого дня",
                $"За {ReminderCalendar.ApplyMonthsBeforeExpiry} месяца до окончания срока действия категории {what} ({c.ExpiresOn.ToRussianDate()}).", applications));
        }
        return events;
    }

    private async Task<List<DeadlineEvent>> ExpertEventsAsync(Guid expertId, CancellationToken ct)
    {
        var assigned = await db.Applications.AsNoTracking()
            .Where(a => (a.ExpertAId == expertId || a.ExpertBId == expertId) && a.PeriodId != null)
            .Where(ApplicationFilters.StatusIn(ApplicationRules.OfAPeriod))
            .GroupBy(a => a.PeriodId!.Value)
            .Select(g => new { PeriodId = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var periods = await PeriodsAsync(assigned.Select(a => a.PeriodId).ToList(), ct);
        var path = routes.Page("/Index", AreaNames.Expert);
        var events = new List<DeadlineEvent>();
        foreach (var (period, count) in assigned.Where(a => periods.ContainsKey(a.PeriodId)).Select(a => (periods[a.PeriodId], a.Count)))
        {
            var deadlines = PeriodCalendar.Deadlines(period);
            events.Add(new DeadlineEvent($"expert-period-{period.Id:N}", period.StartDate, period.EndDate,
                $"Период аттестации «{period.Name}»: аттестуемых {count}", "Индивидуальный график — в личном кабинете специалиста.", path));
            events.Add(Day($"expert-prepare-{period.Id:N}", deadlines.ExpertPreparationBy, $"Подготовка к аттестации: период «{period.Name}»",
                "Не менее чем за 14 дней до начала срока проведения аттестации: изучить индивидуальный график, согласовать с аттестуемыми даты, запросить материалы.", path));
            events.Add(Day($"expert-conclusions-{period.Id:N}", deadlines.ConclusionUploadedBy, $"Итоговые заключения: период «{period.Name}»",
                $"Итоговые заключения загружаются в систему не позднее {deadlines.ConclusionUploadedBy.ToRussianDate()}.", path));
        }
        return events;
    }

    private async Task<List<DeadlineEvent>> PeriodEventsAsync(string role, CancellationToken ct)
    {
        var from = region.Today.AddDays(-PastDays);
        var periods = (await db.Periods.AsNoTracking().ToListAsync(ct))
            .Where(p => PeriodCalendar.Deadlines(p).ConclusionUploadedBy >= from)
            .ToList();
        var (area, schedulePage, conclusionsPage) = role switch
        {
            Roles.MunicipalCoordinator => (AreaNames.Municipality, "/Schedule/Fill", "/Attestation/Index"),
            Roles.Operator => (AreaNames.Operator, "/Control/Index", "/Conclusions/Index"),
            _ => (AreaNames.School, "/Index", "/Index"),
        };
        var schedule = routes.Page(schedulePage, area);
        var conclusions = routes.Page(conclusionsPage, area);
        var events = new List<DeadlineEvent>();
        foreach (var period in periods)
        {
            var deadlines = PeriodCalendar.Deadlines(period);
            events.Add(Day($"registration-{period.Id:N}", deadlines.RegistrationDeadline, $"Регистрация заявлений на период «{period.Name}» — последний день",
                $"Верификация и регистрация заявлений — до {PeriodCalendar.RegistrationDeadlineDay} числа включительно.", schedule));
            events.Add(Day($"schedule-{period.Id:N}", deadlines.ScheduleDeadline, $"График на период «{period.Name}» — последний день",
                $"Формирование графика проведения аттестации — до {PeriodCalendar.ScheduleDeadlineDay} числа включительно; после него период закрывается.", schedule));
            events.Add(Day($"conclusions-{period.Id:N}", deadlines.ConclusionUploadedBy, $"Итоговые заключения за период «{period.Name}» — последний день",
                $"Итоговые заключения в системе — до {PeriodCalendar.ConclusionUploadDay} числа второго месяца периода.", conclusions));
        }
        return events;
    }

    private async Task<Dictionary<Guid, AttestationPeriod>> PeriodsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var from = region.Today.AddDays(-PastDays);
        return (await db.Periods.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct))
            .Where(p => PeriodCalendar.Deadlines(p).ConclusionUploadedBy >= from)
            .ToDictionary(p => p.Id);
    }

    private static DeadlineEvent Day(string uid, DateOnly day, string summary, string description, string path) =>
        new(uid, day, day, summary, description, path);
}
