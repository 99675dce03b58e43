using Attestation.Domain.Applications;

namespace Attestation.Domain.Commission;

/// <summary>
/// «Заседание аттестационной комиссии»: a date and a protocol number, the verified applications put before it, the
/// decision on each, and later the regional department's order («распоряжение») that sets the categories.
/// </summary>
public sealed class CommissionMeeting
{
    public const int ProtocolNumberMaxLength = CommissionDecision.ProtocolNumberMaxLength;
    public const int OrderNumberMaxLength = CommissionDecision.OrderNumberMaxLength;

    private readonly List<MeetingItem> _items = [];

    public CommissionMeeting(DateOnly meetingDate, string protocolNumber, Guid createdBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        MeetingDate = meetingDate;
        ProtocolNumber = Text.Required(protocolNumber, "Номер протокола", ProtocolNumberMaxLength);
        CreatedBy = createdBy;
        CreatedAt = Instant.Utc(now);
    }

    private CommissionMeeting()
    {
        ProtocolNumber = string.Empty;
    }

    public Guid Id { get; private set; }

    public DateOnly MeetingDate { get; private set; }

    public string ProtocolNumber { get; private set; }

    public string? OrderNumber { get; private set; }

    public DateOnly? OrderDate { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<MeetingItem> Items => _items;

    public bool HasOrder => OrderNumber is not null;

    /// <summary>Puts a verified application before the commission; an application sits in one meeting only once.</summary>
    public MeetingItem Add(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        EnsureNoOrder("включить заявление в заседание");
        if (application.Status != ApplicationStatus.Verified)
        {
            throw new DomainException(
                $"На заседание включаются только проверенные координатором заявления; статус заявления «{application.Status.ToShortRussian()}».");
        }

        if (_items.Exists(i => i.ApplicationId == application.Id))
        {
            throw new DomainException("Заявление уже включено в это заседание.");
        }

        var item = new MeetingItem(Id, application.Id);
        _items.Add(item);
        return item;
    }

    /// <summary>Takes an application off the list (put there by mistake, or not ready); a decided one stays.</summary>
    public void Remove(Guid applicationId)
    {
        EnsureNoOrder("исключить заявление из заседания");
        var item = _items.Find(i => i.ApplicationId == applicationId)
            ?? throw new DomainException("Заявление не включено в это заседание.");
        if (item.Outcome is not null)
        {
            throw new DomainException("По заявлению уже принято решение комиссии: исключить его из заседания нельзя.");
        }

        _items.Remove(item);
    }

    /// <summary>
    /// Records the commission's decision on one application and applies it to the application; not before the day of
    /// the meeting (a decision recorded ahead tells the teacher of a meeting that has not taken place).
    /// </summary>
    public void Decide(Application application, DecisionOutcome outcome, Actor by, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(application);
        EnsureNoOrder("записать решение комиссии");
        if (RegionClock.Today(now, zone) < MeetingDate)
        {
            throw new DomainException(
                $"Заседание назначено на {Text.Date(MeetingDate)}: решение комиссии можно записать в день заседания или позже.");
        }

        var item = _items.Find(i => i.ApplicationId == application.Id)
            ?? throw new DomainException("Заявление не включено в это заседание.");
        application.Decide(new CommissionDecision(MeetingDate, ProtocolNumber, outcome, OrderNumber, OrderDate), by, now);
        item.Record(outcome);
    }

    /// <summary>
    /// The order comes days after the meeting and covers every application on its list, so each must be decided (or
    /// taken off the list) first; once recorded, the meeting's list and decisions are final.
    /// </summary>
    /// <param name="today">The region's date: an order is recorded once signed, so it is not dated later.</param>
    public void RecordOrder(string orderNumber, DateOnly orderDate, DateOnly today)
    {
        EnsureNoOrder("записать распоряжение");
        var undecided = _items.Count(i => i.Outcome is null);
        if (undecided > 0)
        {
            throw new DomainException(
                $"Не по всем заявлениям заседания принято решение (без решения: {undecided}): примите решение или исключите заявление из заседания.");
        }

        if (orderDate < MeetingDate)
        {
            throw new DomainException("Дата распоряжения не может быть раньше даты заседания.");
        }

        if (orderDate > today)
        {
            throw new DomainException($"Дата распоряжения не может быть позже сегодняшнего дня ({Text.Date(today)}).");
        }

        OrderNumber = Text.Required(orderNumber, "Номер распоряжения", OrderNumberMaxLength);
        OrderDate = orderDate;
    }

    private void EnsureNoOrder(string action)
    {
        if (HasOrder)
        {
            throw new DomainException(
                $"Нельзя {action}: распоряжение № {OrderNumber} от {Text.Date(OrderDate!.Value)} по этому заседанию уже записано.");
        }
    }
}

/// <summary>One application on a meeting's list, with the decision once taken.</summary>
public sealed class MeetingItem
{
    internal MeetingItem(Guid meetingId, Guid applicationId)
    {
        Id = Guid.CreateVersion7();
        MeetingId = meetingId;
        ApplicationId = applicationId;
    }

    private MeetingItem()
    {
    }

    public Guid Id { get; private set; }

    public Guid MeetingId { get; private set; }

    public Guid ApplicationId { get; private set; }

    public DecisionOutcome? Outcome { get; private set; }

    internal void Record(DecisionOutcome outcome) => Outcome = outcome;
}
