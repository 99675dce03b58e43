using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Periods;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Notifications.Reminders;

/// <summary>
/// «Верификация и регистрация заявлений … – до 11 числа каждого месяца» (the coordinator's manual): on the 9th, every
/// coordinator of a municipality with applications submitted and not yet registered gets their list — registered by the
/// 11th, they can go into the coming period's schedule.
/// </summary>
public sealed class RegistrationReminders(AttestationDbContext db, ReminderPost post, LinkGenerator routes, RegionTime region)
    : PeriodReminder(db, post, region)
{
    public override NotificationKind Kind => NotificationKind.RegistrationReminder;

    protected override PeriodStep RemindedStep => PeriodStep.Registration;

    protected override bool OpenPeriodsOnly => true;

    protected override async Task<IReadOnlyList<ReminderLetter>> LettersAsync(AttestationPeriod period, DateOnly deadline,
        CancellationToken ct)
    {
        // The applications awaiting consideration, region-wide: the status index; a few thousand at most.
        var waiting = await Db.Applications.AsNoTracking()
            .Where(ApplicationFilters.AwaitingConsideration)
            .Select(a => new { a.MunicipalityId, a.LastName, a.FirstName, a.MiddleName, SubmittedAt = a.SubmittedAt!.Value })
            .ToListAsync(ct);
        var coordinators = await Db.CoordinatorsOfAsync(waiting.Select(a => a.MunicipalityId).Distinct().ToList(), ct);
        var path = routes.Page("/Registration/Index", AreaNames.Municipality);
        var subject = $"Напоминание: зарегистрируйте заявления до {deadline.ToRussianDate()}";
        return waiting.GroupBy(a => a.MunicipalityId)
            .SelectMany(municipality =>
            {
                var own = municipality.OrderBy(a => a.SubmittedAt).ToList();
                var list = ReminderText.List(own.Select(a =>
                    $"{ReminderText.FullName(a.LastName, a.FirstName, a.MiddleName)}: подано {RegionClock.Today(a.SubmittedAt, Region.Zone).ToRussianDate()}, " +
                    $"рассмотреть не позднее {ApplicationClocks.ConsiderationDeadline(a.SubmittedAt, Region.Zone).ToRussianDate()}"));
                return coordinators[municipality.Key].Select(coordinator => new ReminderLetter(coordinator, subject, path,
                    "Открыть журнал регистрации",
                    [
                        ReminderText.Greeting(coordinator),
                        $"До {deadline.ToRussianDate()} включительно зарегистрируйте (или отклоните) поданные заявления: " +
                        $"зарегистрированные к этому сроку можно включить в график периода «{period.Name}». Не зарегистрировано заявлений: {own.Count}.",
                        list,
                        $"Верификация и регистрация заявлений — до {PeriodCalendar.RegistrationDeadlineDay} числа каждого месяца; " +
                        $"график на период «{period.Name}» формируется до {PeriodCalendar.ScheduleDeadline(period).ToRussianDate()} включительно.",
                    ]));
            })
            .ToList();
    }
}

/// <summary>
/// «Формирование графиков проведения аттестации – до 12 числа каждого месяца включительно»: on the 10th, every coordinator
/// whose municipality has registered applications without a period, or applications in the coming period with fewer than
/// two experts, gets their lists; after the 12th the period closes and nobody can be added to it.
/// </summary>
public sealed class ScheduleReminders(AttestationDbContext db, ReminderPost post, LinkGenerator routes, RegionTime region)
    : PeriodReminder(db, post, region)
{
    public override NotificationKind Kind => NotificationKind.ScheduleReminder;

    protected override PeriodStep RemindedStep => PeriodStep.Schedule;

    protected override bool OpenPeriodsOnly => true;

    protected override async Task<IReadOnlyList<ReminderLetter>> LettersAsync(AttestationPeriod period, DateOnly deadline,
        CancellationToken ct)
    {
        // Without a period: the partial index of the registered without one; fewer than two experts: the period's index.
        var withoutPeriod = await Db.Applications.AsNoTracking()
            .Where(ApplicationFilters.AwaitingPeriod)
            .Select(a => new { a.MunicipalityId, a.LastName, a.FirstName, a.MiddleName, a.RegisteredOn })
            .ToListAsync(ct);
        var periodId = period.Id;
        var fewerExperts = await Db.Applications.AsNoTracking()
            .Where(ApplicationFilters.AwaitingExperts.And(a => a.PeriodId == periodId))
            .Select(a => new { a.MunicipalityId, a.LastName, a.FirstName, a.MiddleName, Experts = (a.ExpertAId == null ? 0 : 1) + (a.ExpertBId == null ? 0 : 1) })
            .ToListAsync(ct);
        var municipalities = withoutPeriod.Select(a => a.MunicipalityId).Concat(fewerExperts.Select(a => a.MunicipalityId)).Distinct().ToList();
        var coordinators = await Db.CoordinatorsOfAsync(municipalities, ct);
        var path = routes.Page("/Schedule/Fill", AreaNames.Municipality);
        var subject = $"Напоминание: график аттестации на период «{period.Name}» формируется до {deadline.ToRussianDate()}";
        return municipalities.Order().SelectMany(municipalityId =>
            {
                var paragraphs = new List<string>
                {
                    $"До {deadline.ToRussianDate()} включительно сформируйте график проведения аттестации на период «{period.Name}»: " +
                    "после этой даты период закрывается, и добавлять в него аттестуемых нельзя.",
                };
                var without = withoutPeriod.Where(a => a.MunicipalityId == municipalityId).OrderBy(a => a.LastName).ToList();
                if (without.Count > 0)
                    paragraphs.Add($"Зарегистрированы, период аттестации не назначен ({without.Count}):\n" + ReminderText.List(without.Select(a =>
                        $"{ReminderText.FullName(a.LastName, a.FirstName, a.MiddleName)}" +
                        (a.RegisteredOn is { } on ? $", зарегистрировано {on.ToRussianDate()}" : ""))));
                var fewer = fewerExperts.Where(a => a.MunicipalityId == municipalityId).OrderBy(a => a.LastName).ToList();
                if (fewer.Count > 0)
                    paragraphs.Add($"В периоде «{period.Name}» назначено менее двух специалистов по аттестации ({fewer.Count}):\n" +
                        ReminderText.List(fewer.Select(a => $"{ReminderText.FullName(a.LastName, a.FirstName, a.MiddleName)}: назначено {a.Experts}")));
                paragraphs.Add("Период проставляется с учётом срока действия имеющейся квалификационной категории; специалисты — из списка, " +
                    "утверждённого на учебный год, из вашего муниципалитета.");
                return coordinators[municipalityId].Select(coordinator => new ReminderLetter(coordinator, subject, path,
                    "Открыть формирование графика", [ReminderText.Greeting(coordinator), .. paragraphs]));
            })
            .ToList();
    }
}
