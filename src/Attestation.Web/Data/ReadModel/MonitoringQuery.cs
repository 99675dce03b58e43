using System.Linq.Expressions;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Data.ReadModel;

/// <summary>
/// The figures of «Мониторинг», counted in PostgreSQL for one <see cref="MonitoringRange"/>: eight statements whatever
/// the number of applications, each a GROUP BY over the applications of the range (the index on the submission instant
/// bounds it) or of the range's periods (the index on the period), never an application loaded to be counted.
/// </summary>
/// <remarks>
/// What counts, in one place:
/// <list type="bullet">
/// <item>an application is counted in the month of its latest submission, in the region's time (a resubmission after
/// rejection starts the 30 days again, <see cref="Application.SubmittedAt"/>); drafts were never submitted;</item>
/// <item>«рассмотрено в 30-дневный срок»: registered, rejected or withdrawn (<see cref="Application.ConsideredAt"/>) on
/// or before the submission day + 30 (<see cref="ApplicationClocks.ConsiderationDeadline"/>); the share is of those
/// whose 30 days are over, considered or still waiting;</item>
/// <item>the days to registration and to decision are region calendar days from the submission day to the registration
/// day and to the commission's meeting (at most 30 and 90: <see cref="ApplicationClocks.TotalMaxDays"/>);</item>
/// <item>«заключение размещено к 15 числу»: the final conclusion of an application of a period uploaded on or before
/// the period's <see cref="PeriodDeadlines.ConclusionUploadedBy"/>, for the periods starting in the range;</item>
/// <item>an expert's load in a period: the applications of the period he is one of the two experts of.</item>
/// </list>
/// </remarks>
public sealed class MonitoringQuery(AttestationDbContext db, RegionTime region)
{
    /// <summary>The rejection reasons listed one by one; the rest are summed as «другие причины».</summary>
    public const int RejectionReasonsShown = 10;

    public async Task<MonitoringReport> LoadAsync(MonitoringRange range, IReadOnlyList<(int Id, string Name)> municipalities,
        int expertLoadLimit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(municipalities);
        var today = region.Today;
        var zone = region.Zone.Id;
        var (from, to) = (RegionClock.StartOfDay(range.From, region.Zone), RegionClock.StartOfDay(range.To.AddDays(1), region.Zone));

        var scoped = db.Applications.AsNoTracking();
        if (range.MunicipalityId is { } municipalityId)
            scoped = scoped.Where(a => a.MunicipalityId == municipalityId);

        // The applications of the range as the figures read them: region dates computed by PostgreSQL (AT TIME ZONE).
        var submitted = scoped
            .Where(a => a.SubmittedAt >= from && a.SubmittedAt < to)
            .Select(a => new MonitoredApplication
            {
                MunicipalityId = a.MunicipalityId,
                SubmittedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(a.SubmittedAt!.Value.UtcDateTime, zone)),
                Status = a.Status,
                ClaimedCategory = a.ClaimedCategory,
                Form = a.Form,
                Outcome = a.Decision!.Outcome,
                DecidedOn = a.Decision!.MeetingDate,
                WithdrawalReason = a.Withdrawal!.ReasonKind,
                ConsideredOn = a.ConsideredAt == null ? null
                    : DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(a.ConsideredAt.Value.UtcDateTime, zone)),
                RegisteredOn = a.RegisteredAt == null ? null
                    : DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(a.RegisteredAt.Value.UtcDateTime, zone)),
            });

        var counts = await CountByMunicipalityAndMonthAsync(submitted, today, ct);
        var days = await DaysAsync(submitted, ct);
        var periods = await PeriodsAsync(range, ct);
        var conclusions = await ConclusionsAsync(scoped, periods, ct);
        var loads = await ExpertLoadsAsync(scoped, periods, expertLoadLimit, ct);
        var rejections = await scoped
            .Where(a => a.SubmittedAt >= from && a.SubmittedAt < to && a.Status == ApplicationStatus.Rejected && a.RejectionReason != null)
            .GroupBy(a => a.RejectionReason!)
            .Select(g => new { Reason = g.Key, Count = g.Count() })
            .OrderByDescending(r => r.Count).ThenBy(r => r.Reason)
            .Take(RejectionReasonsShown)
            .ToListAsync(ct);

        int Sum(int index) => counts.Sum(c => c.Counts[index]);
        var consideration = counts.GroupBy(c => (c.Key.MunicipalityId, c.Key.Month))
            .ToDictionary(g => g.Key, g => g.Aggregate(default(ConsiderationCounts), (sum, c) => sum + new ConsiderationCounts(
                c.Counts[Counted.OnTime], c.Counts[Counted.Late], c.Counts[Counted.WaitingOverdue], c.Counts[Counted.Waiting])));
        return new MonitoringReport
        {
            Range = range,
            Today = today,
            ExpertLoadLimit = expertLoadLimit,
            Municipalities = municipalities,
            ByMonth = counts.GroupBy(c => c.Key.Month).ToDictionary(g => g.Key, g => g.Sum(c => c.Counts[Counted.All])),
            ByStatus = Statuses.ToDictionary(s => s, s => Sum(Counted.Status(s))),
            ByCategory = Categories.ToDictionary(c => c, c => Sum(Counted.Category(c))),
            ByForm = Forms.ToDictionary(f => f, f => Sum(Counted.Form(f))),
            ByOutcome = Outcomes.ToDictionary(o => o, o => counts.Where(c => c.Key.Outcome == o).Sum(c => c.Counts[Counted.Status(ApplicationStatus.Decided)])),
            ByWithdrawalReason = WithdrawalReasons.ToDictionary(r => r,
                r => counts.Where(c => c.Key.WithdrawalReason == r).Sum(c => c.Counts[Counted.Status(ApplicationStatus.Withdrawn)])),
            Consideration = consideration,
            DaysToRegistration = days.Where(d => d.Kind == DaysTo.Registration).GroupBy(d => d.Month)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<DayCount>)g.Select(d => new DayCount(d.Days, d.Count)).ToList()),
            DaysToDecision = days.Where(d => d.Kind == DaysTo.Decision).GroupBy(d => d.Month)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<DayCount>)g.Select(d => new DayCount(d.Days, d.Count)).ToList()),
            Periods = periods,
            Conclusions = conclusions,
            ExpertLoads = loads,
            RejectionReasons = rejections.Select(r => (r.Reason, r.Count)).ToList(),
        };
    }

    public static IReadOnlyList<ApplicationStatus> Statuses { get; } =
        [.. Enum.GetValues<ApplicationStatus>().Where(s => s != ApplicationStatus.Draft)];

    public static IReadOnlyList<QualificationCategory> Categories { get; } =
        [.. Enum.GetValues<QualificationCategory>().Where(c => c.IsClaimable())];

    public static IReadOnlyList<AttestationForm> Forms { get; } = Enum.GetValues<AttestationForm>();

    public static IReadOnlyList<DecisionOutcome> Outcomes { get; } = Enum.GetValues<DecisionOutcome>();

    public static IReadOnlyList<WithdrawalReason> WithdrawalReasons { get; } = Enum.GetValues<WithdrawalReason>();

    /// <summary>One GROUP BY (municipality, month) with a filtered count per status, category, form, outcome, reason and 30-day state.</summary>
    private static async Task<List<(MunicipalityMonth Key, int[] Counts)>> CountByMunicipalityAndMonthAsync(
        IQueryable<MonitoredApplication> submitted, DateOnly today, CancellationToken ct)
    {
        // The decision and the withdrawal are owned by the application: EF reads them as keys, not inside an aggregate.
        return await submitted.CountEachByAsync(
            f => new MunicipalityMonth
            {
                MunicipalityId = f.MunicipalityId,
                Month = f.SubmittedOn.Year * 12 + f.SubmittedOn.Month - 1,
                Outcome = f.Outcome,
                WithdrawalReason = f.WithdrawalReason,
            },
            Counted.Conditions(today), ct);
    }

    /// <summary>Both histograms of days (to registration, to decision) per month, in one statement (UNION ALL).</summary>
    private static async Task<List<DaysRow>> DaysAsync(IQueryable<MonitoredApplication> submitted, CancellationToken ct)
    {
        var registration = submitted
            .Where(f => f.RegisteredOn != null)
            .GroupBy(f => new { Month = f.SubmittedOn.Year * 12 + f.SubmittedOn.Month - 1, Days = f.RegisteredOn!.Value.DayNumber - f.SubmittedOn.DayNumber })
            .Select(g => new DaysRow { Kind = DaysTo.Registration, Month = g.Key.Month, Days = g.Key.Days, Count = g.Count() });
        var decision = submitted
            .Where(f => f.DecidedOn != null)
            .GroupBy(f => new { Month = f.SubmittedOn.Year * 12 + f.SubmittedOn.Month - 1, Days = f.DecidedOn!.Value.DayNumber - f.SubmittedOn.DayNumber })
            .Select(g => new DaysRow { Kind = DaysTo.Decision, Month = g.Key.Month, Days = g.Key.Days, Count = g.Count() });
        return await registration.Concat(decision).ToListAsync(ct);
    }

    private async Task<List<AttestationPeriod>> PeriodsAsync(MonitoringRange range, CancellationToken ct)
    {
        var (first, last) = (MonitoringFigures.MonthNumber(range.From), MonitoringFigures.MonthNumber(range.To));
        return await db.Periods.AsNoTracking()
            .Where(p => p.StartYear * 12 + p.StartMonth - 1 >= first && p.StartYear * 12 + p.StartMonth - 1 <= last)
            .OrderBy(p => p.StartYear).ThenBy(p => p.StartMonth)
            .ToListAsync(ct);
    }

    /// <summary>
    /// Per municipality and period: the applications of the period (not rejected or withdrawn), and of them those whose
    /// conclusion was uploaded by the period's deadline, after it, or not at all; one GROUP BY, the deadline of each
    /// period a condition of its own.
    /// </summary>
    private async Task<Dictionary<(int Municipality, Guid Period), ConclusionCounts>> ConclusionsAsync(
        IQueryable<Application> scoped, List<AttestationPeriod> periods, CancellationToken ct)
    {
        if (periods.Count == 0)
            return [];
        var ids = periods.Select(p => (Guid?)p.Id).ToList();
        // The conclusion is owned by the application: whether it is in, and in time, are keys of the GROUP BY.
        // In time: uploaded before the start of the day after the deadline of the application's period.
        var a = Expression.Parameter(typeof(Application), "a");
        var uploadedAt = Expression.Property(Expression.Property(a, nameof(Application.Conclusion)), nameof(Conclusion.UploadedAt));
        var periodId = Expression.Property(a, nameof(Application.PeriodId));
        var inTime = periods
            .Select(p => Expression.AndAlso(
                Expression.Equal(periodId, Expression.Constant(p.Id, typeof(Guid?))),
                Expression.LessThan(uploadedAt, Expression.Constant(
                    RegionClock.StartOfDay(PeriodCalendar.Deadlines(p).ConclusionUploadedBy.AddDays(1), region.Zone)))))
            .Aggregate(Expression.OrElse);
        var key = Expression.Lambda<Func<Application, ConclusionKey>>(Expression.MemberInit(Expression.New(typeof(ConclusionKey)),
            Expression.Bind(typeof(ConclusionKey).GetProperty(nameof(ConclusionKey.MunicipalityId))!, Expression.Property(a, nameof(Application.MunicipalityId))),
            Expression.Bind(typeof(ConclusionKey).GetProperty(nameof(ConclusionKey.PeriodId))!, Expression.Property(periodId, nameof(Nullable<Guid>.Value))),
            Expression.Bind(typeof(ConclusionKey).GetProperty(nameof(ConclusionKey.Uploaded))!,
                Expression.NotEqual(Expression.Convert(uploadedAt, typeof(DateTimeOffset?)), Expression.Constant(null, typeof(DateTimeOffset?)))),
            Expression.Bind(typeof(ConclusionKey).GetProperty(nameof(ConclusionKey.InTime))!, inTime)), a);
        // The periods written into the statement, as their deadlines are (see ExpertLoadsAsync).
        var rows = await scoped
            .Where(SqlLiteral.In<Application, Guid?>(x => x.PeriodId, ids))
            .Where(ApplicationFilters.StatusIn(ApplicationRules.OfAPeriod))
            .GroupBy(key)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return rows.GroupBy(r => (r.Key.MunicipalityId, r.Key.PeriodId))
            .ToDictionary(g => g.Key, g => new ConclusionCounts(
                g.Sum(r => r.Count),
                g.Where(r => r.Key.Uploaded && r.Key.InTime).Sum(r => r.Count),
                g.Where(r => r.Key.Uploaded && !r.Key.InTime).Sum(r => r.Count),
                g.Where(r => !r.Key.Uploaded).Sum(r => r.Count)));
    }

    /// <summary>
    /// Per period, the experts with attestees, their attestees (either of the two experts), the most of one expert, and
    /// the experts over <paramref name="limit"/> by name: two statements, each a GROUP BY per period and expert, the
    /// first summed per period, the second kept over the limit. A country has a hundred thousand (period, expert) pairs
    /// a year: they are never read into the portal (0.7 s and a 144,000-row result did).
    /// </summary>
    private async Task<List<PeriodLoad>> ExpertLoadsAsync(IQueryable<Application> scoped, List<AttestationPeriod> periods,
        int limit, CancellationToken ct)
    {
        if (periods.Count == 0)
            return [];
        // The periods shown (a few, the same for every request until the next period) are written into the statements:
        // as an array parameter, PostgreSQL planned both anew on every request (0.5–0.7 ms each).
        var ids = periods.Select(p => (Guid?)p.Id).ToList();
        var ofPeriods = scoped
            .Where(SqlLiteral.In<Application, Guid?>(a => a.PeriodId, ids))
            .Where(ApplicationFilters.StatusIn(ApplicationRules.OfAPeriod));
        var assignments = ofPeriods.Where(a => a.ExpertAId != null).Select(a => new { PeriodId = a.PeriodId!.Value, ExpertId = a.ExpertAId!.Value })
            .Concat(ofPeriods.Where(a => a.ExpertBId != null).Select(a => new { PeriodId = a.PeriodId!.Value, ExpertId = a.ExpertBId!.Value }));
        var perExpert = assignments
            .GroupBy(x => new { x.PeriodId, x.ExpertId })
            .Select(g => new { g.Key.PeriodId, g.Key.ExpertId, Count = g.Count() });
        var summaries = await perExpert
            .GroupBy(x => x.PeriodId)
            .Select(g => new { PeriodId = g.Key, Experts = g.Count(), Attestees = g.Sum(x => x.Count), Max = g.Max(x => x.Count) })
            .ToDictionaryAsync(x => x.PeriodId, ct);
        var overLimit = await perExpert
            .Where(x => x.Count > limit)
            .Join(db.Users, l => l.ExpertId, u => u.Id, (l, u) => new { l.PeriodId, l.ExpertId, l.Count, u.LastName, u.FirstName, u.MiddleName })
            .ToListAsync(ct);
        var names = Alphabet.Russian;
        return periods
            .Where(p => summaries.ContainsKey(p.Id))
            .Select(p => new PeriodLoad(p, summaries[p.Id].Experts, summaries[p.Id].Attestees, summaries[p.Id].Max,
                overLimit.Where(l => l.PeriodId == p.Id)
                    .Select(l => new ExpertLoad(l.ExpertId, PersonName.Join(l.LastName, l.FirstName, l.MiddleName), l.Count))
                    .OrderByDescending(l => l.Attestees).ThenBy(l => l.FullName, names)
                    .ToList(),
                limit))
            .ToList();
    }

    /// <summary>The filtered counts of the (municipality, month) GROUP BY, by index.</summary>
    private static class Counted
    {
        public const int All = 0;
        private static readonly int StatusBase = 1;
        private static readonly int CategoryBase = StatusBase + Statuses.Count;
        private static readonly int FormBase = CategoryBase + Categories.Count;
        public static readonly int OnTime = FormBase + Forms.Count;
        public static readonly int Late = OnTime + 1;
        public static readonly int WaitingOverdue = OnTime + 2;
        public static readonly int Waiting = OnTime + 3;

        public static int Status(ApplicationStatus status) => StatusBase + Index(Statuses, status);

        public static int Category(QualificationCategory category) => CategoryBase + Index(Categories, category);

        public static int Form(AttestationForm form) => FormBase + Index(Forms, form);

        public static List<Expression<Func<MonitoredApplication, bool>>> Conditions(DateOnly today)
        {
            // Submitted before this day and not considered: the 30 days are over (submitted on day 0, deadline day 30).
            var overdueBefore = today.AddDays(-ApplicationClocks.ConsiderationDays);
            var conditions = new List<Expression<Func<MonitoredApplication, bool>>> { f => true };
            conditions.AddRange(Statuses.Select(s => (Expression<Func<MonitoredApplication, bool>>)(f => f.Status == s)));
            conditions.AddRange(Categories.Select(c => (Expression<Func<MonitoredApplication, bool>>)(f => f.ClaimedCategory == c)));
            conditions.AddRange(Forms.Select(form => (Expression<Func<MonitoredApplication, bool>>)(f => f.Form == form)));
            conditions.Add(f => f.ConsideredOn != null && f.ConsideredOn <= f.SubmittedOn.AddDays(ApplicationClocks.ConsiderationDays));
            conditions.Add(f => f.ConsideredOn != null && f.ConsideredOn > f.SubmittedOn.AddDays(ApplicationClocks.ConsiderationDays));
            conditions.Add(f => f.ConsideredOn == null && f.SubmittedOn < overdueBefore);
            conditions.Add(f => f.ConsideredOn == null && f.SubmittedOn >= overdueBefore);
            return conditions;
        }

        private static int Index<T>(IReadOnlyList<T> values, T value) where T : struct, Enum =>
            values.Select((v, i) => (v, i)).First(x => x.v.Equals(value)).i;
    }

    private enum DaysTo
    {
        Registration,
        Decision,
    }

    /// <summary>An application of the range as the figures read it (a projection SQL computes, never materialised whole).</summary>
    private sealed class MonitoredApplication
    {
        public int MunicipalityId { get; init; }
        public DateOnly SubmittedOn { get; init; }
        public ApplicationStatus Status { get; init; }
        public QualificationCategory? ClaimedCategory { get; init; }
        public AttestationForm? Form { get; init; }
        public DecisionOutcome? Outcome { get; init; }
        public DateOnly? DecidedOn { get; init; }
        public WithdrawalReason? WithdrawalReason { get; init; }
        public DateOnly? ConsideredOn { get; init; }
        public DateOnly? RegisteredOn { get; init; }
    }

    private sealed class MunicipalityMonth
    {
        public int MunicipalityId { get; init; }
        public int Month { get; init; }
        public DecisionOutcome? Outcome { get; init; }
        public WithdrawalReason? WithdrawalReason { get; init; }
    }

    private sealed class ConclusionKey
    {
        public int MunicipalityId { get; init; }
        public Guid PeriodId { get; init; }
        public bool Uploaded { get; init; }
        public bool InTime { get; init; }
    }

    private sealed class DaysRow
    {
        public DaysTo Kind { get; init; }
        public int Month { get; init; }
        public int Days { get; init; }
        public int Count { get; init; }
    }
}
