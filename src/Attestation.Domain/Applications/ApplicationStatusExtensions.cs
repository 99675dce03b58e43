namespace Attestation.Domain.Applications;

public static class ApplicationStatusExtensions
{
    /// <summary>The texts the teachers know from the status column of their cabinet.</summary>
    public static string ToRussian(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "Черновик",
        ApplicationStatus.Submitted => "Подано",
        ApplicationStatus.Registered => "Заявление о проведении аттестации зарегистрировано",
        ApplicationStatus.Rejected => "Заявление отклонено",
        ApplicationStatus.Scheduled => "Назначены период и эксперты",
        ApplicationStatus.ConclusionUploaded => "Прикреплено итоговое заключение",
        ApplicationStatus.ConclusionSigned => "Итоговое заключение подписано",
        ApplicationStatus.Verified => "Проверено координатором",
        ApplicationStatus.Decided => "Решение принято",
        ApplicationStatus.Withdrawn => "Заявление отозвано",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Labels for list columns and filters.</summary>
    public static string ToShortRussian(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "Черновик",
        ApplicationStatus.Submitted => "Подано",
        ApplicationStatus.Registered => "Зарегистрировано",
        ApplicationStatus.Rejected => "Отклонено",
        ApplicationStatus.Scheduled => "В графике",
        ApplicationStatus.ConclusionUploaded => "Заключение прикреплено",
        ApplicationStatus.ConclusionSigned => "Заключение подписано",
        ApplicationStatus.Verified => "Проверено",
        ApplicationStatus.Decided => "Решение принято",
        ApplicationStatus.Withdrawn => "Отозвано",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>
    /// Submitted and not finished: what «another open application of the same teacher» counts. A draft is not yet an
    /// application, and a rejected one is back with the teacher.
    /// </summary>
    public static bool IsInProgress(this ApplicationStatus status) => ApplicationRules.InProgress.Contains(status);

    /// <summary>States a withdrawal can be filed from: submitted and not yet decided (<see cref="ApplicationRules"/>).</summary>
    public static bool CanBeWithdrawn(this ApplicationStatus status) =>
        ApplicationRules.StatusesFor(ApplicationAction.FileWithdrawal).Contains(status);

    public static bool IsFinal(this ApplicationStatus status) => ApplicationRules.Final.Contains(status);
}
