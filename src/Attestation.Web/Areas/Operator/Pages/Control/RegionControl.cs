using System.Linq.Expressions;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Periods;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Control;

/// <summary>The lists the control table counts, each a link down to the applications behind the number.</summary>
public enum ControlList
{
    /// <summary>Submitted, waiting for registration or rejection.</summary>
    Waiting,

    /// <summary>Waiting beyond the 30 days (п. 32): the deadline <see cref="ApplicationClocks.ConsiderationDeadline"/> has passed.</summary>
    ConsiderationOverdue,

    /// <summary>Registered on general grounds and not yet in any period.</summary>
    WithoutPeriod,

    /// <summary>In the nearest open period with fewer than two experts.</summary>
    FewerThanTwoExperts,

    /// <summary>In the nearest open period with both experts.</summary>
    Scheduled,

    /// <summary>Scheduled, no conclusion yet, and the period's conclusion deadline (the 15th) is this month, not passed.</summary>
    ConclusionsDue,

    /// <summary>Scheduled and still no conclusion after the period's conclusion deadline.</summary>
    ConclusionsOverdue,
}

/// <summary>
/// The operator's control of the whole region on one date: what each <see cref="ControlList"/> means today, as query
/// filters that the control table counts and the application list shows, so the two always agree.
/// </summary>
public sealed class RegionControl
{
    private readonly TimeZoneInfo _zone;
    private readonly IReadOnlyList<Guid> _conclusionsDueIn;
    private readonly IReadOnlyList<Guid> _conclusionsOverdueIn;

    private RegionControl(DateOnly today, TimeZoneInfo zone, AttestationPeriod? nearest,
        IReadOnlyList<AttestationPeriod> conclusionsDueIn, IReadOnlyList<AttestationPeriod> conclusionsOverdueIn)
    {
        Today = today;
        _zone = zone;
        NearestPeriod = nearest;
        ConclusionsDuePeriods = conclusionsDueIn;
        _conclusionsDueIn = conclusionsDueIn.Select(p => p.Id).ToList();
        _conclusionsOverdueIn = conclusionsOverdueIn.Select(p => p.Id).ToList();
    }

    public DateOnly Today { get; }

    /// <summary>The period the coordinators are scheduling into now; its schedule is due by the 12th of the month before.</summary>
    public AttestationPeriod? NearestPeriod { get; }

    public DateOnly? NearestScheduleDeadline => NearestPeriod is null ? null : PeriodCalendar.ScheduleDeadline(NearestPeriod);

    /// <summary>The periods whose conclusions are due in the system this month (by the 15th), not yet past.</summary>
    public IReadOnlyList<AttestationPeriod> ConclusionsDuePeriods { get; }

    public static async Task<RegionControl> LoadAsync(AttestationDbContext db, RegionTime region, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(region);
        var today = region.Today;
        var periods = await db.Periods.AsNoTracking().ToListAsync(ct);
        var deadlines = periods.Select(p => (Period: p, UploadBy: PeriodCalendar.Deadlines(p).ConclusionUploadedBy)).ToList();
        return new RegionControl(
            today,
            region.Zone,
            PeriodCalendar.NearestOpenPeriod(periods, region.Now, region.Zone),
            deadlines.Where(d => d.UploadBy >= today && d.UploadBy.Year == today.Year && d.UploadBy.Month == today.Month)
                .Select(d => d.Period).OrderBy(p => p.StartDate).ToList(),
            deadlines.Where(d => d.UploadBy < today).Select(d => d.Period).ToList());
    }

    public IQueryable<Application> Apply(IQueryable<Application> applications, ControlList list)
    {
        ArgumentNullException.ThrowIfNull(applications);
        return applications.Where(Condition(list));
    }

    /// <summary>What <paramref name="list"/> means today, as one condition (the named filters of the domain and the dates).</summary>
    public Expression<Func<Application, bool>> Condition(ControlList list)
    {
        var nearestId = NearestPeriod?.Id;
        var dueIn = _conclusionsDueIn;
        var overdueIn = _conclusionsOverdueIn;
        return list switch
        {
            ControlList.Waiting => ApplicationFilters.AwaitingConsideration,
            ControlList.ConsiderationOverdue => ApplicationFilters.ConsiderationLight(TrafficLight.Red, Today, _zone),
            ControlList.WithoutPeriod => ApplicationFilters.AwaitingPeriod,
            ControlList.FewerThanTwoExperts => ApplicationFilters.StatusIn(ApplicationRules.StatusesFor(ApplicationAction.Schedule))
                .And(a => nearestId != null && a.PeriodId == nearestId && (a.ExpertAId == null || a.ExpertBId == null)),
            ControlList.Scheduled => ApplicationFilters.ConclusionMissing
                .And(a => nearestId != null && a.PeriodId == nearestId && a.ExpertAId != null && a.ExpertBId != null),
            ControlList.ConclusionsDue => ApplicationFilters.ConclusionMissing
                .And(a => a.PeriodId != null && dueIn.Contains(a.PeriodId.Value)),
            ControlList.ConclusionsOverdue => ApplicationFilters.ConclusionMissing
                .And(a => a.PeriodId != null && overdueIn.Contains(a.PeriodId.Value)),
            _ => throw new ArgumentOutOfRangeException(nameof(list), list, null),
        };
    }

    /// <summary>
    /// How many applications of each municipality are in each of <paramref name="lists"/> (the counts in the lists'
    /// order; a municipality with none is absent): one statement, a GROUP BY with a filtered count per list, whatever
    /// the number of lists.
    /// </summary>
    public Task<Dictionary<int, int[]>> CountByMunicipalityAsync(AttestationDbContext db, IReadOnlyList<ControlList> lists,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(lists);
        return db.Applications.AsNoTracking()
            .Where(ApplicationFilters.InProgress)
            .CountEachAsync(a => a.MunicipalityId, lists.Select(Condition).ToList(), ct);
    }

    /// <summary>The list's name as the table heads and the application list title say it.</summary>
    public string Title(ControlList list) => list switch
    {
        ControlList.Waiting => "Ожидают регистрации",
        ControlList.ConsiderationOverdue => "Не рассмотрены в 30-дневный срок",
        ControlList.WithoutPeriod => "Зарегистрированы, период не назначен",
        ControlList.FewerThanTwoExperts => $"Период «{NearestPeriod?.Name}»: назначено менее двух экспертов",
        ControlList.Scheduled => $"Период «{NearestPeriod?.Name}»: в графике",
        ControlList.ConclusionsDue => "Итоговое заключение ожидается в этом месяце",
        ControlList.ConclusionsOverdue => "Итоговое заключение просрочено",
        _ => list.ToString(),
    };
}
