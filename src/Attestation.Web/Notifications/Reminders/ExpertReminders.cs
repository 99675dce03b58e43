using Attestation.Domain.Applications;
using Attestation.Domain.Periods;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Notifications.Reminders;

/// <summary>An attestee of an expert's in a period: whom to list in his letter.</summary>
internal sealed record Attestee(Guid ExpertId, int MunicipalityId, string FullName, AttestationForm? Form);

/// <summary>The experts' two reminders about the scheduled applications of a period.</summary>
public abstract class ExpertReminder(AttestationDbContext db, ReminderPost post, RegionTime region) : PeriodReminder(db, post, region)
{
    /// <summary>Each expert's attestees of <paramref name="period"/> whose conclusion is still to come (the period's index).</summary>
    internal async Task<(ILookup<Guid, Attestee> ByExpert, IReadOnlyDictionary<Guid, Recipient> Experts)> AttesteesAsync(
        AttestationPeriod period, CancellationToken ct)
    {
        var periodId = period.Id;
        var rows = await Db.Applications.AsNoTracking()
            .Where(ApplicationFilters.ConclusionMissing.And(a => a.PeriodId == periodId))
            .Select(a => new { a.ExpertAId, a.ExpertBId, a.MunicipalityId, a.LastName, a.FirstName, a.MiddleName, a.Form })
            .ToListAsync(ct);
        var attestees = rows
            .SelectMany(a => new[] { a.ExpertAId, a.ExpertBId }.OfType<Guid>().Distinct()
                .Select(expert => new Attestee(expert, a.MunicipalityId, ReminderText.FullName(a.LastName, a.FirstName, a.MiddleName), a.Form)))
            .OrderBy(a => a.FullName, StringComparer.Create(WebSetup.Russian, false))
            .ToLookup(a => a.ExpertId);
        var experts = await Db.RecipientsAsync(attestees.Select(g => g.Key).ToList(), ct);
        return (attestees, experts);
    }
}

/// <summary>
/// «Не менее чем за 14 дней до начала срока проведения аттестации» (the expert's «Процедурные мероприятия»): on that day
/// every expert with attestees in the period gets their list and what is to be done before it starts.
/// </summary>
public sealed class ExpertPreparationReminders(AttestationDbContext db, ReminderPost post, LinkGenerator routes, RegionTime region)
    : ExpertReminder(db, post, region)
{
    public override NotificationKind Kind => NotificationKind.ExpertPreparationReminder;

    protected override PeriodStep RemindedStep => PeriodStep.ExpertPreparation;

    protected override async Task<IReadOnlyList<ReminderLetter>> LettersAsync(AttestationPeriod period, DateOnly deadline,
        CancellationToken ct)
    {
        var (attestees, experts) = await AttesteesAsync(period, ct);
        var path = routes.Page("/Index", AreaNames.Expert);
        var subject = $"Напоминание: {period.StartDate.ToRussianDate()} начинается период аттестации «{period.Name}»";
        return attestees.Where(g => experts.ContainsKey(g.Key)).Select(own =>
            {
                var expert = experts[own.Key];
                return new ReminderLetter(expert, subject, path, "Открыть личный кабинет специалиста",
                [
                    ReminderText.Greeting(expert),
                    $"{period.StartDate.ToRussianDate()} начинается период аттестации «{period.Name}». Не менее чем за 14 дней до начала " +
                    $"срока проведения аттестации — до {deadline.ToRussianDate()} — изучите индивидуальный график и подготовьтесь к аттестации. " +
                    $"Аттестуемых: {own.Count()}.",
                    ReminderText.List(own.Select(a => a.Form is { } form ? $"{a.FullName} ({form.ToRussian()})" : a.FullName)),
                    "При очной форме аттестации согласуйте с педагогическим работником даты встречи и посещения его практической " +
                    "деятельности; сообщите руководителю образовательной организации (или ответственному за аттестацию) о дате " +
                    "процедурных мероприятий и запросите материалы, которых нет на указанных в заявлении ресурсах.",
                ]);
            })
            .ToList();
    }
}

/// <summary>
/// «Итоговые заключения должны быть загружены … до 15 числа второго месяца аттестационного периода»: on the 10th of that
/// month every expert with a conclusion still missing gets the list; in the municipalities that hand conclusions to a
/// subject group leader (г. Томск, ЗАТО Северск) the paper copy is due today.
/// </summary>
public sealed class ConclusionReminders(AttestationDbContext db, ReminderPost post, LinkGenerator routes, RegionTime region)
    : ExpertReminder(db, post, region)
{
    public override NotificationKind Kind => NotificationKind.ConclusionReminder;

    protected override PeriodStep RemindedStep => PeriodStep.ConclusionUpload;

    protected override async Task<IReadOnlyList<ReminderLetter>> LettersAsync(AttestationPeriod period, DateOnly deadline,
        CancellationToken ct)
    {
        var (attestees, experts) = await AttesteesAsync(period, ct);
        var municipalityIds = attestees.SelectMany(g => g.Select(a => a.MunicipalityId)).Distinct().ToList();
        var subjectGroup = (await Db.Municipalities.AsNoTracking()
                .Where(m => municipalityIds.Contains(m.Id) && m.HandsConclusionsToSubjectGroup)
                .Select(m => m.Id)
                .ToListAsync(ct))
            .ToHashSet();
        var deadlines = PeriodCalendar.Deadlines(period);
        var path = routes.Page("/Index", AreaNames.Expert);
        var subject = $"Напоминание: итоговые заключения за период «{period.Name}» — до {deadline.ToRussianDate()}";
        return attestees.Where(g => experts.ContainsKey(g.Key)).Select(own =>
            {
                var expert = experts[own.Key];
                var paragraphs = new List<string>
                {
                    ReminderText.Greeting(expert),
                    $"Итоговые заключения по аттестуемым периода «{period.Name}» должны быть загружены в систему не позднее " +
                    $"{deadline.ToRussianDate()}. Не загружено заключений: {own.Count()}.",
                    ReminderText.List(own.Select(a => a.FullName)),
                    "Заключение подписывают аттестуемый и оба специалиста; оригинал передаётся на хранение в образовательную организацию.",
                };
                if (own.Any(a => subjectGroup.Contains(a.MunicipalityId)))
                    paragraphs.Add($"Для специалистов г. Томска и ЗАТО Северск: второй экземпляр итогового заключения сдаётся руководителю " +
                        $"предметной группы до {deadlines.ConclusionToSubjectGroupBy?.ToRussianDate()}, муниципальному координатору — " +
                        $"до {deadlines.ConclusionToCoordinatorBy.ToRussianDate()}.");
                return new ReminderLetter(expert, subject, path, "Открыть личный кабинет специалиста", paragraphs);
            })
            .ToList();
    }
}
