using System.Globalization;

namespace Attestation.Domain.Periods;

/// <summary>
/// A two-month attestation period («январь-февраль 2021»). Open periods take applications into the schedule; after
/// the 12th of the month before it starts the period closes, automatically or by the operator.
/// </summary>
public sealed class AttestationPeriod
{
    public const int LengthInMonths = 2;
    public const int ReasonMaxLength = 1000;

    private readonly List<PeriodEvent> _events = [];

    public AttestationPeriod(int startYear, int startMonth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startMonth, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(startYear, SchoolYear.MinStartYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startYear, SchoolYear.MaxStartYear);
        Id = Guid.CreateVersion7();
        StartYear = startYear;
        StartMonth = startMonth;
    }

    private AttestationPeriod()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The calendar year of the first month (2026 for «январь-февраль 2026», 2025 for «декабрь 2025-январь 2026»).</summary>
    public int StartYear { get; private set; }

    public int StartMonth { get; private set; }

    public bool IsClosed { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Null when the period was closed automatically after the 12th.</summary>
    public Guid? ClosedBy { get; private set; }

    public string? CloseReason { get; private set; }

    public DateTimeOffset? ReopenedAt { get; private set; }

    public Guid? ReopenedBy { get; private set; }

    public string? ReopenReason { get; private set; }

    public DateOnly StartDate => new(StartYear, StartMonth, 1);

    public DateOnly EndDate => StartDate.AddMonths(LengthInMonths).AddDays(-1);

    /// <summary>Calendar days, both ends included: 59 to 62.</summary>
    public int LengthInDays => EndDate.DayNumber - StartDate.DayNumber + 1;

    public SchoolYear SchoolYear => SchoolYear.Containing(StartDate);

    /// <summary>«январь-февраль 2021»; across the new year «декабрь 2020-январь 2021».</summary>
    public string Name => NameOf(StartYear, StartMonth);

    /// <summary>The name of the period starting in that month, for lists that read only the two numbers.</summary>
    public static string NameOf(int startYear, int startMonth)
    {
        var end = new DateOnly(startYear, startMonth, 1).AddMonths(1);
        var first = RussianMonths.Nominative(startMonth);
        var second = RussianMonths.Nominative(end.Month);
        return end.Year == startYear
            ? string.Create(CultureInfo.InvariantCulture, $"{first}-{second} {startYear}")
            : string.Create(CultureInfo.InvariantCulture, $"{first} {startYear}-{second} {end.Year}");
    }

    /// <summary>What the period lists show: «(ПЕРИОД ЗАКРЫТ) октябрь-ноябрь 2018» once closed.</summary>
    public string DisplayName => IsClosed ? $"(ПЕРИОД ЗАКРЫТ) {Name}" : Name;

    /// <summary>For document titles: «в январе-феврале 2026 г.», «в декабре 2025-январе 2026 г.».</summary>
    public string PrepositionalName
    {
        get
        {
            var end = EndDate;
            var first = RussianMonths.Prepositional(StartMonth);
            var second = RussianMonths.Prepositional(end.Month);
            return end.Year == StartYear
                ? string.Create(CultureInfo.InvariantCulture, $"в {first}-{second} {StartYear} г.")
                : string.Create(CultureInfo.InvariantCulture, $"в {first} {StartYear}-{second} {end.Year} г.");
        }
    }

    public bool Contains(DateOnly date) => date >= StartDate && date <= EndDate;

    /// <summary>
    /// Whether an application may be put into the period now. The closing time is checked here as well as by the
    /// automatic job, so a job that runs late cannot leave a gap after midnight of the 13th. A reopening by the
    /// operator after that moment keeps the period open until he closes it again.
    /// </summary>
    public bool IsOpenForScheduling(DateTimeOffset now, TimeZoneInfo zone) =>
        !IsClosed && (!PeriodCalendar.ShouldBeClosed(this, now, zone) || WasReopenedAfterClosingTime(zone));

    public void Close(Guid by, DateTimeOffset now, string? reason)
    {
        if (by == Guid.Empty)
        {
            throw new ArgumentException("Closing by hand needs the operator's id.", nameof(by));
        }

        CloseCore(by, now, Text.Optional(reason, "Причина закрытия", ReasonMaxLength));
    }

    /// <summary>Closes the period if its schedule deadline has passed; returns whether it did.</summary>
    public bool CloseAutomaticallyIfDue(DateTimeOffset now, TimeZoneInfo zone)
    {
        if (IsClosed || !PeriodCalendar.ShouldBeClosed(this, now, zone) || WasReopenedAfterClosingTime(zone))
        {
            return false;
        }

        CloseCore(null, now, $"Закрыт автоматически: график формируется до {PeriodCalendar.ScheduleDeadlineDay} числа включительно.");
        return true;
    }

    public void Reopen(Guid by, DateTimeOffset now, string reason)
    {
        if (by == Guid.Empty)
        {
            throw new ArgumentException("Reopening needs the operator's id.", nameof(by));
        }

        if (!IsClosed)
        {
            throw new DomainException($"Период «{Name}» не закрыт.");
        }

        ReopenReason = Text.Required(reason, "Причина открытия периода", ReasonMaxLength);
        IsClosed = false;
        ReopenedAt = Instant.Utc(now);
        ReopenedBy = by;
        ClosedAt = null;
        ClosedBy = null;
        CloseReason = null;
        _events.Add(new PeriodEvent(Id, ReopenedAt.Value, by, PeriodEventKind.Reopened, $"Период «{Name}» открыт", ReopenReason));
    }

    /// <summary>
    /// The operator's approval of one municipality's schedule for the period, as part of the consolidated schedule
    /// («сводный график»). Only once the period is closed for scheduling: before that the coordinators are still
    /// building it. Recorded in the period's history; the caller saves the approval (one per municipality).
    /// </summary>
    public ScheduleApproval ApproveSchedule(int municipalityId, string municipalityName, Guid by, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (IsOpenForScheduling(now, zone))
        {
            throw new DomainException(
                $"Период «{Name}» ещё открыт: график формируется до {PeriodCalendar.ScheduleDeadlineDay} числа включительно. Утвердить график можно после закрытия периода.");
        }

        var approval = new ScheduleApproval(Id, municipalityId, by, now);
        _events.Add(new PeriodEvent(Id, approval.ApprovedAt, by, PeriodEventKind.ScheduleApproved,
            $"Утверждён график муниципального образования «{Text.Required(municipalityName, "Муниципальное образование", Directory.Municipality.NameMaxLength)}»", null));
        return approval;
    }

    /// <summary>The period's history: every closing and reopening and every approved municipal schedule, with who and why.</summary>
    public IReadOnlyList<PeriodEvent> Events => _events;

    public override string ToString() => Name;

    private void CloseCore(Guid? by, DateTimeOffset now, string? reason)
    {
        if (IsClosed)
        {
            throw new DomainException($"Период «{Name}» уже закрыт.");
        }

        IsClosed = true;
        ClosedAt = Instant.Utc(now);
        ClosedBy = by;
        CloseReason = reason;
        _events.Add(new PeriodEvent(Id, ClosedAt.Value, by,
            by is null ? PeriodEventKind.ClosedAutomatically : PeriodEventKind.Closed,
            by is null ? $"Период «{Name}» закрыт автоматически" : $"Период «{Name}» закрыт оператором", reason));
    }

    private bool WasReopenedAfterClosingTime(TimeZoneInfo zone) =>
        ReopenedAt is { } reopenedAt && reopenedAt >= PeriodCalendar.ClosingTime(this, zone);
}
