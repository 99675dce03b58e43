using System.ComponentModel.DataAnnotations;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Web.Infrastructure;

namespace Attestation.Web.Areas.Teacher.Pages.Applications;

/// <summary>The fields of «Заявление о проведении аттестации» as the form posts them; a draft may leave any empty.</summary>
public sealed class ApplicationInput : PersonNameInput
{
    [Required(ErrorMessage = "Выберите образовательную организацию.")]
    [Display(Name = "Место работы (образовательная организация)")]
    public int? OrganisationId { get; set; }

    [Required(ErrorMessage = "Выберите должность.")]
    [Display(Name = "Должность")]
    public int? PositionId { get; set; }

    [Display(Name = "Предмет (направление)")]
    public int? SubjectId { get; set; }

    [Display(Name = "Имеющаяся квалификационная категория")]
    public QualificationCategory CurrentCategory { get; set; }

    [Display(Name = "Срок её действия (для категорий, установленных до 01.09.2023)")]
    public DateOnly? CurrentCategoryExpiresOn { get; set; }

    [StringLength(Application.DecisionNumberMaxLength, ErrorMessage = "Не более {1} символов.")]
    [Display(Name = "Номер распоряжения об установлении категории")]
    public string? CurrentCategoryDecisionNumber { get; set; }

    [Display(Name = "Дата распоряжения")]
    public DateOnly? CurrentCategoryDecisionDate { get; set; }

    [Display(Name = "Заявленная квалификационная категория")]
    public QualificationCategory? ClaimedCategory { get; set; }

    [Display(Name = "Форма проведения аттестации")]
    public AttestationForm? Form { get; set; }

    /// <summary>«На общих основаниях» or «по упрощённой форме»: an explicit choice, so that no typed «нет» changes the route.</summary>
    [Display(Name = "Аттестация проводится")]
    public AttestationGrounds Grounds { get; set; }

    [Display(Name = "Основание для прохождения аттестации по упрощённой форме")]
    public string? SimplifiedGround { get; set; }

    [StringLength(Application.LongTextMaxLength / 2, ErrorMessage = "Не более {1} символов.")]
    [Display(Name = "Что это подтверждает (название конкурса, награды, год)")]
    public string? SimplifiedDetails { get; set; }

    [StringLength(Application.ShortTextMaxLength, ErrorMessage = "Не более {1} символов.")]
    [Display(Name = "Образовательное учреждение")]
    public string? EducationInstitution { get; set; }

    [Range(Application.MinEducationYear, 2100, ErrorMessage = "Укажите год окончания, например 2005.")]
    [Display(Name = "Год окончания")]
    public int? EducationYear { get; set; }

    [StringLength(Application.ShortTextMaxLength, ErrorMessage = "Не более {1} символов.")]
    [Display(Name = "Специальность")]
    public string? EducationSpeciality { get; set; }

    [StringLength(Application.ShortTextMaxLength, ErrorMessage = "Не более {1} символов.")]
    [Display(Name = "Квалификация")]
    public string? EducationQualification { get; set; }

    [Range(0, Application.MaxServiceYears, ErrorMessage = "Укажите число лет от {1} до {2}.")]
    [Display(Name = "Педагогический стаж, лет")]
    public int? PedagogicalServiceYears { get; set; }

    [Range(0, Application.MaxServiceYears, ErrorMessage = "Укажите число лет от {1} до {2}.")]
    [Display(Name = "Стаж в данной должности, лет")]
    public int? PositionServiceYears { get; set; }

    [Range(0, Application.MaxServiceYears, ErrorMessage = "Укажите число лет от {1} до {2}.")]
    [Display(Name = "Стаж в данной организации, лет")]
    public int? OrganisationServiceYears { get; set; }

    [StringLength(Application.LongTextMaxLength, ErrorMessage = "Не более {1} символов.")]
    [Display(Name = "Награды, звания, учёные степени")]
    public string? Awards { get; set; }

    [StringLength(Application.LongTextMaxLength, ErrorMessage = "Не более {1} символов.")]
    [Display(Name = "Повышение квалификации за последние годы")]
    public string? Development { get; set; }

    [StringLength(Application.LongTextMaxLength, ErrorMessage = "Не более {1} символов.")]
    [Display(Name = "Основанием для аттестации на указанную в заявлении квалификационную категорию считаю следующие результаты работы")]
    public string? ResultsGrounds { get; set; }

    [Display(Name = "Желаю присутствовать на заседании аттестационной комиссии")]
    public bool WantsToAttendMeeting { get; set; }

    [StringLength(Application.ResultLinksMaxLength, ErrorMessage = "Не более {1} символов.")]
    [Display(Name = "Ссылки на официальные страницы с результатами профессиональной деятельности (по одной в строке)")]
    public string? ResultLinks { get; set; }

    [StringLength(Application.LinkMaxLength, ErrorMessage = "Не более {1} символов.")]
    [Display(Name = "Ссылка на запись первого урока (занятия, мероприятия)")]
    public string? LessonRecordingLink1 { get; set; }

    [StringLength(Application.LinkMaxLength, ErrorMessage = "Не более {1} символов.")]
    [Display(Name = "Ссылка на запись второго урока (занятия, мероприятия)")]
    public string? LessonRecordingLink2 { get; set; }

    [Display(Name = "Даю согласие на обработку моих персональных данных в целях проведения аттестации")]
    public bool PersonalDataConsent { get; set; }

    public static ApplicationInput From(Application application) => new()
    {
        LastName = application.LastName,
        FirstName = application.FirstName,
        MiddleName = application.MiddleName,
        OrganisationId = application.OrganisationId,
        PositionId = application.PositionId,
        SubjectId = application.SubjectId,
        CurrentCategory = application.CurrentCategory,
        CurrentCategoryExpiresOn = application.CurrentCategoryExpiresOn,
        CurrentCategoryDecisionNumber = application.CurrentCategoryDecisionNumber,
        CurrentCategoryDecisionDate = application.CurrentCategoryDecisionDate,
        ClaimedCategory = application.ClaimedCategory,
        Form = application.Form,
        Grounds = application.IsSimplified ? AttestationGrounds.Simplified : AttestationGrounds.General,
        SimplifiedGround = SimplifiedForm.GroundOf(application.SimplifiedGrounds),
        SimplifiedDetails = SimplifiedForm.DetailsOf(application.SimplifiedGrounds),
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

    public ApplicationDetails ToDetails(int municipalityId) => new()
    {
        LastName = PersonFields.Normalize(LastName),
        FirstName = PersonFields.Normalize(FirstName),
        MiddleName = string.IsNullOrWhiteSpace(MiddleName) ? null : PersonFields.Normalize(MiddleName),
        MunicipalityId = municipalityId,
        OrganisationId = OrganisationId ?? 0,
        PositionId = PositionId ?? 0,
        SubjectId = SubjectId,
        CurrentCategory = CurrentCategory,
        CurrentCategoryExpiresOn = CurrentCategoryExpiresOn,
        CurrentCategoryDecisionNumber = CurrentCategoryDecisionNumber,
        CurrentCategoryDecisionDate = CurrentCategoryDecisionDate,
        ClaimedCategory = ClaimedCategory,
        Form = Form,
        SimplifiedGrounds = Grounds == AttestationGrounds.Simplified && SimplifiedGround is { } ground
            ? SimplifiedForm.Compose(ground, SimplifiedDetails)
            : null,
        EducationInstitution = EducationInstitution,
        EducationYear = EducationYear,
        EducationSpeciality = EducationSpeciality,
        EducationQualification = EducationQualification,
        PedagogicalServiceYears = PedagogicalServiceYears,
        PositionServiceYears = PositionServiceYears,
        OrganisationServiceYears = OrganisationServiceYears,
        Awards = Awards,
        Development = Development,
        ResultsGrounds = ResultsGrounds,
        WantsToAttendMeeting = WantsToAttendMeeting,
        ResultLinks = ResultLinks,
        LessonRecordingLink1 = LessonRecordingLink1,
        LessonRecordingLink2 = LessonRecordingLink2,
        PersonalDataConsent = PersonalDataConsent,
    };
}

/// <summary>The route of the application: the schedule with two experts, or the simplified form without them.</summary>
public enum AttestationGrounds
{
    General,
    Simplified,
}
