using System.Runtime.CompilerServices;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;

namespace Attestation.Web.Data.ReadModel;

/// <summary>
/// A <see cref="MonitoringReport"/> as it is kept counted ahead (<see cref="AheadKeys.Monitoring"/>): the same figures
/// in a shape JSON holds (lists for the dictionaries keyed by pairs, the periods by id). The municipalities' names and
/// the periods are read again when it is shown.
/// </summary>
/// <param name="MunicipalityId">The municipality counted; null for the region (and in the snapshots kept before it was written).</param>
public sealed record MonitoringSnapshot(
    DateOnly From,
    DateOnly To,
    DateOnly Today,
    int ExpertLoadLimit,
    Dictionary<int, int> ByMonth,
    Dictionary<ApplicationStatus, int> ByStatus,
    Dictionary<QualificationCategory, int> ByCategory,
    Dictionary<AttestationForm, int> ByForm,
    Dictionary<DecisionOutcome, int> ByOutcome,
    Dictionary<WithdrawalReason, int> ByWithdrawalReason,
    List<MonitoringSnapshot.ConsiderationRow> Consideration,
    Dictionary<int, List<DayCount>> DaysToRegistration,
    Dictionary<int, List<DayCount>> DaysToDecision,
    List<Guid> PeriodIds,
    List<MonitoringSnapshot.ConclusionRow> Conclusions,
    List<MonitoringSnapshot.LoadRow> ExpertLoads,
    List<MonitoringSnapshot.ReasonRow> RejectionReasons,
    int? MunicipalityId = null)
{
    public sealed record ConsiderationRow(int Municipality, int Month, ConsiderationCounts Counts);

    public sealed record ConclusionRow(int Municipality, Guid Period, ConclusionCounts Counts);

    public sealed record LoadRow(Guid Period, int Experts, int Attestees, int Max, List<ExpertLoad> OverLimit, int Limit);

    public sealed record ReasonRow(string Reason, int Count);

    /// <summary>Whether this snapshot answers <paramref name="range"/> (the same region or municipality, dates and limit).</summary>
    public bool Answers(MonitoringRange range, int expertLoadLimit)
    {
        ArgumentNullException.ThrowIfNull(range);
        return range.MunicipalityId == MunicipalityId && range.From == From && range.To == To && expertLoadLimit == ExpertLoadLimit;
    }

    public static MonitoringSnapshot Of(MonitoringReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new MonitoringSnapshot(
            report.Range.From, report.Range.To, report.Today, report.ExpertLoadLimit,
            new(report.ByMonth), new(report.ByStatus), new(report.ByCategory), new(report.ByForm), new(report.ByOutcome),
            new(report.ByWithdrawalReason),
            [.. report.Consideration.Select(c => new ConsiderationRow(c.Key.Municipality, c.Key.Month, c.Value))],
            report.DaysToRegistration.ToDictionary(d => d.Key, d => d.Value.ToList()),
            report.DaysToDecision.ToDictionary(d => d.Key, d => d.Value.ToList()),
            [.. report.Periods.Select(p => p.Id)],
            [.. report.Conclusions.Select(c => new ConclusionRow(c.Key.Municipality, c.Key.Period, c.Value))],
            [.. report.ExpertLoads.Select(l => new LoadRow(l.Period.Id, l.Experts, l.Attestees, l.Max, [.. l.OverLimit], l.Limit))],
            [.. report.RejectionReasons.Select(r => new ReasonRow(r.Reason, r.Count))],
            report.Range.MunicipalityId);
    }

    /// <summary>The report again, with the scope's municipalities and the periods read now; null when a period is gone.</summary>
    public MonitoringReport? ToReport(MonitoringRange range, IReadOnlyList<(int Id, string Name)> municipalities,
        IReadOnlyDictionary<Guid, AttestationPeriod> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        if (!PeriodIds.TrueForAll(periods.ContainsKey) || !ExpertLoads.TrueForAll(l => periods.ContainsKey(l.Period)))
            return null;
        return new MonitoringReport
        {
            Range = range,
            Today = Today,
            ExpertLoadLimit = ExpertLoadLimit,
            Municipalities = municipalities,
            ByMonth = ByMonth,
            ByStatus = ByStatus,
            ByCategory = ByCategory,
            ByForm = ByForm,
            ByOutcome = ByOutcome,
            ByWithdrawalReason = ByWithdrawalReason,
            Consideration = Consideration.ToDictionary(c => (c.Municipality, c.Month), c => c.Counts),
            DaysToRegistration = DaysToRegistration.ToDictionary(d => d.Key, d => (IReadOnlyList<DayCount>)d.Value),
            DaysToDecision = DaysToDecision.ToDictionary(d => d.Key, d => (IReadOnlyList<DayCount>)d.Value),
            Periods = [.. PeriodIds.Select(id => periods[id])],
            Conclusions = Conclusions.ToDictionary(c => (c.Municipality, c.Period), c => c.Counts),
            ExpertLoads = [.. ExpertLoads.Select(l => new PeriodLoad(periods[l.Period], l.Experts, l.Attestees, l.Max, l.OverLimit, l.Limit))],
            RejectionReasons = [.. RejectionReasons.Select(r => (r.Reason, r.Count))],
        };
    }
}

/// <summary>
/// The report last made from a counted-ahead <see cref="MonitoringSnapshot"/>, shared by the requests that ask the same
/// of the same snapshot (the same dates, municipalities and periods, as read by each request): at a country's size
/// making the report and its tables took a third of the page's time (280 municipalities). Kept as long as the snapshot
/// is (<see cref="CountedAheadMemo"/> holds the latest), and never changed once made.
/// </summary>
public sealed class MonitoringReportMemo
{
    private readonly ConditionalWeakTable<MonitoringSnapshot, Made> _made = new();

    public MonitoringReport? ReportOf(MonitoringSnapshot snapshot, MonitoringRange range,
        IReadOnlyList<(int Id, string Name)> municipalities, IReadOnlyDictionary<Guid, AttestationPeriod> periods)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(periods);
        var shown = periods.Values.Select(PeriodShown.Of).OrderBy(p => p.Id).ToList();
        if (_made.TryGetValue(snapshot, out var made) && made.Range == range
            && made.Municipalities.SequenceEqual(municipalities) && made.Periods.SequenceEqual(shown))
            return made.Report;
        var report = snapshot.ToReport(range, municipalities, periods);
        if (report is not null)
            _made.AddOrUpdate(snapshot, new Made(range, [.. municipalities], shown, report));
        return report;
    }

    private sealed record Made(MonitoringRange Range, List<(int Id, string Name)> Municipalities, List<PeriodShown> Periods,
        MonitoringReport Report);

    /// <summary>What of a period a report shows.</summary>
    private sealed record PeriodShown(Guid Id, int StartYear, int StartMonth, bool IsClosed)
    {
        public static PeriodShown Of(AttestationPeriod period) => new(period.Id, period.StartYear, period.StartMonth, period.IsClosed);
    }
}
