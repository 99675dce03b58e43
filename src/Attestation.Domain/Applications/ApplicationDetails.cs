using Attestation.Domain.Categories;

namespace Attestation.Domain.Applications;

/// <summary>
/// Everything the teacher (or the school coordinator on his behalf) fills in on the application form. Passed whole to
/// <see cref="Application.UpdateDraft"/>; <see cref="From"/> prefills the form.
/// </summary>
public sealed record ApplicationDetails
{
    public required string LastName { get; init; }

    public required string FirstName { get; init; }

    public string? MiddleName { get; init; }

    public required int MunicipalityId { get; init; }

    public required int OrganisationId { get; init; }

    public required int PositionId { get; init; }

    public int? SubjectId { get; init; }

    /// <summary>«Имеющаяся (имевшаяся, в случае истечения срока действия) квалификационная категория».</summary>
    public QualificationCategory CurrentCategory { get; init; }

    /// <summary>Legacy categories only.</summary>
    public DateOnly? CurrentCategoryExpiresOn { get; init; }

    public string? CurrentCategoryDecisionNumber { get; init; }

    public DateOnly? CurrentCategoryDecisionDate { get; init; }

    public QualificationCategory? ClaimedCategory { get; init; }

    public AttestationForm? Form { get; init; }

    /// <summary>«Основания для прохождения аттестации по упрощенной форме»; empty for general grounds.</summary>
    public string? SimplifiedGrounds { get; init; }

    public string? EducationInstitution { get; init; }

    public int? EducationYear { get; init; }

    public string? EducationSpeciality { get; init; }

    public string? EducationQualification { get; init; }

    public int? PedagogicalServiceYears { get; init; }

    public int? PositionServiceYears { get; init; }

    public int? OrganisationServiceYears { get; init; }

    /// <summary>Awards, titles and degrees.</summary>
    public string? Awards { get; init; }

    /// <summary>Professional development of recent years.</summary>
    public string? Development { get; init; }

    /// <summary>«Основанием для аттестации … считаю следующие результаты работы: …».</summary>
    public string? ResultsGrounds { get; init; }

    public bool WantsToAttendMeeting { get; init; }

    /// <summary>
    /// What cannot be true whatever else is filled in, by field (the property's name): a date or year after
    /// <paramref name="today"/>, more years in the position than in pedagogical work. Checked on every save of the
    /// form, the draft's included, and shown next to the field.
    /// </summary>
    public IEnumerable<(string Field, string Message)> Contradictions(DateOnly today)
    {
        if (CurrentCategoryDecisionDate > today)
            yield return (nameof(CurrentCategoryDecisionDate), "Дата распоряжения не может быть в будущем.");
        if (EducationYear > today.Year)
            yield return (nameof(EducationYear), "Год окончания не может быть в будущем.");
        if (ServiceContradiction() is { } service)
            yield return (service.Field!, service.Sentence);
    }

    private SubmissionProblem? ServiceContradiction() =>
        PositionServiceYears > PedagogicalServiceYears
            ? new SubmissionProblem(nameof(PositionServiceYears),
                $"стаж в должности ({PositionServiceYears}) не может быть больше педагогического стажа ({PedagogicalServiceYears})")
            : null;

    /// <summary>
    /// What the application must state before it is submitted, by field (the property's name), in the order of the
    /// form: the name in Russian letters, the workplace and position, the claim and its form, the education, the length
    /// of service and the results the teacher names as grounds (п. 28 of the Порядок asks for the education, the
    /// results of the work, the categories held and the position claimed; the region's paper form adds the service),
    /// the two lesson recordings of the distance form, the consent; and more years in the position than in pedagogical
    /// work. A draft may be saved with any of these missing: submission and registration refuse it.
    /// </summary>
    public IReadOnlyList<SubmissionProblem> SubmissionProblems()
    {
        var problems = new List<SubmissionProblem>();
        void Add(string field, string text) => problems.Add(new SubmissionProblem(field, text));

        if (!PersonName.IsRussianWord(LastName) || !PersonName.IsRussianWord(FirstName)
            || (!string.IsNullOrWhiteSpace(MiddleName) && !PersonName.IsRussianWord(MiddleName)))
            Add(nameof(LastName), "фамилия, имя и отчество пишутся русскими буквами");
        if (OrganisationId <= 0)
            Add(nameof(OrganisationId), "не указана образовательная организация");
        if (PositionId <= 0)
            Add(nameof(PositionId), "не указана должность");
        if (ClaimedCategory is null)
            Add(nameof(ClaimedCategory), "не указана заявленная квалификационная категория");
        if (Form is null)
            Add(nameof(Form), "не указана форма аттестации (очно или дистанционно)");
        if (string.IsNullOrWhiteSpace(EducationInstitution))
            Add(nameof(EducationInstitution), "не указано образование: образовательное учреждение");
        if (EducationYear is null)
            Add(nameof(EducationYear), "не указано образование: год окончания");
        if (string.IsNullOrWhiteSpace(EducationSpeciality))
            Add(nameof(EducationSpeciality), "не указано образование: специальность");
        if (string.IsNullOrWhiteSpace(EducationQualification))
            Add(nameof(EducationQualification), "не указано образование: квалификация");
        if (PedagogicalServiceYears is null)
            Add(nameof(PedagogicalServiceYears), "не указан педагогический стаж");
        if (PositionServiceYears is null)
            Add(nameof(PositionServiceYears), "не указан стаж в данной должности");
        else if (ServiceContradiction() is { } service)
            problems.Add(service);
        if (OrganisationServiceYears is null)
            Add(nameof(OrganisationServiceYears), "не указан стаж в данной организации");
        if (string.IsNullOrWhiteSpace(ResultsGrounds))
            Add(nameof(ResultsGrounds), "не указаны результаты работы, которые вы считаете основанием для аттестации");
        if (Form == AttestationForm.Distance && (string.IsNullOrWhiteSpace(LessonRecordingLink1) || string.IsNullOrWhiteSpace(LessonRecordingLink2)))
        {
            Add(string.IsNullOrWhiteSpace(LessonRecordingLink1) ? nameof(LessonRecordingLink1) : nameof(LessonRecordingLink2),
                "для дистанционной формы нужны ссылки на записи двух уроков (занятий, мероприятий)");
        }

        if (!PersonalDataConsent)
            Add(nameof(PersonalDataConsent), "не дано согласие на обработку персональных данных");
        return problems;
    }

    /// <summary>Links to the official pages showing the results, one per line.</summary>
    public string? ResultLinks { get; init; }

    public string? LessonRecordingLink1 { get; init; }

    public string? LessonRecordingLink2 { get; init; }

    public bool PersonalDataConsent { get; init; }

    public static ApplicationDetails From(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return new ApplicationDetails
        {
            LastName = application.LastName,
            FirstName = application.FirstName,
            MiddleName = application.MiddleName,
            MunicipalityId = application.MunicipalityId,
            OrganisationId = application.OrganisationId,
            PositionId = application.PositionId,
            SubjectId = application.SubjectId,
            CurrentCategory = application.CurrentCategory,
            CurrentCategoryExpiresOn = application.CurrentCategoryExpiresOn,
            CurrentCategoryDecisionNumber = application.CurrentCategoryDecisionNumber,
            CurrentCategoryDecisionDate = application.CurrentCategoryDecisionDate,
            ClaimedCategory = application.ClaimedCategory,
            Form = application.Form,
            SimplifiedGrounds = application.SimplifiedGrounds,
            EducationInstitution = application.EducationInstitution,
            EducationYear = application.EducationYear,
            EducationSpeciality = application.EducationSpeciality,
            EducationQualification = application.EducationQualification,
            PedagogicalServiceYears = application.PedagogicalServiceYears,
            PositionServiceYears = application.PositionServiceYears,
            OrganisationServiceYears = application.OrganisationServiceYears,
            Awards = application.Awards,
            Development = application.Development,
            ResultsGrounds = application.ResultsGrounds,
            WantsToAttendMeeting = application.WantsToAttendMeeting,
            ResultLinks = application.ResultLinks,
            LessonRecordingLink1 = application.LessonRecordingLink1,
            LessonRecordingLink2 = application.LessonRecordingLink2,
            PersonalDataConsent = application.PersonalDataConsent,
        };
    }
}
