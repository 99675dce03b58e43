using Attestation.Web.Authorization;
using Attestation.Web.Data;

namespace Attestation.Web.Notifications.Reminders;

/// <summary>A reminder the job sends: its key in the log, its letter, who gets it and how the settings page names it.</summary>
public sealed record ReminderKind(NotificationKind Kind, LetterKind Letter, string Role, string Title);

/// <summary>
/// Every reminder of the background job, each of which a person may switch off on «Настройки уведомлений». Event letters
/// (about one's own application, an invitation, a reset) are not reminders and always go.
/// </summary>
public static class ReminderKinds
{
    public static IReadOnlyList<ReminderKind> All { get; } =
    [
        new(NotificationKind.DraftReminder, LetterKind.DraftReminder, Roles.Teacher,
            "Черновик заявления не подан в течение 7 дней"),
        new(NotificationKind.CategoryExpiryReminder, LetterKind.CategoryExpiryReminder, Roles.Teacher,
            "Срок действия квалификационной категории истекает: заявление подаётся не позднее чем за 3 месяца"),
        new(NotificationKind.ConsiderationReminder, LetterKind.ConsiderationReminder, Roles.MunicipalCoordinator,
            "Через неделю истекает 30-дневный срок рассмотрения заявления"),
        new(NotificationKind.RegistrationReminder, LetterKind.RegistrationReminder, Roles.MunicipalCoordinator,
            "9 числа: заявления, которые нужно зарегистрировать до 11 числа"),
        new(NotificationKind.ScheduleReminder, LetterKind.ScheduleReminder, Roles.MunicipalCoordinator,
            "10 числа: график, который нужно сформировать до 12 числа (без периода, менее двух экспертов)"),
        new(NotificationKind.ExpertPreparationReminder, LetterKind.ExpertPreparationReminder, Roles.Expert,
            "За 14 дней до начала периода аттестации: подготовка и согласование дат с аттестуемыми"),
        new(NotificationKind.ConclusionReminder, LetterKind.ConclusionReminder, Roles.Expert,
            "10 числа второго месяца периода: итоговые заключения, которые нужно загрузить до 15 числа"),
        new(NotificationKind.SchedulesBehindReminder, LetterKind.SchedulesBehindReminder, Roles.Operator,
            "12 числа: муниципалитеты, не завершившие регистрацию и график"),
        new(NotificationKind.ConclusionsBehindReminder, LetterKind.ConclusionsBehindReminder, Roles.Operator,
            "15 числа второго месяца периода: муниципалитеты, не загрузившие итоговые заключения"),
    ];

    public static IReadOnlyList<ReminderKind> For(string? role) => All.Where(k => k.Role == role).ToList();

    public static ReminderKind Of(NotificationKind kind) =>
        All.SingleOrDefault(k => k.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a reminder.");
}
