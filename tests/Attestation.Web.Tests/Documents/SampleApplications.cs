using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Web.Documents;

namespace Attestation.Web.Tests.Documents;

/// <summary>Applications built through the domain, as the teacher's form builds them, and their printed models.</summary>
internal static class SampleApplications
{
    public const string Organisation = "МАОУ лицей № 8 имени Н. Н. Рукавишникова г. Томска";
    public const string Municipality = "Город Томск";

    public static readonly DateOnly Today = new(2026, 3, 12);

    public static readonly TeacherProfile Teacher = new("+7 913 123-45-67", "pichugina@lyceum8.tomsk.example", null);

    /// <summary>The portal's default wording: «В аттестационную комиссию Департамента общего образования Томской области».</summary>
    public static readonly string Commission = new DocumentsOptions().CommissionAddressee;

    private static readonly Actor TeacherActor = new(Guid.Parse("0190a000-0000-7000-8000-000000000001"), "Teacher");
    private static readonly DateTimeOffset Now = new(2026, 3, 12, 3, 0, 0, TimeSpan.Zero);

    public static Application Application(Func<ApplicationDetails, ApplicationDetails>? change = null)
    {
        var details = new ApplicationDetails
        {
            LastName = "Пичугина",
            FirstName = "Олеся",
            MiddleName = "Владимировна",
            MunicipalityId = 1,
            OrganisationId = 10,
            PositionId = 5,
            SubjectId = 7,
            CurrentCategory = QualificationCategory.First,
            CurrentCategoryExpiresOn = new DateOnly(2026, 11, 2),
            CurrentCategoryDecisionNumber = "1234-р",
            CurrentCategoryDecisionDate = new DateOnly(2021, 11, 2),
            ClaimedCategory = QualificationCategory.Highest,
            Form = AttestationForm.Distance,
            EducationInstitution = "Томский государственный педагогический университет",
            EducationYear = 2004,
            EducationSpeciality = "математика",
            EducationQualification = "учитель математики и информатики",
            PedagogicalServiceYears = 21,
            PositionServiceYears = 18,
            OrganisationServiceYears = 12,
            Awards = "Почётная грамота Департамента общего образования Томской области (2019)",
            Development = "ТОИПКРО «Обновлённые ФГОС: содержание и технологии», 72 ч., 2024\nОнлайн-курс «Функциональная грамотность», 36 ч., 2025",
            ResultsGrounds = "Стабильные положительные результаты освоения обучающимися образовательных программ; " +
                "призёры регионального этапа Всероссийской олимпиады школьников по математике.",
            WantsToAttendMeeting = true,
            ResultLinks = "https://lyceum8.tomsk.example/teachers/pichugina\nhttps://edu.tomsk.example/portfolio/2231",
            LessonRecordingLink1 = "https://video.tomsk.example/lesson-1",
            LessonRecordingLink2 = "https://video.tomsk.example/lesson-2",
            PersonalDataConsent = true,
        };
        details = change?.Invoke(details) ?? details;

        var application = Attestation.Domain.Applications.Application.StartDraft(TeacherActor.Id,
            new PersonName(details.LastName, details.FirstName, details.MiddleName), details.MunicipalityId,
            details.OrganisationId, details.PositionId, details.SubjectId, TeacherActor, Now);
        application.UpdateDraft(details, TeacherActor, Now);
        return application;
    }

    public static ApplicationFormModel Form(Func<ApplicationDetails, ApplicationDetails>? change = null) =>
        Form(Application(change));

    public static ApplicationFormModel Form(Application application, TeacherProfile? teacher = null) =>
        ApplicationFormModel.From(application, Organisation, "Учитель", "математики", Municipality, teacher ?? Teacher, Commission, Today);

    public static Dictionary<string, object?> Parameters(ApplicationFormModel model) =>
        new() { [nameof(Web.Documents.Templates.ApplicationForm.Model)] = model };
}
