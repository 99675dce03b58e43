namespace Attestation.Domain.Applications;

/// <summary>
/// The regional attestation commission's decision (meeting date, protocol) and the regional department's order
/// («распоряжение») that sets the category. The order usually comes days after the meeting, so it may be recorded later.
/// </summary>
public sealed class CommissionDecision
{
    public const int ProtocolNumberMaxLength = 50;
    public const int OrderNumberMaxLength = 100;

    public CommissionDecision(
        DateOnly meetingDate,
        string protocolNumber,
        DecisionOutcome outcome,
        string? orderNumber = null,
        DateOnly? orderDate = null)
    {
        MeetingDate = meetingDate;
        ProtocolNumber = Text.Required(protocolNumber, "Номер протокола", ProtocolNumberMaxLength);
        Outcome = outcome;
        (OrderNumber, OrderDate) = CheckOrder(Text.Optional(orderNumber, "Номер распоряжения", OrderNumberMaxLength), orderDate, meetingDate);
    }

    private CommissionDecision()
    {
        ProtocolNumber = string.Empty;
    }

    public DateOnly MeetingDate { get; private set; }

    public string ProtocolNumber { get; private set; }

    public DecisionOutcome Outcome { get; private set; }

    public string? OrderNumber { get; private set; }

    public DateOnly? OrderDate { get; private set; }

    internal CommissionDecision Copy() => new(MeetingDate, ProtocolNumber, Outcome, OrderNumber, OrderDate);

    internal void RecordOrder(string orderNumber, DateOnly orderDate) =>
        (OrderNumber, OrderDate) = CheckOrder(Text.Required(orderNumber, "Номер распоряжения", OrderNumberMaxLength), orderDate, MeetingDate);

    private static (string? Number, DateOnly? Date) CheckOrder(string? number, DateOnly? date, DateOnly meetingDate)
    {
        if ((number is null) != (date is null))
        {
            throw new DomainException("Укажите и номер, и дату распоряжения.");
        }

        if (date < meetingDate)
        {
            throw new DomainException("Распоряжение не может быть издано раньше заседания аттестационной комиссии.");
        }

        return (number, date);
    }
}
