using System.Globalization;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Experts;
using Attestation.Domain.Periods;

namespace Attestation.Domain.Tests;

/// <summary>
/// A fixed world for the tests: one teacher in Tomsk applying for «высшая» in January-February 2026, with three approved
/// experts. Scheduling happens on 1 December 2025, well before the period closes (00:00 on 13 December, Tomsk time).
/// </summary>
internal static class Given
{
    public const int MunicipalityId = 1;
    public const int OtherMunicipalityId = 2;
    public const int OrganisationId = 10;
    public const int PositionId = 5;
    public const int SubjectId = 7;

    public static readonly TimeZoneInfo Tomsk = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tomsk");

    public static readonly Guid TeacherId = Guid.Parse("0190a000-0000-7000-8000-000000000001");
    public static readonly Guid ExpertA = Guid.Parse("0190a000-0000-7000-8000-0000000000a1");
    public static readonly Guid ExpertB = Guid.Parse("0190a000-0000-7000-8000-0000000000b2");
    public static readonly Guid ExpertC = Guid.Parse("0190a000-0000-7000-8000-0000000000c3");
    public static readonly Guid ExpertElsewhere = Guid.Parse("0190a000-0000-7000-8000-0000000000d4");

    public static readonly Actor Teacher = new(TeacherId, "Teacher");
    public static readonly Actor Coordinator = new(Guid.Parse("0190a000-0000-7000-8000-000000000c00"), "MunicipalCoordinator");
    public static readonly Actor SchoolCoordinator = new(Guid.Parse("0190a000-0000-7000-8000-000000000500"), "SchoolCoordinator");
    public static readonly Actor Expert = new(ExpertA, "Expert");
    public static readonly Actor Operator = new(Guid.Parse("0190a000-0000-7000-8000-0000000000f0"), "Operator");

    public static readonly PersonName TeacherName = new("Пичугина", "Олеся", "Владимировна");

    public static readonly DateTimeOffset DraftAt = At("2025-10-01T03:00:00Z");
    public static readonly DateTimeOffset SubmitAt = At("2025-10-02T03:00:00Z");
    public static readonly DateTimeOffset RegisterAt = At("2025-10-10T03:00:00Z");
    public static readonly DateTimeOffset ScheduleAt = At("2025-12-01T03:00:00Z");
    public static readonly DateTimeOffset ConclusionAt = At("2026-02-05T03:00:00Z");
    public static readonly DateTimeOffset SignAt = At("2026-02-07T03:00:00Z");
    public static readonly DateTimeOffset VerifyAt = At("2026-02-12T03:00:00Z");
    public static readonly DateTimeOffset DecideAt = At("2026-02-26T03:00:00Z");

    /// <summary>00:00 on 13 December 2025 in Tomsk: the January-February 2026 period closes.</summary>
    public static readonly DateTimeOffset ClosingTime = At("2025-12-12T17:00:00Z");

    public static readonly Guid ConclusionFile = Guid.Parse("0190a000-0000-7000-8000-00000000f001");
    public static readonly Guid SignedConclusionFile = Guid.Parse("0190a000-0000-7000-8000-00000000f002");
    public static readonly Guid WithdrawalFile = Guid.Parse("0190a000-0000-7000-8000-00000000f003");

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    public static DateOnly Date(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    public static AttestationPeriod JanuaryFebruary2026() => new(2026, 1);

    public static ApprovedExpertList ApprovedExperts(int startYear = 2025)
    {
        var list = new ApprovedExpertList(new SchoolYear(startYear), "1234-р", new DateOnly(startYear, 8, 28));
        list.Add(ExpertA, MunicipalityId);
        list.Add(ExpertB, MunicipalityId);
        list.Add(ExpertC, MunicipalityId);
        list.Add(ExpertElsewhere, OtherMunicipalityId);
        return list;
    }

    public static ApplicationDetails Details(AttestationForm form = AttestationForm.InPerson) => new()
    {
        LastName = "Пичугина",
        FirstName = "Олеся",
        MiddleName = "Владимировна",
        MunicipalityId = MunicipalityId,
        OrganisationId = OrganisationId,
        PositionId = PositionId,
        SubjectId = SubjectId,
        CurrentCategory = QualificationCategory.First,
        CurrentCategoryExpiresOn = new DateOnly(2026, 11, 2),
        CurrentCategoryDecisionNumber = "57-0879",
        CurrentCategoryDecisionDate = new DateOnly(2021, 11, 2),
        ClaimedCategory = QualificationCategory.Highest,
        Form = form,
        EducationInstitution = "Томский государственный педагогический университет",
        EducationYear = 2005,
        EducationSpeciality = "Физическая культура",
        EducationQualification = "Учитель физической культуры",
        PedagogicalServiceYears = 20,
        PositionServiceYears = 18,
        OrganisationServiceYears = 10,
        Awards = "Почётная грамота Министерства просвещения",
        Development = "2024, ТОИПКРО, 72 ч.",
        ResultsGrounds = "Призёры регионального этапа олимпиады",
        WantsToAttendMeeting = true,
        ResultLinks = "https://school.tomsk.ru/results\nhttps://olymp.tomsk.ru/winners",
        LessonRecordingLink1 = form == AttestationForm.Distance ? "https://video.tomsk.ru/lesson1" : null,
        LessonRecordingLink2 = form == AttestationForm.Distance ? "https://video.tomsk.ru/lesson2" : null,
        PersonalDataConsent = true,
    };

    public static ApplicationDetails SimplifiedDetails() =>
        Details() with { SimplifiedGrounds = "Почётное звание «Почётный работник воспитания и просвещения РФ»" };

    public static Application Draft() =>
        Application.StartDraft(TeacherId, TeacherName, MunicipalityId, OrganisationId, PositionId, SubjectId, Teacher, DraftAt);

    /// <summary>An application of the test teacher brought along the main path to <paramref name="status"/>.</summary>
    public static Application ApplicationIn(ApplicationStatus status, bool simplified = false)
    {
        var application = Draft();
        if (status == ApplicationStatus.Draft)
        {
            return application;
        }

        application.UpdateDraft(simplified ? SimplifiedDetails() : Details(), Teacher, DraftAt);
        application.Submit(Teacher, SubmitAt);
        if (status == ApplicationStatus.Submitted)
        {
            return application;
        }

        if (status == ApplicationStatus.Rejected)
        {
            application.Reject(Coordinator, "Отсутствует подпись на скане заявления", RegisterAt);
            return application;
        }

        application.Register(Coordinator, "12/2025", new DateOnly(2025, 10, 10), RegisterAt);
        if (status == ApplicationStatus.Registered)
        {
            return application;
        }

        if (status == ApplicationStatus.Withdrawn)
        {
            application.FileWithdrawal(WithdrawalReason.Dismissal, null, false, null, Teacher, RegisterAt.AddDays(1));
            application.RegisterWithdrawal(Coordinator, RegisterAt.AddDays(2));
            return application;
        }

        if (simplified)
        {
            application.Verify(Conformity.Corresponds, Coordinator, VerifyAt);
            if (status == ApplicationStatus.Verified)
            {
                return application;
            }

            application.Decide(Decision(), Operator, DecideAt);
            return status == ApplicationStatus.Decided
                ? application
                : throw new ArgumentOutOfRangeException(nameof(status), status, "A simplified application skips this status.");
        }

        application.Schedule(JanuaryFebruary2026(), ExpertA, ExpertB, ApprovedExperts(), Coordinator, ScheduleAt, Tomsk);
        if (status == ApplicationStatus.Scheduled)
        {
            return application;
        }

        application.AttachConclusion(ConclusionFile, Conformity.Corresponds, "Результаты соответствуют", Expert, ConclusionAt);
        if (status == ApplicationStatus.ConclusionUploaded)
        {
            return application;
        }

        application.SignConclusion(SignedConclusionFile, Teacher, SignAt);
        if (status == ApplicationStatus.ConclusionSigned)
        {
            return application;
        }

        application.Verify(Conformity.Corresponds, Coordinator, VerifyAt);
        if (status == ApplicationStatus.Verified)
        {
            return application;
        }

        application.Decide(Decision(), Operator, DecideAt);
        return application;
    }

    public static CommissionDecision Decision(DecisionOutcome outcome = DecisionOutcome.Established) =>
        new(new DateOnly(2026, 2, 26), "3", outcome);

    /// <summary>A scheduled application in the given period, scheduled while it was open.</summary>
    public static Application ScheduledIn(AttestationPeriod period)
    {
        var application = ApplicationIn(ApplicationStatus.Registered);
        application.Schedule(period, ExpertA, ExpertB, ApprovedExperts(), Coordinator, ScheduleAt, Tomsk);
        return application;
    }

    public static HeldCategory Held(QualificationCategory category, string setOn, string position = "учитель") =>
        HeldCategory.Record(TeacherId, category, position, Date(setOn), "57-0879", Date(setOn));
}
