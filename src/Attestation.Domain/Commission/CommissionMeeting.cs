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

    /// <summary>Records the commission's decision on one application and applies it to the application.</summary>
    public void Decide(Application application, DecisionOutcome outcome, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(application);
        var item = _items.Find(i => i.ApplicationId == application.Id)
            ?? throw new DomainException("Заявление не включено в это заседание.");
        application.Decide(new CommissionDecision(MeetingDate, ProtocolNumber, outcome, OrderNumber, OrderDate), by, now);
        item.Record(outcome);
    }

    /// <summary>The order comes days after the meeting; recording it completes every decided application.</summary>
    public void RecordOrder(string orderNumber, DateOnly orderDate)
    {
        if (orderDate < MeetingDate)
        {
            throw new DomainException("Дата распоряжения не может быть раньше даты заседания.");
        }

        OrderNumber = Text.Required(orderNumber, "Номер распоряжения", OrderNumberMaxLength);
        OrderDate = orderDate;
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
