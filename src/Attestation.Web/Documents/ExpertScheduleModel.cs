using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Web.Areas.Expert.Pages;

namespace Attestation.Web.Documents;

/// <summary>One attestee of the expert's individual schedule.</summary>
/// <param name="SecondExpert">«Орлова Ирина Олеговна, учитель математики, МАОУ лицей № 8»; null while there is none.</param>
/// <param name="SchoolCoordinators">Whom to call about the visits and the materials.</param>
public sealed record ExpertScheduleRow(
    int Number,
    string FullName,
    bool WithdrawalPending,
    string PositionAndWorkplace,
    string ClaimedCategory,
    string Form,
    string? SecondExpert,
    IReadOnlyList<CoordinatorContact> SchoolCoordinators);

/// <summary>A step of the procedure (seed 000) with its date for the period.</summary>
/// <param name="AppliesTo">«при очной форме», «№ 1, 3», or null when the step is everyone's.</param>
public sealed record ExpertScheduleStep(DateOnly DueBy, string Text, string? Note, string? AppliesTo);

/// <summary>The steps of one stretch of the procedure: before the period, its first month, its second month.</summary>
public sealed record ExpertScheduleStage(string Title, IReadOnlyList<ExpertScheduleStep> Steps);

/// <summary>
/// «Индивидуальный график проведения аттестации» of an expert for one period, as the expert's cabinet shows it (the
/// rows of <see cref="IndexModel"/>, which only ever holds the expert's own approved assignments): his attestees with
/// their work, claim and form, the second expert, the school coordinators to call, and the dates of the procedure of
/// «Процедурные мероприятия» (seed 000) as <see cref="ExpertProcedure"/> computes them for each attestee.
/// </summary>
public sealed record ExpertScheduleModel
{
    public const string Title = "Индивидуальный график проведения аттестации";

    public const string PendingWithdrawal = "подано заявление на отзыв";

    public const string NotAssigned = "не назначен";

    public const string StepsTitle = "Процедурные мероприятия и сроки";

    public static IReadOnlyList<string> Columns { get; } =
    [
        "№ п/п",
        "Фамилия Имя Отчество аттестуемого",
        "Занимаемая должность, место работы",
        "Заявленная кв. категория",
        "Форма аттестации (очно/дистанционно)",
        "Второй специалист: Ф.И.О. (полностью), должность, место работы",
        "Координатор по аттестации в ОО",
    ];

    /// <summary>«Фёдоров Алексей Николаевич, учитель математики, МАОУ гимназия № 6».</summary>
    public required string Expert { get; init; }

    /// <summary>«январь-февраль 2027».</summary>
    public required string PeriodName { get; init; }

    /// <summary>«в январе-феврале 2027 г.».</summary>
    public required string PeriodPrepositional { get; init; }

    public required DateOnly StartDate { get; init; }

    public required DateOnly EndDate { get; init; }

    public required IReadOnlyList<ExpertScheduleRow> Rows { get; init; }

    public required IReadOnlyList<ExpertScheduleStage> Stages { get; init; }

    /// <summary>«Индивидуальный график проведения аттестации педагогических работников в целях установления квалификационной категории в январе-феврале 2027 г.».</summary>
    public string FullTitle =>
        $"{Title} педагогических работников в целях установления квалификационной категории {PeriodPrepositional}";

    public string ExpertLine => $"Специалист по аттестации: {Expert}";

    /// <summary>«Период аттестации: январь-февраль 2027, с 01.01.2027 по 28.02.2027».</summary>
    public string PeriodLine =>
        $"Период аттестации: {PeriodName}, с {DocumentText.Date(StartDate)} по {DocumentText.Date(EndDate)}";

    /// <summary>Without the extension: «Индивидуальный график проведения аттестации — январь-февраль 2027 — Фёдоров Алексей Николаевич».</summary>
    public string FileName => $"{Title} — {PeriodName} — {Expert.Split(',')[0]}";

    /// <summary>«до 20.01.2027 — Изучить материалы аттестуемого (при очной форме).», a step on one line (Excel).</summary>
    public static string StepLine(ExpertScheduleStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return $"до {DocumentText.Date(step.DueBy)} — {step.Text}"
            + (step.AppliesTo is { } applies ? $" ({applies})" : "") + "."
            + (step.Note is { } note ? $" {note}" : "");
    }

    /// <summary>«Иванова Марина Петровна, +7 (3822) 12-34-56, ivanova@school.example»: a contact on one line.</summary>
    public static string ContactLine(CoordinatorContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return string.Join(", ", new[] { contact.FullName, contact.Phone, contact.Email }.Where(part => part is not null));
    }

    public static ExpertScheduleModel From(string expert, IndexModel.PeriodGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var period = group.Period;
        var rows = group.Rows.Select((row, index) => new ExpertScheduleRow(
                index + 1,
                row.Teacher,
                row.WithdrawalPending,
                row.PositionAndWorkplace,
                row.Claimed?.ToRussian() ?? "",
                row.Form?.ToRussian() ?? "",
                row.OtherExpert?.WithWork,
                row.Coordinators))
            .ToList();
        return new ExpertScheduleModel
        {
            Expert = expert,
            PeriodName = period.Name,
            PeriodPrepositional = period.PrepositionalName,
            StartDate = period.StartDate,
            EndDate = period.EndDate,
            Rows = rows,
            Stages = StagesOf(group),
        };
    }

    /// <summary>
    /// Each attestee's steps (they differ by form and by municipality: visits only in person, the subject group leader
    /// only in Tomsk and Seversk), merged: a step that is not everyone's says whose it is.
    /// </summary>
    private static List<ExpertScheduleStage> StagesOf(IndexModel.PeriodGroup group)
    {
        var period = group.Period;
        var perRow = group.Rows
            .Select((row, index) => new RowSteps(index + 1, row.Form, ExpertProcedure.For(period, row.Form, row.HandsConclusionsToSubjectGroup)))
            .ToList();
        // The procedure's own order: the in-person steps, then the distance form's own.
        var order = ExpertProcedure.For(period, AttestationForm.InPerson, handsConclusionsToSubjectGroup: true)
            .Concat(ExpertProcedure.For(period, AttestationForm.Distance, handsConclusionsToSubjectGroup: true))
            .Select(step => step.Code)
            .Distinct()
            .ToList();

        return perRow
            .SelectMany(row => row.Steps)
            .GroupBy(step => step.Code)
            .Select(steps => steps.First())
            .OrderBy(step => step.Stage).ThenBy(step => order.IndexOf(step.Code))
            .GroupBy(step => step.Stage)
            .Select(stage => new ExpertScheduleStage(
                ExpertProcedure.StageTitle(stage.Key),
                stage.Select(step => new ExpertScheduleStep(
                        step.DueBy,
                        step.Text,
                        // The automatic step's note speaks of a tick on the page, which paper has not.
                        step.IsAutomatic ? null : step.Note,
                        AppliesTo(perRow.Where(row => row.Steps.Any(s => s.Code == step.Code)).ToList(), perRow)))
                    .ToList()))
            .ToList();
    }

    private static string? AppliesTo(List<RowSteps> having, List<RowSteps> all)
    {
        if (having.Count == all.Count)
            return null;
        var forms = having.Select(row => row.Form).Distinct().ToList();
        if (forms is [{ } form] && all.Where(row => row.Form == form).All(having.Contains))
            return form == AttestationForm.Distance ? "при дистанционной форме" : "при очной форме";
        return "№ " + string.Join(", ", having.Select(row => row.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private sealed record RowSteps(int Number, AttestationForm? Form, IReadOnlyList<ProcedureStep> Steps);
}
