namespace Attestation.Domain.Applications;

/// <summary>«Причина отзыва заявления». Values are stored; do not renumber.</summary>
public enum WithdrawalReason
{
    /// <summary>«увольнение».</summary>
    Dismissal = 0,

    /// <summary>«по состоянию здоровья».</summary>
    Health = 1,

    /// <summary>«иное»: the text says what.</summary>
    Other = 2,
}
