namespace Attestation.Domain.Applications;

/// <summary>
/// «Заявление на отзыв», filed by the teacher or by the municipal coordinator on the teacher's behalf (then with the
/// signed scan attached) and registered by the municipal coordinator. Owned by the application.
/// </summary>
public sealed class Withdrawal
{
    public const int ReasonTextMaxLength = 1000;

    internal Withdrawal(
        WithdrawalReason reasonKind,
        string? reasonText,
        bool byCoordinator,
        Guid? documentFileId,
        ApplicationStatus statusWhenFiled,
        Guid filedBy,
        DateTimeOffset filedAt)
    {
        ReasonKind = reasonKind;
        ReasonText = reasonText;
        ByCoordinator = byCoordinator;
        DocumentFileId = documentFileId;
        StatusWhenFiled = statusWhenFiled;
        FiledBy = filedBy;
        FiledAt = filedAt;
    }

    private Withdrawal()
    {
    }

    public WithdrawalReason ReasonKind { get; private set; }

    public string? ReasonText { get; private set; }

    public bool ByCoordinator { get; private set; }

    /// <summary>The signed withdrawal document's scan.</summary>
    public Guid? DocumentFileId { get; private set; }

    public ApplicationStatus StatusWhenFiled { get; private set; }

    public Guid FiledBy { get; private set; }

    public DateTimeOffset FiledAt { get; private set; }

    public DateTimeOffset? RegisteredAt { get; private set; }

    public Guid? RegisteredBy { get; private set; }

    /// <summary>The period the application was in when the withdrawal was registered; the application itself leaves it.</summary>
    public Guid? PeriodId { get; private set; }

    public bool IsRegistered => RegisteredAt is not null;

    /// <summary>The «Причина отзыва заявления» column of the withdrawal journal.</summary>
    public string ReasonDisplay => Describe(ReasonKind, ReasonText);

    /// <summary>The reason as the journal writes it, from its two columns (a journal reads them without the application).</summary>
    public static string Describe(WithdrawalReason kind, string? text) => (kind, text) switch
    {
        (WithdrawalReason.Other, { } other) => other,
        (_, null) => kind.ToRussian(),
        (_, { } details) => $"{kind.ToRussian()}: {details}",
    };

    internal void Register(Guid registeredBy, DateTimeOffset registeredAt, Guid? periodId)
    {
        RegisteredBy = registeredBy;
        RegisteredAt = registeredAt;
        PeriodId = periodId;
    }
}
