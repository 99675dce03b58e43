using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;

namespace Attestation.Web.Notifications;

/// <summary>
/// The letters a teacher gets when the municipal coordinator (or an expert, or the operator) acts on his application. «Статус заявления смотрят не
/// все!» (the coordinator's manual): the rejection in particular must reach the teacher by mail, with the reason.
/// Each letter is queued in the caller's DbContext (<see cref="Outbox"/>) and saved with the change it tells about; the
/// teacher's list in the portal gets the same news. The answer is false when the teacher has no address to write to.
/// </summary>
public sealed class ApplicationEmails(LetterComposer letters, LinkGenerator routes)
{
    public const string RegisteredSubject = "Заявление о проведении аттестации зарегистрировано";
    public const string RejectedSubject = "Заявление отклонено";
    public const string WithdrawalRegisteredSubject = "Заявление на отзыв зарегистрировано";
    public const string ReminderSubject = "Напоминание: заявление о проведении аттестации не подано";
    public const string ConclusionAttachedSubject = "Итоговое заключение прикреплено";
    public const string ScheduledSubject = "Назначены период аттестации и специалисты по аттестации";
    public const string DecisionSubject = "Решение аттестационной комиссии";
    public const string ConclusionVerifiedSubject = "Итоговое заключение проверено";
    public const string MeetingSetSubject = "Назначено заседание аттестационной комиссии";

    public bool QueueRegistered(Recipient teacher, string number, DateOnly registeredOn, Guid applicationId)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        var greeting = $"Здравствуйте, {teacher.FullName}!";
        var what = $"Ваше заявление о проведении аттестации зарегистрировано муниципальным координатором: № {number} от {registeredOn.ToRussianDate()}.";
        var next = "Координатор назначит период аттестации и двух специалистов по аттестации; когда это произойдёт, вы увидите их в личном кабинете.";
        return Queue(teacher, LetterKind.Registered, RegisteredSubject, TeacherApplication(applicationId), applicationId, "Открыть заявление", greeting, what, next);
    }

    public bool QueueRejected(Recipient teacher, DateOnly submittedOn, string reason, CoordinatorContact coordinator,
        Guid applicationId)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(coordinator);
        var greeting = $"Здравствуйте, {teacher.FullName}!";
        var what = $"Ваше заявление о проведении аттестации, поданное {submittedOn.ToRussianDate()}, отклонено муниципальным координатором.";
        var why = $"Причина отклонения:\n{reason}";
        var todo = "Что делать: откройте заявление в личном кабинете, исправьте то, что указано в причине (при необходимости " +
            "распечатайте, подпишите и прикрепите новый скан), и подайте заявление повторно. История заявления сохранится.";
        var contact = $"Если причина непонятна, свяжитесь с муниципальным координатором: {Contact(coordinator)}.";
        return Queue(teacher, LetterKind.Rejected, RejectedSubject, TeacherApplication(applicationId), applicationId, "Исправить заявление", greeting, what, why, todo, contact);
    }

    public bool QueueWithdrawalRegistered(Recipient teacher, DateOnly registeredOn, string reason, Guid applicationId)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        var greeting = $"Здравствуйте, {teacher.FullName}!";
        var what = $"Заявление на отзыв зарегистрировано муниципальным координатором {registeredOn.ToRussianDate()}: " +
            "ваше заявление о проведении аттестации отозвано и исключено из графика аттестации.";
        var why = $"Причина отзыва: {reason}.";
        var next = "Чтобы пройти аттестацию позже, подайте новое заявление в личном кабинете.";
        return Queue(teacher, LetterKind.WithdrawalRegistered, WithdrawalRegisteredSubject, TeacherApplication(applicationId), applicationId, "Открыть заявление", greeting, what, why, next);
    }

    /// <summary>
    /// «Вам пришло итоговое заключение» (the coordinator's manual). The recommendation is not in the letter: the teacher
    /// reads the conclusion itself in his cabinet, where he is signed in, and the recommendation is not the decision —
    /// the commission decides. <paramref name="signedByAll"/>: the conclusion came on paper with all three signatures, so
    /// nothing is left for the teacher to attach.
    /// </summary>
    public bool QueueConclusionAttached(Recipient teacher, string period, bool signedByAll, bool replaced, Guid applicationId)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        var greeting = $"Здравствуйте, {teacher.FullName}!";
        var what = replaced
            ? $"К вашему заявлению о проведении аттестации (период «{period}») прикреплено новое итоговое заключение специалистов по аттестации взамен прежнего."
            : $"К вашему заявлению о проведении аттестации (период «{period}») прикреплено итоговое заключение специалистов по аттестации.";
        var next = signedByAll
            ? "Заключение подписано вами и двумя специалистами и передано муниципальному координатору на проверку: " +
              "прикреплять подписанный экземпляр не нужно. Просмотреть заключение можно в личном кабинете."
            : "Необходимо его просмотреть в личном кабинете и в случае согласия распечатать и подписать его, а затем " +
              "прикрепить подписанный скан. После этого заключение проверит муниципальный координатор.";
        return Queue(teacher, LetterKind.ConclusionAttached, ConclusionAttachedSubject, TeacherApplication(applicationId), applicationId, "Открыть заявление", greeting, what, next);
    }

    /// <summary>The period and the two experts are in the schedule: the teacher learns who will come and when.</summary>
    public bool QueueScheduled(Recipient teacher, string periodText, IReadOnlyList<string> experts, bool changed,
        Guid applicationId)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(experts);
        var greeting = $"Здравствуйте, {teacher.FullName}!";
        // The period's name ends in «г.» («в январе-феврале 2027 г.»): that dot ends the sentence too.
        var when = periodText.EndsWith('.') ? periodText : periodText + ".";
        var what = changed
            ? $"В графике аттестации изменены сведения по вашему заявлению: аттестация пройдёт {when}"
            : $"Ваше заявление о проведении аттестации включено в график: аттестация пройдёт {when}";
        var who = $"Специалисты по аттестации: {string.Join("; ", experts)}.";
        var next = "Специалисты свяжутся с вами не позднее чем за 14 дней до начала периода, чтобы согласовать даты и, при " +
            "необходимости, запросить недостающие материалы. График утверждается оператором после 12 числа месяца, предшествующего периоду.";
        return Queue(teacher, LetterKind.Scheduled, ScheduledSubject, TeacherApplication(applicationId), applicationId, "Открыть заявление", greeting, what, who, next);
    }

    /// <summary>The commission's decision with the order that gives it effect.</summary>
    public bool QueueDecision(Recipient teacher, QualificationCategory claimed, CommissionDecision decision, Guid applicationId)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(decision);
        var established = decision.Outcome == DecisionOutcome.Established;
        var named = claimed is QualificationCategory.First or QualificationCategory.Highest;
        var outcome = (established, named) switch
        {
            (true, true) => $"установить {claimed.ToRussianAccusative()} квалификационную категорию",
            (true, false) => $"установить квалификационную категорию {claimed.ToRussianGenitive()}",
            (false, true) => $"отказать в установлении {claimed.ToRussianGenitive()} квалификационной категории",
            (false, false) => $"отказать в установлении квалификационной категории {claimed.ToRussianGenitive()}",
        };
        var greeting = $"Здравствуйте, {teacher.FullName}!";
        var what = $"Аттестационная комиссия на заседании {decision.MeetingDate.ToRussianDate()} (протокол № {decision.ProtocolNumber}) " +
            $"рассмотрела ваше заявление и приняла решение: {outcome}.";
        var order = decision.OrderNumber is null
            ? "Решение вступит в силу после издания распоряжения."
            : $"Распоряжение № {decision.OrderNumber} от {decision.OrderDate!.Value.ToRussianDate()}.";
        var next = established
            ? "Квалификационная категория добавлена в ваш профиль в личном кабинете; срок её действия не ограничен."
            : "Решение и историю заявления можно посмотреть в личном кабинете.";
        return Queue(teacher, LetterKind.Decision, DecisionSubject, TeacherApplication(applicationId), applicationId, "Открыть заявление", greeting, what, order, next);
    }

    /// <summary>The coordinator has checked the conclusion: the application goes to the commission.</summary>
    public bool QueueConclusionVerified(Recipient teacher, Conformity mark, Guid applicationId)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        var greeting = $"Здравствуйте, {teacher.FullName}!";
        var what = $"Муниципальный координатор проверил итоговое заключение по вашему заявлению о проведении аттестации: {mark.ToRussian()} " +
            "требованиям, предъявляемым к заявленной квалификационной категории.";
        var next = "Заявление будет рассмотрено на заседании аттестационной комиссии; о дате заседания вам сообщат отдельным письмом.";
        return Queue(teacher, LetterKind.ConclusionVerified, ConclusionVerifiedSubject, TeacherApplication(applicationId), applicationId,
            "Открыть заявление", greeting, what, next);
    }

    /// <summary>The application is on the list of a commission meeting: the teacher learns its date.</summary>
    public bool QueueMeetingSet(Recipient teacher, DateOnly meetingDate, Guid applicationId)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        var greeting = $"Здравствуйте, {teacher.FullName}!";
        var what = $"Ваше заявление о проведении аттестации включено в заседание аттестационной комиссии {meetingDate.ToRussianDate()}.";
        var next = "Присутствовать на заседании не нужно: о решении комиссии вам сообщат письмом, его можно будет увидеть и в личном кабинете.";
        return Queue(teacher, LetterKind.MeetingSet, MeetingSetSubject, TeacherApplication(applicationId), applicationId,
            "Открыть заявление", greeting, what, next);
    }

    public bool QueueSubmissionReminder(Recipient teacher, CoordinatorContact coordinator)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(coordinator);
        var greeting = $"Здравствуйте, {teacher.FullName}!";
        var what = "Вы зарегистрированы в электронной системе «Аттестация», но заявление о проведении аттестации ещё не подано.";
        var todo = "Заполните заявление в личном кабинете, распечатайте и подпишите его, прикрепите скан и нажмите «Подать». " +
            "Если срок действия вашей квалификационной категории истекает, подайте заявление не позднее чем за три месяца до его окончания.";
        var contact = $"Вопросы можно задать муниципальному координатору по аттестации: {Contact(coordinator)}.";
        return Queue(teacher, LetterKind.SubmissionReminder, ReminderSubject, TeacherHome(), null, "Перейти в личный кабинет", greeting, what, todo, contact);
    }

    private bool Queue(Recipient teacher, LetterKind kind, string subject, string path, Guid? applicationId, string linkText,
        params string[] paragraphs) =>
        letters.Queue(teacher, kind, subject, path, applicationId, linkText, paragraphs);

    private string TeacherApplication(Guid id) =>
        routes.GetPathByPage("/Applications/Details", values: new { area = AreaNames.Teacher, id })
        ?? throw new InvalidOperationException("No route to the teacher's application page.");

    private string TeacherHome() =>
        routes.GetPathByPage("/Index", values: new { area = AreaNames.Teacher })
        ?? throw new InvalidOperationException("No route to the teacher's home page.");

    private static string Contact(CoordinatorContact coordinator) =>
        string.Join(", ", new[]
        {
            coordinator.FullName,
            coordinator.WorkPhone is null ? null : $"тел. {coordinator.WorkPhone}",
            coordinator.Email,
        }.Where(part => !string.IsNullOrWhiteSpace(part)));
}
