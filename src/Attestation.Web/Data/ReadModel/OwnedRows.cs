using Attestation.Domain.Applications;

namespace Attestation.Web.Data.ReadModel;

// The parts of an application the lists read, as plain values: EF Core materialises an owned entity in a projection
// through a delegate it creates for every row (≈1 ms per 50 rows); these are read column by column instead.

/// <summary>The expert's conclusion of an <see cref="ApplicationRow"/> (<see cref="Conclusion"/>).</summary>
public sealed record ConclusionRow
{
    public Guid FileId { get; init; }
    public Conformity Recommendation { get; init; }
    public string? Comment { get; init; }
    public Guid UploadedBy { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
    public Guid? SignedFileId { get; init; }
    public DateTimeOffset? SignedAt { get; init; }
    public Guid? SignedBy { get; init; }

    /// <summary>The signed conclusion is uploaded (<see cref="Conclusion.IsSigned"/>).</summary>
    public bool IsSigned => SignedFileId is not null;
}

/// <summary>The commission's decision of an <see cref="ApplicationRow"/> (<see cref="CommissionDecision"/>).</summary>
public sealed record DecisionRow
{
    public DateOnly MeetingDate { get; init; }
    public string ProtocolNumber { get; init; } = "";
    public DecisionOutcome Outcome { get; init; }
    public string? OrderNumber { get; init; }
    public DateOnly? OrderDate { get; init; }
}

/// <summary>The withdrawal of an <see cref="ApplicationRow"/> (<see cref="Withdrawal"/>).</summary>
public sealed record WithdrawalRow
{
    public WithdrawalReason ReasonKind { get; init; }
    public string? ReasonText { get; init; }
    public bool ByCoordinator { get; init; }
    public Guid? DocumentFileId { get; init; }
    public ApplicationStatus StatusWhenFiled { get; init; }
    public Guid FiledBy { get; init; }
    public DateTimeOffset FiledAt { get; init; }
    public DateTimeOffset? RegisteredAt { get; init; }
    public Guid? RegisteredBy { get; init; }
    public Guid? PeriodId { get; init; }

    public bool IsRegistered => RegisteredAt is not null;

    /// <summary>The reason as the journals print it (<see cref="Withdrawal.Describe"/>).</summary>
    public string ReasonDisplay => Withdrawal.Describe(ReasonKind, ReasonText);
}
