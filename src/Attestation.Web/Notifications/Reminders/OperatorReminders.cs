using Attestation.Domain.Applications;
using Attestation.Domain.Periods;
using Attestation.Web.Areas.Operator.Pages.Conclusions;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Notifications.Reminders;

/// <summary>The operator's checks on a deadline day: which municipalities are behind, with their counts.</summary>
public abstract class OperatorReminder(AttestationDbContext db, ReminderPost post, RegionTime region) : PeriodReminder(db, post, region)
{
    protected override bool OnDeadlineDay => true;

    /// <summary>Every operator the same letter, one line per municipality behind; none when nobody is.</summary>
    protected async Task<IReadOnlyList<ReminderLetter>> ToOperatorsAsync(IReadOnlyDictionary<int, string> behind, string subject,
        string path, string linkText, string summary, string closing, CancellationToken ct)
    {
        if (behind.Count == 0)
            return [];
        var ids = behind.Keys.ToList();
        var names = await Db.Municipalities.AsNoTracking().Where(m => ids.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var list = ReminderText.List(behind
            .OrderBy(b => names.GetValueOrDefault(b.Key, ""), StringComparer.Create(WebSetup.Russian, false))
            .Select(b => $"{names.GetValueOrDefault(b.Key, "")}: {b.Value}"));
        var operators = await Db.UsersInRole(Roles.Operator).ToRecipientsAsync(Db, ct);
        return operators.Select(o => new ReminderLetter(o, subject, path, linkText,
            [ReminderText.Greeting(o), $"{summary} Муниципалитетов: {behind.Count}.", list, closing])).ToList();
    }

    protected static string Counted(params (int Count, string What)[] parts) =>
        string.Join(", ", parts.Where(p => p.Count > 0).Select(p => $"{p.What} — {p.Count}"));
}

/// <summary>
/// The 12th, the schedule's last day: the municipalities with applications still to register, registered ones without a
/// period, or applications of the period with fewer than two experts — counted per municipality in one statement, over
/// the status index and the two partial indexes.
/// </summary>
public sealed class SchedulesBehindReminders(AttestationDbContext db, ReminderPost post, LinkGenerator routes, RegionTime region)
    : OperatorReminder(db, post, region)
{
    public override NotificationKind Kind => NotificationKind.SchedulesBehindReminder;

    protected override PeriodStep RemindedStep => PeriodStep.Schedule;

    protected override async Task<IReadOnlyList<ReminderLetter>> LettersAsync(AttestationPeriod period, DateOnly deadline,
        CancellationToken ct)
    {
        var periodId = period.Id;
        var fewerExperts = ApplicationFilters.AwaitingExperts.And(a => a.PeriodId == periodId);
        var counts = await Db.Applications.AsNoTracking()
            .Where(ApplicationFilters.AwaitingConsideration.Or(ApplicationFilters.AwaitingPeriod).Or(fewerExperts))
            .CountEachAsync(a => a.MunicipalityId,
                [ApplicationFilters.AwaitingConsideration, ApplicationFilters.AwaitingPeriod, fewerExperts], ct);
        var behind = counts.ToDictionary(c => c.Key, c => Counted(
            (c.Value[0], "не зарегистрировано заявлений"), (c.Value[1], "без периода"), (c.Value[2], "менее двух экспертов")));
        return await ToOperatorsAsync(behind,
            $"Контроль: график на период «{period.Name}» — последний день {deadline.ToRussianDate()}",
            routes.Page("/Control/Index", AreaNames.Operator), "Открыть «Контроль»",
            $"Сегодня, {deadline.ToRussianDate()}, последний день регистрации заявлений и формирования графиков проведения аттестации " +
            $"на период «{period.Name}»; после него период закрывается. Не завершили работу:",
            "Свяжитесь с муниципальными координаторами; после закрытия периода добавлять в него аттестуемых нельзя.", ct);
    }
}

/// <summary>
/// The 15th of the period's second month, the conclusions' last day: the municipalities with scheduled applications and
/// no conclusion in the system, counted from the conclusion stages' index.
/// </summary>
public sealed class ConclusionsBehindReminders(AttestationDbContext db, ReminderPost post, LinkGenerator routes, RegionTime region)
    : OperatorReminder(db, post, region)
{
    public override NotificationKind Kind => NotificationKind.ConclusionsBehindReminder;

    protected override PeriodStep RemindedStep => PeriodStep.ConclusionUpload;

    protected override async Task<IReadOnlyList<ReminderLetter>> LettersAsync(AttestationPeriod period, DateOnly deadline,
        CancellationToken ct)
    {
        var periodId = period.Id;
        var missing = await Db.Applications.AsNoTracking()
            .Where(ApplicationFilters.ConclusionMissing.And(a => a.PeriodId == periodId))
            .GroupBy(a => a.MunicipalityId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var behind = missing.ToDictionary(m => m.Key, m => $"нет итогового заключения — {m.Count}");
        return await ToOperatorsAsync(behind,
            $"Контроль: итоговые заключения за период «{period.Name}» — последний день {deadline.ToRussianDate()}",
            routes.Page("/Conclusions/Index", AreaNames.Operator, new { periodId, show = ConclusionList.Missing }),
            "Открыть «Итоговые заключения»",
            $"Сегодня, {deadline.ToRussianDate()}, последний день загрузки итоговых заключений за период «{period.Name}». " +
            "Заключения загружены не по всем аттестуемым:",
            "Свяжитесь с муниципальными координаторами и специалистами по аттестации.", ct);
    }
}
