using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;

namespace Attestation.Web.Data.ReadModel;

/// <summary>
/// «Мониторинг» settings. No source document sets a number of attestees per expert (seed 002 only asks to «учитывать
/// работу педагогов в качестве экспертов»), so the limit the page warns at is the region's choice.
/// </summary>
public sealed class MonitoringOptions
{
    public const string Section = "Monitoring";

    /// <summary>
    /// The attestees one expert may take in one period before «Мониторинг» shows him as over the limit: ten, a period's
    /// two months at about one attestee a week per expert, as the region's coordinators work today.
    /// </summary>
    public const int DefaultExpertLoadLimit = 10;

    public int ExpertLoadLimit { get; set; } = DefaultExpertLoadLimit;
}

/// <summary>The scope and the dates «Мониторинг» counts: the applications submitted from <see cref="From"/> to <see cref="To"/> inclusive (region dates).</summary>
/// <param name="MunicipalityId">One municipality, or null for the whole region (the operator's view only).</param>
public sealed record MonitoringRange(int? MunicipalityId, DateOnly From, DateOnly To)
{
    /// <summary>Five years of months at most: a longer range is a typing slip, and the month tables stay readable.</summary>
    public const int MaxMonths = 60;

    /// <summary>The page's default: the twelve months up to <paramref name="today"/> (from the first of the eleventh month before).</summary>
    public static MonitoringRange LastTwelveMonths(int? municipalityId, DateOnly today) =>
        new(municipalityId, new DateOnly(today.Year, today.Month, 1).AddMonths(-11), today);

    /// <summary>The months from <see cref="From"/> to <see cref="To"/>, as month numbers (<see cref="MonitoringFigures.MonthNumber"/>).</summary>
    public IReadOnlyList<int> Months =>
        Enumerable.Range(MonitoringFigures.MonthNumber(From), MonitoringFigures.MonthNumber(To) - MonitoringFigures.MonthNumber(From) + 1).ToList();
}

/// <summary>How the applications submitted in a month of a municipality stand with the 30 days of consideration (п. 32).</summary>
public readonly record struct ConsiderationCounts(int OnTime, int Late, int WaitingOverdue, int Waiting)
{
    /// <summary>Those whose 30 days are over, considered or not: the base of the share.</summary>
    public int Due => OnTime + Late + WaitingOverdue;

    public static ConsiderationCounts operator +(ConsiderationCounts a, ConsiderationCounts b) =>
        new(a.OnTime + b.OnTime, a.Late + b.Late, a.WaitingOverdue + b.WaitingOverdue, a.Waiting + b.Waiting);

    public double? OnTimeShare => MonitoringFigures.Share(OnTime, Due);
}

/// <summary>How the final conclusions of a municipality's applications in a period stand with the 15th of its second month.</summary>
public readonly record struct ConclusionCounts(int InPeriod, int InTime, int Late, int Missing)
{
    public static ConclusionCounts operator +(ConclusionCounts a, ConclusionCounts b) =>
        new(a.InPeriod + b.InPeriod, a.InTime + b.InTime, a.Late + b.Late, a.Missing + b.Missing);

    /// <summary>The share in by the deadline of those due: all of them once the deadline has passed, the ones in before it.</summary>
    public double? InTimeShare(bool deadlinePassed) => MonitoringFigures.Share(InTime, deadlinePassed ? InPeriod : InTime + Late);
}

/// <summary>One expert's attestees in one period.</summary>
public sealed record ExpertLoad(Guid ExpertId, string FullName, int Attestees);

/// <summary>
/// The experts of one period: how many have attestees, their attestees (each counted once per expert: two experts
/// study every attestee), the most of one expert, and those over <see cref="Limit"/> by name.
/// </summary>
public sealed record PeriodLoad(AttestationPeriod Period, int Experts, int Attestees, int Max, IReadOnlyList<ExpertLoad> OverLimit, int Limit)
{
    public double? PerExpert => Experts == 0 ? null : Math.Round((double)Attestees / Experts, 1);
}

/// <summary>Everything «Мониторинг» shows for one <see cref="MonitoringRange"/>, counted by <see cref="MonitoringQuery"/>.</summary>
public sealed class MonitoringReport
{
    public required MonitoringRange Range { get; init; }

    public required DateOnly Today { get; init; }

    /// <summary>The attestees an expert may take in a period (<see cref="MonitoringOptions.ExpertLoadLimit"/>).</summary>
    public required int ExpertLoadLimit { get; init; }

    /// <summary>The municipalities of the scope, in the order the tables list them.</summary>
    public required IReadOnlyList<(int Id, string Name)> Municipalities { get; init; }

    /// <summary>Submitted per month number.</summary>
    public required IReadOnlyDictionary<int, int> ByMonth { get; init; }

    public required IReadOnlyDictionary<ApplicationStatus, int> ByStatus { get; init; }

    public required IReadOnlyDictionary<QualificationCategory, int> ByCategory { get; init; }

    public required IReadOnlyDictionary<AttestationForm, int> ByForm { get; init; }

    public required IReadOnlyDictionary<DecisionOutcome, int> ByOutcome { get; init; }

    public required IReadOnlyDictionary<WithdrawalReason, int> ByWithdrawalReason { get; init; }

    /// <summary>Per municipality and month number.</summary>
    public required IReadOnlyDictionary<(int Municipality, int Month), ConsiderationCounts> Consideration { get; init; }

    /// <summary>Per month number: how many applications took how many days from submission to registration.</summary>
    public required IReadOnlyDictionary<int, IReadOnlyList<DayCount>> DaysToRegistration { get; init; }

    /// <summary>Per month number: how many took how many days from submission to the commission's decision.</summary>
    public required IReadOnlyDictionary<int, IReadOnlyList<DayCount>> DaysToDecision { get; init; }

    /// <summary>The periods starting in the range, in order.</summary>
    public required IReadOnlyList<AttestationPeriod> Periods { get; init; }

    /// <summary>Per municipality and period.</summary>
    public required IReadOnlyDictionary<(int Municipality, Guid Period), ConclusionCounts> Conclusions { get; init; }

    public required IReadOnlyList<PeriodLoad> ExpertLoads { get; init; }

    /// <summary>The most frequent reasons of rejection, with how many applications each.</summary>
    public required IReadOnlyList<(string Reason, int Count)> RejectionReasons { get; init; }

    public int Submitted => ByMonth.Values.Sum();

    public bool IsEmpty => Submitted == 0 && Conclusions.Count == 0 && ExpertLoads.Count == 0;

    public bool ConclusionDeadlinePassed(AttestationPeriod period) => PeriodCalendar.Deadlines(period).ConclusionUploadedBy < Today;
}

/// <summary>So many applications took so many days.</summary>
public readonly record struct DayCount(int Days, int Count);

/// <summary>The arithmetic of «Мониторинг», pure and in one place: months, shares, medians.</summary>
public static class MonitoringFigures
{
    /// <summary>A month as one number (year × 12 + month − 1), the key the monthly tables are counted by.</summary>
    public static int MonthNumber(int year, int month) => year * 12 + month - 1;

    public static int MonthNumber(DateOnly date) => MonthNumber(date.Year, date.Month);

    public static DateOnly MonthStart(int monthNumber) => new(monthNumber / 12, monthNumber % 12 + 1, 1);

    /// <summary>«сентябрь 2025».</summary>
    public static string MonthName(int monthNumber)
    {
        var start = MonthStart(monthNumber);
        return $"{RussianMonths.Nominative(start.Month)} {start.Year}";
    }

    /// <summary>The part of the whole in per cent, one decimal; null when there is no whole to speak of.</summary>
    public static double? Share(int part, int whole) =>
        whole <= 0 ? null : Math.Round(100.0 * part / whole, 1, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The median of values given as a histogram (so many applications took so many days): the middle value, or the mean
    /// of the two middle ones when the count is even; null without values.
    /// </summary>
    public static double? Median(IEnumerable<DayCount> histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var sorted = histogram.Where(h => h.Count > 0).OrderBy(h => h.Days).ToList();
        var total = sorted.Sum(h => h.Count);
        if (total == 0)
            return null;
        // The 1-based positions of the middle: one for an odd count, two neighbours for an even one.
        var lower = (total + 1) / 2;
        var upper = total / 2 + 1;
        return (ValueAt(sorted, lower) + ValueAt(sorted, upper)) / 2.0;
    }

    /// <summary>The histograms of several months as one.</summary>
    public static IReadOnlyList<DayCount> Merge(IEnumerable<IReadOnlyList<DayCount>> histograms) =>
        histograms.SelectMany(h => h).GroupBy(h => h.Days).Select(g => new DayCount(g.Key, g.Sum(h => h.Count))).ToList();

    public static int CountOf(IEnumerable<DayCount> histogram) => histogram.Sum(h => h.Count);

    /// <summary>How many took more than <paramref name="days"/> days.</summary>
    public static int CountOver(IEnumerable<DayCount> histogram, int days) => histogram.Where(h => h.Days > days).Sum(h => h.Count);

    private static int ValueAt(List<DayCount> sorted, int position)
    {
        var seen = 0;
        foreach (var bucket in sorted)
        {
            seen += bucket.Count;
            if (seen >= position)
                return bucket.Days;
        }
        throw new ArgumentOutOfRangeException(nameof(position));
    }
}
