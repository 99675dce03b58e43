using Attestation.Domain.Applications;
using Attestation.Domain.Periods;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Notifications;

/// <summary>
/// The letters of the people who work on applications: the municipal coordinators when a teacher of their municipality
/// submits or withdraws, the experts when the schedule naming them is approved and when they are put on or taken off an
/// application. Queued in the caller's DbContext with the change; each returns how many letters it queued.
/// </summary>
public sealed class StaffEmails(AttestationDbContext db, LetterComposer letters, LinkGenerator routes, RegionTime region)
{
    public const string SubmittedSubject = "Подано заявление о проведении аттестации";
    public const string WithdrawalFiledSubject = "Подано заявление на отзыв";
    public const string ScheduleApprovedSubject = "Утверждён график аттестации";
    public const string ExpertAssignedSubject = "Вы назначены специалистом по аттестации";
    public const string ExpertReleasedSubject = "Вы освобождены от проведения аттестации";

    /// <summary>A teacher submitted (or submitted again after a rejection): his municipality's coordinators learn it and
    /// the date by which it is to be registered or rejected.</summary>
    public async Task<int> QueueSubmittedAsync(Application application, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(application);
        var submittedAt = application.SubmittedAt ?? region.Now;
        var submittedOn = RegionClockDate(submittedAt);
        var deadline = ApplicationClocks.ConsiderationDeadline(submittedAt, region.Zone);
        var path = routes.Page("/Applications/Details", AreaNames.Municipality, new { id = application.Id });
        var queued = 0;
        foreach (var coordinator in await CoordinatorsAsync(application.MunicipalityId, ct))
        {
            queued += letters.Queue(coordinator, LetterKind.ApplicationSubmitted, SubmittedSubject, path, application.Id,
                "Открыть заявление",
                $"Здравствуйте, {coordinator.FullName}!",
                $"{application.FullName} подал(а) заявление о проведении аттестации {submittedOn.ToRussianDate()}.",
                $"Зарегистрируйте или отклоните его не позднее {deadline.ToRussianDate()}: заявление рассматривается в течение " +
                $"{ApplicationClocks.ConsiderationDays} календарных дней со дня подачи.") ? 1 : 0;
        }
        return queued;
    }

    /// <summary>A teacher filed a withdrawal himself: the coordinators are to register it.</summary>
    public async Task<int> QueueWithdrawalFiledAsync(Application application, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(application);
        var path = routes.Page("/Withdrawals/Index", AreaNames.Municipality);
        var queued = 0;
        foreach (var coordinator in await CoordinatorsAsync(application.MunicipalityId, ct))
        {
            queued += letters.Queue(coordinator, LetterKind.WithdrawalFiled, WithdrawalFiledSubject, path, application.Id,
                "Открыть «Регистрация заявлений на отзыв»",
                $"Здравствуйте, {coordinator.FullName}!",
                $"{application.FullName} подал(а) заявление на отзыв заявления о проведении аттестации {region.Today.ToRussianDate()}.",
                "Зарегистрируйте заявление на отзыв: после регистрации заявление о проведении аттестации будет исключено из графика.") ? 1 : 0;
        }
        return queued;
    }

    /// <summary>
    /// The operator approved the schedules of <paramref name="municipalityIds"/> for <paramref name="period"/>: each
    /// expert named in them gets one letter with how many teachers he attests.
    /// </summary>
    public async Task<int> QueueScheduleApprovedAsync(AttestationPeriod period, IReadOnlyCollection<int> municipalityIds,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var pairs = await db.Applications.AsNoTracking()
            .Where(a => a.PeriodId == period.Id && municipalityIds.Contains(a.MunicipalityId) && a.ExpertAId != null && a.ExpertBId != null)
            .Select(a => new { A = a.ExpertAId!.Value, B = a.ExpertBId!.Value })
            .ToListAsync(ct);
        var attestees = pairs.SelectMany(p => new[] { p.A, p.B }).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var experts = await db.RecipientsAsync(attestees.Keys.ToList(), ct);
        var path = routes.Page("/Index", AreaNames.Expert);
        var prepareBy = period.StartDate.AddDays(-14);
        var queued = 0;
        foreach (var (id, count) in attestees.OrderBy(e => e.Key))
        {
            if (!experts.TryGetValue(id, out var expert))
                continue;
            queued += letters.Queue(expert, LetterKind.ScheduleApproved, ScheduleApprovedSubject, path, null,
                "Открыть личный кабинет",
                $"Здравствуйте, {expert.FullName}!",
                $"Утверждён график аттестации на период «{period.Name}»: вы назначены специалистом по аттестации, аттестуемых: {count}.",
                $"Список аттестуемых, их контакты и сроки — в личном кабинете. Свяжитесь с аттестуемыми не позднее " +
                $"{prepareBy.ToRussianDate()} (не менее чем за 14 дней до начала периода).") ? 1 : 0;
        }
        return queued;
    }

    /// <summary>
    /// The experts of a scheduled application changed: the new one learns whom he attests, the one taken off that he no
    /// longer does. Nothing when the pair is the same.
    /// </summary>
    public async Task<int> QueueExpertsReplacedAsync(Application application, AttestationPeriod period,
        IReadOnlyCollection<Guid> before, IReadOnlyCollection<Guid> after, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(period);
        var added = after.Except(before).ToList();
        var removed = before.Except(after).ToList();
        if (added.Count == 0 && removed.Count == 0)
            return 0;
        var people = await db.RecipientsAsync(added.Concat(removed).ToList(), ct);
        var path = routes.Page("/Index", AreaNames.Expert);
        var queued = 0;
        foreach (var id in added.Where(people.ContainsKey))
        {
            var expert = people[id];
            queued += letters.Queue(expert, LetterKind.ExpertAssigned, ExpertAssignedSubject, path, application.Id,
                "Открыть личный кабинет",
                $"Здравствуйте, {expert.FullName}!",
                $"Вы назначены специалистом по аттестации педагога {application.FullName} (период «{period.Name}») вместо ранее назначенного специалиста.",
                "Сведения об аттестуемом и сроки — в личном кабинете.") ? 1 : 0;
        }
        foreach (var id in removed.Where(people.ContainsKey))
        {
            var expert = people[id];
            queued += letters.Queue(expert, LetterKind.ExpertReleased, ExpertReleasedSubject, path, application.Id,
                "Открыть личный кабинет",
                $"Здравствуйте, {expert.FullName}!",
                $"Вы больше не назначены специалистом по аттестации педагога {application.FullName} (период «{period.Name}»): " +
                "муниципальный координатор назначил другого специалиста.",
                "Проводить аттестацию этого педагога и готовить по нему заключение не нужно.") ? 1 : 0;
        }
        return queued;
    }

    private Task<IReadOnlyList<Recipient>> CoordinatorsAsync(int municipalityId, CancellationToken ct) =>
        db.UsersInRole(Roles.MunicipalCoordinator).Where(u => u.MunicipalityId == municipalityId).ToRecipientsAsync(db, ct);

    private DateOnly RegionClockDate(DateTimeOffset instant) => Domain.RegionClock.Today(instant, region.Zone);
}
