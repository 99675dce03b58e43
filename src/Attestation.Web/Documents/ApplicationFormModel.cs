using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Names;

namespace Attestation.Web.Documents;

/// <summary>
/// What the printed «Заявление о проведении аттестации» (Templates/ApplicationForm.razor) shows: ready-made Russian
/// text and dates. Build it with <see cref="From"/>; a draft with gaps prints blank lines to fill in by hand.
/// </summary>
public sealed record ApplicationFormModel
{
    /// <summary>«Иванова Ольга Петровна».</summary>
    public required string FullName { get; init; }

    /// <summary>«Ивановой Ольги Петровны», after «от» in the header: the teacher's own correction where he made one.</summary>
    public required string FullNameGenitive { get; init; }

    /// <summary>«Иванова О. П.», beside the signature.</summary>
    public required string ShortName { get; init; }

    public GrammaticalGender Gender { get; init; }

    /// <summary>«В аттестационную комиссию …», as the region names it (<see cref="DocumentsOptions"/>).</summary>
    public required string Commission { get; init; }

    /// <summary>The teacher's contacts from his account, for the commission's questions.</summary>
    public string? Phone { get; init; }

    public string? Email { get; init; }

    /// <summary>«учитель»: the category is set for the position.</summary>
    public required string Position { get; init; }

    /// <summary>In the genitive, «математики»; null when the position has none.</summary>
    public string? Subject { get; init; }

    public required string Organisation { get; init; }

    public required string Municipality { get; init; }

    /// <summary>«Прошу аттестовать меня в 2026 году».</summary>
    public required int AttestationYear { get; init; }

    /// <summary>«высшую квалификационную категорию»; null while the draft has none.</summary>
    public string? ClaimedCategory { get; init; }

    /// <summary>«первую квалификационную категорию»; null when the teacher has none («не имею»).</summary>
    public string? HeldCategory { get; init; }

    /// <summary>Legacy categories only: the last day they are in force.</summary>
    public DateOnly? HeldCategoryExpiresOn { get; init; }

    public string? HeldCategoryDecisionNumber { get; init; }

    public DateOnly? HeldCategoryDecisionDate { get; init; }

    public string? ResultsGrounds { get; init; }

    public IReadOnlyList<string> ResultLinks { get; init; } = [];

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

    /// <summary>«очно» or «дистанционно».</summary>
    public string? Form { get; init; }

    public IReadOnlyList<string> LessonRecordings { get; init; } = [];

    /// <summary>«Основания для прохождения аттестации по упрощенной форме»; null for general grounds.</summary>
    public string? SimplifiedGrounds { get; init; }

    public bool WantsToAttendMeeting { get; init; }

    /// <summary>The claim needs the employer's petition («педагог-методист», «педагог-наставник»): the form says it is attached.</summary>
    public bool AttachesEmployerPetition { get; init; }

    /// <summary>«Ходатайство работодателя», «Иной документ (2 файла)»: what was uploaded besides the signed scan itself.</summary>
    public IReadOnlyList<string> Attachments { get; init; } = [];

    /// <summary>The day the form was printed: whether the held category has already lapsed is judged on it.</summary>
    public required DateOnly PrintedOn { get; init; }

    /// <summary>«учитель математики».</summary>
    public string PositionWithSubject => Subject is null ? Position : $"{Position} {Subject}";

    public bool HeldCategoryHasExpired => HeldCategoryExpiresOn is { } expiresOn && expiresOn < PrintedOn;

    /// <summary>«Заявление на аттестацию — Иванова О. П.pdf», for the download.</summary>
    public string FileName => $"Заявление на аттестацию — {ShortName}.pdf";

    /// <param name="organisation">The full name of the organisation, as in the directory.</param>
    /// <param name="position">The position's name, e.g. «Учитель»; written with a small letter.</param>
    /// <param name="subject">The subject's name in the genitive («математики»), or null.</param>
    /// <param name="municipality">«Город Томск».</param>
    /// <param name="teacher">The contacts and the genitive correction from the teacher's account.</param>
    /// <param name="commission">«В аттестационную комиссию …» (<see cref="DocumentsOptions.CommissionAddressee"/>).</param>
    /// <param name="today">The region's today (<c>RegionTime</c>): the expiry check, and the year of the request while no period is assigned.</param>
    /// <param name="periodStartYear">The year the assigned period starts: the year the teacher is attested in («в 2027 году» for January-February 2027).</param>
    /// <remarks>The application's <see cref="Application.Documents"/> must be loaded: the form lists them.</remarks>
    public static ApplicationFormModel From(
        Application app, string organisation, string position, string? subject, string municipality,
        TeacherProfile teacher, string commission, DateOnly today, int? periodStartYear = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentException.ThrowIfNullOrWhiteSpace(organisation);
        ArgumentException.ThrowIfNullOrWhiteSpace(position);
        ArgumentException.ThrowIfNullOrWhiteSpace(municipality);
        ArgumentException.ThrowIfNullOrWhiteSpace(commission);

        var name = new PersonName(app.LastName, app.FirstName, app.MiddleName);
        var held = app.CurrentCategory.IsClaimable() ? app.CurrentCategory : (QualificationCategory?)null;
        return new ApplicationFormModel
        {
            FullName = name.FullName,
            FullNameGenitive = name.FullNameGenitiveWith(teacher.Genitive),
            ShortName = name.ShortName,
            Gender = name.Gender,
            Commission = commission.Trim(),
            Phone = string.IsNullOrWhiteSpace(teacher.Phone) ? null : teacher.Phone.Trim(),
            Email = string.IsNullOrWhiteSpace(teacher.Email) ? null : teacher.Email.Trim(),
            Position = DocumentText.LowerFirst(position.Trim()),
            Subject = string.IsNullOrWhiteSpace(subject) ? null : subject.Trim(),
            Organisation = organisation.Trim(),
            Municipality = municipality.Trim(),
            AttestationYear = periodStartYear ?? today.Year,
            ClaimedCategory = app.ClaimedCategory is { } claimed && claimed.IsClaimable() ? CategoryAccusative(claimed) : null,
            HeldCategory = held is { } category ? CategoryAccusative(category) : null,
            HeldCategoryExpiresOn = held is null ? null : app.CurrentCategoryExpiresOn,
            HeldCategoryDecisionNumber = held is null ? null : app.CurrentCategoryDecisionNumber,
            HeldCategoryDecisionDate = held is null ? null : app.CurrentCategoryDecisionDate,
            ResultsGrounds = app.ResultsGrounds,
            ResultLinks = app.ResultLinkList,
            EducationInstitution = app.EducationInstitution,
            EducationYear = app.EducationYear,
            EducationSpeciality = app.EducationSpeciality,
            EducationQualification = app.EducationQualification,
            PedagogicalServiceYears = app.PedagogicalServiceYears,
            PositionServiceYears = app.PositionServiceYears,
            OrganisationServiceYears = app.OrganisationServiceYears,
            Awards = app.Awards,
            Development = app.Development,
            Form = app.Form?.ToRussian(),
            LessonRecordings = app.Form == AttestationForm.Distance
                ? new[] { app.LessonRecordingLink1, app.LessonRecordingLink2 }.OfType<string>().ToList()
                : [],
            SimplifiedGrounds = app.SimplifiedGrounds,
            WantsToAttendMeeting = app.WantsToAttendMeeting,
            AttachesEmployerPetition = RequiredDocuments.For(app.ClaimedCategory, teachesPrimaryClasses: false)
                .Contains(ApplicationDocumentKind.EmployerPetition),
            Attachments = AttachmentList(app.Documents),
            PrintedOn = today,
        };
    }

    /// <summary>
    /// One line per kind of uploaded document, in the order of the form: the scan of this very application is not its
    /// own attachment.
    /// </summary>
    public static IReadOnlyList<string> AttachmentList(IEnumerable<ApplicationDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return documents
            .Where(d => d.Kind != ApplicationDocumentKind.SignedApplication)
            .GroupBy(d => d.Kind)
            .OrderBy(g => g.Key)
            .Select(g => g.Count() == 1
                ? g.Key.ToRussian()
                : $"{g.Key.ToRussian()} ({g.Count()} {DocumentText.Plural(g.Count(), "файл", "файла", "файлов")})")
            .ToList();
    }

    /// <summary>
    /// «первую квалификационную категорию»; the 2023 categories are names, not adjectives:
    /// «квалификационную категорию «педагог-методист»».
    /// </summary>
    public static string CategoryAccusative(QualificationCategory category) =>
        category.IsIntroducedIn2023()
            ? $"квалификационную категорию {category.ToRussianAccusative()}"
            : $"{category.ToRussianAccusative()} квалификационную категорию";

    /// <summary>«ознакомлен» / «ознакомлена» / «ознакомлен(а)».</summary>
    public string ByGender(string male, string female) => Gender switch
    {
        GrammaticalGender.Male => male,
        GrammaticalGender.Female => female,
        _ => $"{male}({female[male.Length..]})",
    };
}
