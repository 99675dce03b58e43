using Attestation.Domain.Applications;
using Attestation.Domain.Periods;

namespace Attestation.Web.Areas.Expert.Pages;

/// <summary>When a step of the procedure is done: the seed groups them by these three stretches of time.</summary>
public enum ProcedureStage
{
    /// <summary>«Не менее чем за 14 дней до начала срока проведения аттестации».</summary>
    Preparation = 0,

    /// <summary>«В период проведения аттестации (в первый календарный месяц)».</summary>
    FirstMonth = 1,

    /// <summary>«В период проведения аттестации (во второй календарный месяц)».</summary>
    SecondMonth = 2,
}

/// <summary>One step of the expert's procedure for one attestee, with the date it is due in this period.</summary>
/// <param name="Code">Kept in <c>ExpertChecklistTick.Step</c>: never rename a code once ticks exist.</param>
/// <param name="IsAutomatic">Done by the portal itself (the conclusion upload), so it is not ticked by hand.</param>
public sealed record ProcedureStep(
    string Code,
    ProcedureStage Stage,
    string Text,
    DateOnly DueBy,
    string? Note = null,
    bool IsAutomatic = false);

/// <summary>
/// «Процедурные мероприятия при проведении аттестации педагогических работников» (seed 000, ТОИПКРО) as a checklist:
/// the steps that apply to the attestee's form and municipality, each with its date for the period.
/// </summary>
public static class ExpertProcedure
{
    public const string StudySchedule = "study-schedule";
    public const string AgreeVisitDates = "agree-visit-dates";
    public const string InformOrganisation = "inform-organisation";
    public const string RequestMaterials = "request-materials";
    public const string CheckDistanceMaterials = "check-distance-materials";
    public const string StudyMaterials = "study-materials";
    public const string AssessResults = "assess-results";
    public const string PrepareConclusion = "prepare-conclusion";
    public const string AcquaintTeacher = "acquaint-teacher";
    public const string OriginalToOrganisation = "original-to-organisation";
    public const string CopyToSubjectGroup = "copy-to-subject-group";
    public const string UploadConclusion = "upload-conclusion";

    /// <param name="handsConclusionsToSubjectGroup">The municipality's setting: г. Томск and ЗАТО Северск.</param>
    public static IReadOnlyList<ProcedureStep> For(AttestationPeriod period, AttestationForm? form, bool handsConclusionsToSubjectGroup)
    {
        ArgumentNullException.ThrowIfNull(period);
        var deadlines = PeriodCalendar.Deadlines(period, handsConclusionsToSubjectGroup);
        var inPerson = form != AttestationForm.Distance;
        var firstMonthEnd = period.StartDate.AddMonths(1).AddDays(-1);
        var prepareBy = deadlines.ExpertPreparationBy;

        var steps = new List<ProcedureStep>
        {
            new(StudySchedule, ProcedureStage.Preparation,
                "Изучить индивидуальный график проведения аттестации", prepareBy,
                $"График доступен в личном кабинете специалиста с {Date(deadlines.ExpertScheduleVisibleFrom)}."),
        };
        if (inPerson)
        {
            steps.Add(new(AgreeVisitDates, ProcedureStage.Preparation,
                "Согласовать с аттестуемым даты встречи и посещения его практической деятельности", prepareBy));
            steps.Add(new(InformOrganisation, ProcedureStage.Preparation,
                "Сообщить руководителю образовательной организации (ответственному за аттестацию) о дате проведения процедурных мероприятий",
                prepareBy));
        }

        steps.Add(new(RequestMaterials, ProcedureStage.Preparation,
            "Запросить материалы о результатах профессиональной деятельности, которые не найдены на официальных ресурсах, указанных в заявлении",
            prepareBy));
        if (!inPerson)
        {
            steps.Add(new(CheckDistanceMaterials, ProcedureStage.Preparation,
                "Убедиться, что результаты профессиональной деятельности и записи двух уроков (занятий, мероприятий) размещены",
                period.StartDate,
                "При дистанционной форме материалы размещаются не позднее даты начала аттестации по графику."));
        }

        steps.Add(new(StudyMaterials, ProcedureStage.FirstMonth,
            "Изучить информацию о результатах профессиональной деятельности аттестуемого, в том числе по указанным в заявлении ссылкам",
            firstMonthEnd));
        steps.Add(new(AssessResults, ProcedureStage.FirstMonth,
            "На основе анализа материалов установить соответствие результатов профессиональной деятельности пунктам 36 и 37 Порядка",
            firstMonthEnd));
        steps.Add(new(PrepareConclusion, ProcedureStage.FirstMonth,
            "Подготовить итоговое заключение", firstMonthEnd,
            "Шаблон с данными аттестуемого и специалистов — на странице «Итоговое заключение»."));
        steps.Add(new(AcquaintTeacher, ProcedureStage.FirstMonth,
            "Ознакомить аттестуемого с итоговым заключением (под роспись)", firstMonthEnd));
        steps.Add(new(OriginalToOrganisation, ProcedureStage.FirstMonth,
            "Передать оригинал итогового заключения, подписанного аттестуемым и двумя специалистами, на хранение в образовательную организацию (личное дело)",
            firstMonthEnd));

        if (inPerson && deadlines.ConclusionToSubjectGroupBy is { } toSubjectGroup)
        {
            steps.Add(new(CopyToSubjectGroup, ProcedureStage.SecondMonth,
                "Сдать второй экземпляр итогового заключения руководителю предметной группы", toSubjectGroup,
                $"Руководитель предметной группы сдаёт его муниципальному координатору до {Date(deadlines.ConclusionToCoordinatorBy)}."));
        }

        steps.Add(new(UploadConclusion, ProcedureStage.SecondMonth,
            "Разместить в системе «Аттестация» скан итогового заключения, подписанного аттестуемым и двумя специалистами, с рекомендацией",
            deadlines.ConclusionUploadedBy,
            "Отмечается автоматически, когда заключение прикреплено на странице «Итоговое заключение».",
            IsAutomatic: true));
        return steps;
    }

    public static string StageTitle(ProcedureStage stage) => stage switch
    {
        ProcedureStage.Preparation => "Не менее чем за 14 дней до начала срока проведения аттестации",
        ProcedureStage.FirstMonth => "В период проведения аттестации (в первый календарный месяц)",
        ProcedureStage.SecondMonth => "В период проведения аттестации (во второй календарный месяц)",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    private static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
