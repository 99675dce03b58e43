using Attestation.Domain.Categories;
using Attestation.Domain.Experts;
using Attestation.Domain.Periods;

namespace Attestation.Domain.Applications;

/// <summary>
/// «Заявление о проведении аттестации» and its whole life: draft, submission, registration or rejection, the schedule
/// (period and two experts), the final conclusion, the coordinator's check, the commission's decision, or a withdrawal.
/// Every change goes through a method that refuses an illegal move with a Russian message and appends a history event.
/// </summary>
public sealed class Application
{
    public const int ShortTextMaxLength = 500;
    public const int LongTextMaxLength = 4000;
    public const int LinkMaxLength = 1000;
    public const int ResultLinksMaxLength = 8000;
    public const int RegistrationNumberMaxLength = 50;
    public const int DecisionNumberMaxLength = 100;
    public const int ReasonMaxLength = 2000;
    public const int MaxServiceYears = 80;
    public const int MinEducationYear = 1940;

    private readonly List<ApplicationEvent> _events = [];
    private readonly List<ApplicationDocument> _documents = [];

    private Application(
        Guid teacherId,
        PersonName name,
        int municipalityId,
        int organisationId,
        int positionId,
        int? subjectId,
        DateTimeOffset now,
        Guid? id)
    {
        Id = id is { } given && given != Guid.Empty ? given : Guid.CreateVersion7();
        TeacherId = teacherId;
        LastName = name.LastName;
        FirstName = name.FirstName;
        MiddleName = name.MiddleName;
        MunicipalityId = RequirePositive(municipalityId, "Не указано муниципальное образование.");
        OrganisationId = RequirePositive(organisationId, "Не указана образовательная организация.");
        PositionId = RequirePositive(positionId, "Не указана должность.");
        SubjectId = subjectId;
        CreatedAt = now;
        UpdatedAt = now;
        Status = ApplicationStatus.Draft;
    }

    private Application()
    {
        LastName = string.Empty;
        FirstName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid TeacherId { get; private set; }

    public ApplicationStatus Status { get; private set; }

    public int MunicipalityId { get; private set; }

    public int OrganisationId { get; private set; }

    public int PositionId { get; private set; }

    public int? SubjectId { get; private set; }

    public string LastName { get; private set; }

    public string FirstName { get; private set; }

    public string? MiddleName { get; private set; }

    public QualificationCategory CurrentCategory { get; private set; }

    public DateOnly? CurrentCategoryExpiresOn { get; private set; }

    public string? CurrentCategoryDecisionNumber { get; private set; }

    public DateOnly? CurrentCategoryDecisionDate { get; private set; }

    public QualificationCategory? ClaimedCategory { get; private set; }

    public AttestationForm? Form { get; private set; }

    public string? SimplifiedGrounds { get; private set; }

    public string? EducationInstitution { get; private set; }

    public int? EducationYear { get; private set; }

    public string? EducationSpeciality { get; private set; }

    public string? EducationQualification { get; private set; }

    public int? PedagogicalServiceYears { get; private set; }

    public int? PositionServiceYears { get; private set; }

    public int? OrganisationServiceYears { get; private set; }

    public string? Awards { get; private set; }

    public string? Development { get; private set; }

    public string? ResultsGrounds { get; private set; }

    public bool WantsToAttendMeeting { get; private set; }

    /// <summary>Normalised: trimmed, one link per line separated by '\n', no blank lines.</summary>
    public string? ResultLinks { get; private set; }

    public string? LessonRecordingLink1 { get; private set; }

    public string? LessonRecordingLink2 { get; private set; }

    public bool PersonalDataConsent { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? FirstSubmittedAt { get; private set; }

    /// <summary>The latest submission: a resubmission after rejection starts the 30-day clock again.</summary>
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>When the latest submission was registered, rejected or withdrawn: the 30-day clock stops here.</summary>
    public DateTimeOffset? ConsideredAt { get; private set; }

    public DateTimeOffset? RegisteredAt { get; private set; }

    public Guid? RegisteredBy { get; private set; }

    /// <summary>As written in the registration journal, e.g. «12/2026».</summary>
    public string? RegistrationNumber { get; private set; }

    public DateOnly? RegisteredOn { get; private set; }

    public DateTimeOffset? RejectedAt { get; private set; }

    public Guid? RejectedBy { get; private set; }

    public string? RejectionReason { get; private set; }

    public Guid? PeriodId { get; private set; }

    public Guid? ExpertAId { get; private set; }

    public Guid? ExpertBId { get; private set; }

    public DateTimeOffset? ScheduledAt { get; private set; }

    public Conclusion? Conclusion { get; private set; }

    public DateTimeOffset? VerifiedAt { get; private set; }

    public Guid? VerifiedBy { get; private set; }

    public Conformity? CoordinatorMark { get; private set; }

    public CommissionDecision? Decision { get; private set; }

    public Withdrawal? Withdrawal { get; private set; }

    /// <summary>The number of the last history event; kept here so that events get numbers without loading the history.</summary>
    public int LastEventNumber { get; private set; }

    /// <summary>
    /// The version a form is shown with and sent back with: every change of the application records an event, so a
    /// form read at another number than <see cref="LastEventNumber"/> would overwrite what was done since.
    /// </summary>
    public bool ChangedSince(int version) => LastEventNumber != version;

    /// <summary>What was done after <paramref name="version"/> (the events must be loaded).</summary>
    public IReadOnlyList<ApplicationEvent> EventsSince(int version) =>
        _events.Where(e => e.Number > version).OrderBy(e => e.Number).ToList();

    public IReadOnlyList<ApplicationEvent> Events => _events;

    public IReadOnlyList<ApplicationDocument> Documents => _documents;

    public string FullName => PersonName.Join(LastName, FirstName, MiddleName);

    /// <summary>Grounds for the simplified form were given: such applications do not go into the schedule.</summary>
    public bool IsSimplified => SimplifiedGrounds is not null;

    public bool IsWithdrawalPending => Withdrawal is { IsRegistered: false };

    /// <summary>A draft is the teacher's own; it may simply be deleted.</summary>
    public bool CanBeDeleted => Can(ApplicationAction.Delete);

    public bool IsEditable => Can(ApplicationAction.Edit);

    /// <summary>Scheduled and the experts' conclusion not attached yet.</summary>
    public bool AwaitsConclusion => ApplicationRules.ConclusionMissing.Contains(Status);

    /// <summary>The conclusion's part is over: signed by all, or already verified or decided.</summary>
    public bool ConclusionPartDone => Conclusion is { IsSigned: true } || ApplicationRules.ConclusionPartDone.Contains(Status);

    public bool CanRegister => Can(ApplicationAction.Register);

    public bool CanSchedule => Can(ApplicationAction.Schedule);

    public bool CanReplaceExpert => Can(ApplicationAction.ReplaceExpert);

    public bool CanAttachConclusion => Can(ApplicationAction.AttachConclusion);

    public bool CanVerify => Can(ApplicationAction.Verify);

    public bool CanBeWithdrawn => Can(ApplicationAction.FileWithdrawal);

    /// <summary>The coordinator's «Отозвать» on the teacher's behalf.</summary>
    public bool CanBeWithdrawnForTeacher => Can(ApplicationAction.FileWithdrawalForTeacher);

    /// <summary>
    /// Whether <paramref name="action"/> may be taken now (<see cref="ApplicationRules"/>): the method of the action
    /// refuses exactly when this is false (apart from the action's own arguments), the pages show their buttons from
    /// it, and <see cref="ApplicationFilters.Can"/> is the same rule for a query.
    /// </summary>
    public bool Can(ApplicationAction action) =>
        ApplicationRules.Allows(action, Status, IsWithdrawalPending, IsSimplified, ExpertAId is not null && ExpertBId is not null);

    public IReadOnlyList<Guid> AssignedExperts =>
        new[] { ExpertAId, ExpertBId }.Where(e => e is not null).Select(e => e!.Value).ToList();

    public IReadOnlyList<string> ResultLinkList =>
        ResultLinks?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>The status as the teacher reads it in his cabinet, with the reason or the outcome where there is one.</summary>
    public string StatusText =>
        new StatusFacts(Status, RegistrationNumber, RegisteredOn, RejectionReason, CoordinatorMark, Decision?.Outcome,
            ClaimedCategory, IsWithdrawalPending).Text;

    /// <summary>
    /// A new draft. <paramref name="id"/>, when given, is the key the new-application form was shown with: the same form
    /// sent twice names the same application, so it creates one draft, not two.
    /// </summary>
    public static Application StartDraft(
        Guid teacherId,
        PersonName name,
        int municipalityId,
        int organisationId,
        int positionId,
        int? subjectId,
        Actor by,
        DateTimeOffset now,
        Guid? id = null)
    {
        if (teacherId == Guid.Empty)
        {
            throw new ArgumentException("An application belongs to a teacher.", nameof(teacherId));
        }

        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(by);
        var at = Instant.Utc(now);
        var application = new Application(teacherId, name, municipalityId, organisationId, positionId, subjectId, at, id);
        application.Record(by, at, ApplicationEventKind.Created, ApplicationStatus.Draft, "Создан черновик заявления");
        return application;
    }

    public bool HasDocument(ApplicationDocumentKind kind) => _documents.Exists(d => d.Kind == kind);

    public void UpdateDraft(ApplicationDetails details, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(by);
        EnsureCan(ApplicationAction.Edit);

        var name = new PersonName(details.LastName, details.FirstName, details.MiddleName);
        var at = Instant.Utc(now);

        if (details.ClaimedCategory is { } claimed && !claimed.IsClaimable())
        {
            throw new DomainException("Заявленной может быть только квалификационная категория, а не «не имею».");
        }

        var hasCurrent = details.CurrentCategory != QualificationCategory.None;
        var educationYear = details.EducationYear;
        if (educationYear is { } year && (year < MinEducationYear || year > at.Year))
        {
            throw new DomainException($"Год окончания образовательного учреждения должен быть между {MinEducationYear} и {at.Year}.");
        }

        var municipalityId = RequirePositive(details.MunicipalityId, "Не указано муниципальное образование.");
        var organisationId = RequirePositive(details.OrganisationId, "Не указана образовательная организация.");
        var positionId = RequirePositive(details.PositionId, "Не указана должность.");
        var pedagogical = ServiceYears(details.PedagogicalServiceYears, "Педагогический стаж");
        var inPosition = ServiceYears(details.PositionServiceYears, "Стаж в должности");
        var inOrganisation = ServiceYears(details.OrganisationServiceYears, "Стаж в данной организации");

        var simplifiedGrounds = Text.Optional(details.SimplifiedGrounds, "Основания для упрощенной формы", LongTextMaxLength);
        var educationInstitution = Text.Optional(details.EducationInstitution, "Образовательное учреждение", ShortTextMaxLength);
        var educationSpeciality = Text.Optional(details.EducationSpeciality, "Специальность", ShortTextMaxLength);
        var educationQualification = Text.Optional(details.EducationQualification, "Квалификация", ShortTextMaxLength);
        var awards = Text.Optional(details.Awards, "Награды, звания, учёные степени", LongTextMaxLength);
        var development = Text.Optional(details.Development, "Повышение квалификации", LongTextMaxLength);
        var resultsGrounds = Text.Optional(details.ResultsGrounds, "Результаты работы", LongTextMaxLength);
        var resultLinks = NormaliseLinks(details.ResultLinks);
        var lesson1 = Link(details.LessonRecordingLink1, "Ссылка на запись первого урока");
        var lesson2 = Link(details.LessonRecordingLink2, "Ссылка на запись второго урока");
        var decisionNumber = hasCurrent
            ? Text.Optional(details.CurrentCategoryDecisionNumber, "Номер распоряжения об установлении категории", DecisionNumberMaxLength)
            : null;

        // Saving an unchanged form (every button of the form saves first) is not an event of the history.
        var before = ApplicationDetails.From(this);

        LastName = name.LastName;
        FirstName = name.FirstName;
        MiddleName = name.MiddleName;
        MunicipalityId = municipalityId;
        OrganisationId = organisationId;
        PositionId = positionId;
        SubjectId = details.SubjectId;

        // Switching back to «не имею» on the form leaves stale dates behind; they mean nothing without a category.
        CurrentCategory = details.CurrentCategory;
        CurrentCategoryExpiresOn = hasCurrent ? details.CurrentCategoryExpiresOn : null;
        CurrentCategoryDecisionNumber = decisionNumber;
        CurrentCategoryDecisionDate = hasCurrent ? details.CurrentCategoryDecisionDate : null;

        ClaimedCategory = details.ClaimedCategory;
        Form = details.Form;
        SimplifiedGrounds = simplifiedGrounds;
        EducationInstitution = educationInstitution;
        EducationYear = educationYear;
        EducationSpeciality = educationSpeciality;
        EducationQualification = educationQualification;
        PedagogicalServiceYears = pedagogical;
        PositionServiceYears = inPosition;
        OrganisationServiceYears = inOrganisation;
        Awards = awards;
        Development = development;
        ResultsGrounds = resultsGrounds;
        WantsToAttendMeeting = details.WantsToAttendMeeting;
        ResultLinks = resultLinks;
        LessonRecordingLink1 = lesson1;
        LessonRecordingLink2 = lesson2;
        PersonalDataConsent = details.PersonalDataConsent;

        if (ApplicationDetails.From(this) != before)
        {
            Record(by, at, ApplicationEventKind.DraftUpdated, Status, "Заявление изменено");
        }
    }

    public ApplicationDocument AttachDocument(
        ApplicationDocumentKind kind,
        Guid fileId,
        string fileName,
        Actor by,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        RequireFile(fileId);
        EnsureCan(ApplicationAction.Edit, "прикрепить документ");
        var name = Text.Required(fileName, "Имя файла", ApplicationDocument.FileNameMaxLength);
        var at = Instant.Utc(now);
        var document = new ApplicationDocument(Id, kind, fileId, name, by.Id, at);
        _documents.Add(document);
        Record(by, at, ApplicationEventKind.DocumentAttached, Status, $"Прикреплён документ «{kind.ToRussian()}»: {name}");
        return document;
    }

    public void RemoveDocument(Guid documentId, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        EnsureCan(ApplicationAction.Edit, "удалить документ");
        var document = _documents.Find(d => d.Id == documentId)
            ?? throw new DomainException("Документ не найден среди документов заявления.");
        _documents.Remove(document);
        Record(by, Instant.Utc(now), ApplicationEventKind.DocumentRemoved, Status,
            $"Удалён документ «{document.Kind.ToRussian()}»: {document.FileName}");
    }

    /// <summary>What still prevents submission, as a checklist for the form; empty when the application can be submitted.</summary>
    public IReadOnlyList<string> ListSubmissionProblems() => SubmissionProblems([]).Select(p => p.Text).ToList();

    /// <summary>
    /// What still prevents submission including the documents the claim requires (see <see cref="RequiredDocuments"/>).
    /// </summary>
    public IReadOnlyList<string> ListSubmissionProblems(IReadOnlyCollection<ApplicationDocumentKind> requiredDocuments) =>
        SubmissionProblems(requiredDocuments).Select(p => p.Text).ToList();

    /// <summary>
    /// The fields' problems (<see cref="ApplicationDetails.SubmissionProblems"/>), each with its field, then the
    /// documents the claim requires and lacks.
    /// </summary>
    public IReadOnlyList<SubmissionProblem> SubmissionProblems(IReadOnlyCollection<ApplicationDocumentKind> requiredDocuments)
    {
        ArgumentNullException.ThrowIfNull(requiredDocuments);
        var problems = ApplicationDetails.From(this).SubmissionProblems().ToList();
        problems.AddRange(requiredDocuments
            .Where(kind => !HasDocument(kind))
            .Select(kind => new SubmissionProblem(null, $"не прикреплён документ «{kind.ToRussian()}»")));
        return problems;
    }

    /// <summary>Submits a draft, or resubmits a rejected application after correction (its history is kept).</summary>
    public void Submit(Actor by, DateTimeOffset now) => Submit(by, now, []);

    /// <summary>Submits once the fields are complete and the documents the claim requires are attached.</summary>
    public void Submit(Actor by, DateTimeOffset now, IReadOnlyCollection<ApplicationDocumentKind> requiredDocuments)
    {
        ArgumentNullException.ThrowIfNull(by);
        EnsureCan(ApplicationAction.Submit);
        var problems = ListSubmissionProblems(requiredDocuments);
        if (problems.Count > 0)
        {
            throw new DomainException($"Заявление не может быть подано: {string.Join("; ", problems)}.");
        }

        var at = Instant.Utc(now);
        var resubmission = Status == ApplicationStatus.Rejected;
        FirstSubmittedAt ??= at;
        SubmittedAt = at;
        ConsideredAt = null;
        RejectedAt = null;
        RejectedBy = null;
        RejectionReason = null;

        Record(by, at,
            resubmission ? ApplicationEventKind.Resubmitted : ApplicationEventKind.Submitted,
            ApplicationStatus.Submitted,
            resubmission ? "Исправленное заявление подано повторно" : "Заявление подано");
    }

    public void Register(Actor by, string registrationNumber, DateOnly registeredOn, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        EnsureCan(ApplicationAction.Register);
        // Submitted before the form required them, or past a forged form: what the application lacks is sent back.
        var gaps = ApplicationDetails.From(this).SubmissionProblems();
        if (gaps.Count > 0)
        {
            throw new DomainException(
                $"Заявление не может быть зарегистрировано: {string.Join("; ", gaps.Select(g => g.Text))}. Отклоните его с этой причиной, чтобы педагог исправил и подал заново.");
        }

        var number = Text.Required(registrationNumber, "Регистрационный номер", RegistrationNumberMaxLength);
        var at = Instant.Utc(now);

        RegistrationNumber = number;
        RegisteredOn = registeredOn;
        RegisteredAt = at;
        RegisteredBy = by.Id;
        ConsideredAt = at;
        Record(by, at, ApplicationEventKind.Registered, ApplicationStatus.Registered,
            $"Заявление зарегистрировано: № {number} от {Text.Date(registeredOn)}");
    }

    public void Reject(Actor by, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        EnsureCan(ApplicationAction.Reject);
        var why = Text.Required(reason, "Причина отклонения", ReasonMaxLength);
        var at = Instant.Utc(now);

        RejectionReason = why;
        RejectedAt = at;
        RejectedBy = by.Id;
        ConsideredAt = at;
        Record(by, at, ApplicationEventKind.Rejected, ApplicationStatus.Rejected, "Заявление отклонено", why);
    }

    /// <summary>
    /// Puts a registered application into a period before its experts are chosen (the schedule's filter shows such
    /// applications as having fewer than two experts).
    /// </summary>
    public void AssignPeriod(AttestationPeriod period, Actor by, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(by);
        EnsureCan(ApplicationAction.AssignPeriod);
        EnsureOpen(period, now, zone);
        var at = Instant.Utc(now);

        PeriodId = period.Id;
        Record(by, at, ApplicationEventKind.PeriodAssigned, Status, $"Назначен период аттестации «{period.Name}»");
    }

    /// <summary>
    /// Puts the application into the schedule: an open period and two different experts from the year's approved list
    /// for the application's municipality. Also re-assigns a scheduled application while its new period is open.
    /// </summary>
    public void Schedule(
        AttestationPeriod period,
        Guid expertAId,
        Guid expertBId,
        ApprovedExpertList approvedExperts,
        Actor by,
        DateTimeOffset now,
        TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(approvedExperts);
        ArgumentNullException.ThrowIfNull(by);
        EnsureCan(ApplicationAction.Schedule);
        EnsureOpen(period, now, zone);

        if (expertAId == expertBId)
        {
            throw new DomainException("Нужны два разных специалиста по аттестации.");
        }

        EnsureExpertAllowed(expertAId, period, approvedExperts);
        EnsureExpertAllowed(expertBId, period, approvedExperts);

        var at = Instant.Utc(now);
        var rescheduling = Status == ApplicationStatus.Scheduled;
        PeriodId = period.Id;
        ExpertAId = expertAId;
        ExpertBId = expertBId;
        ScheduledAt = at;
        Record(by, at, ApplicationEventKind.Scheduled, ApplicationStatus.Scheduled,
            rescheduling
                ? $"Изменены период и специалисты: период «{period.Name}», два специалиста по аттестации"
                : $"Назначены период «{period.Name}» и два специалиста по аттестации");
    }

    /// <summary>
    /// Replaces one expert. Once the period is closed the schedule is approved, and a replacement «без согласования с
    /// Центром аттестации … не допускается»: the caller states whether the operator approved it.
    /// </summary>
    public void ReplaceExpert(
        AttestationPeriod period,
        Guid oldExpertId,
        Guid newExpertId,
        ApprovedExpertList approvedExperts,
        string reason,
        bool approvedByOperator,
        Actor by,
        DateTimeOffset now,
        TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(approvedExperts);
        ArgumentNullException.ThrowIfNull(by);
        EnsureCan(ApplicationAction.ReplaceExpert);
        if (period.Id != PeriodId)
        {
            throw new ArgumentException("Pass the period the application is scheduled in.", nameof(period));
        }

        if (oldExpertId != ExpertAId && oldExpertId != ExpertBId)
        {
            throw new DomainException("Заменяемый специалист не назначен на это заявление.");
        }

        if (newExpertId == ExpertAId || newExpertId == ExpertBId)
        {
            throw new DomainException("Этот специалист уже назначен на это заявление: нужны два разных специалиста.");
        }

        EnsureExpertAllowed(newExpertId, period, approvedExperts);
        var why = Text.Required(reason, "Причина замены специалиста", ReasonMaxLength);
        var periodClosed = !period.IsOpenForScheduling(now, zone);
        if (periodClosed && !approvedByOperator)
        {
            throw new DomainException(
                $"Период «{period.Name}» закрыт: замена специалиста после утверждения графика допускается только по согласованию с ЦОПМиКП (оператором).");
        }

        var at = Instant.Utc(now);
        if (oldExpertId == ExpertAId)
        {
            ExpertAId = newExpertId;
        }
        else
        {
            ExpertBId = newExpertId;
        }

        Record(by, at, ApplicationEventKind.ExpertReplaced, Status,
            periodClosed ? "Заменён специалист по аттестации (согласовано с оператором)" : "Заменён специалист по аттестации",
            why);
    }

    /// <summary>
    /// Attaches the final conclusion with the experts' recommendation; may replace it until it is signed, but only on
    /// purpose: <paramref name="replacesFile"/> names the conclusion the uploader saw (its file), so that a conclusion the
    /// other expert attached in the meantime is never replaced unseen. The replaced file stays in the history.
    /// </summary>
    public void AttachConclusion(Guid fileId, Conformity recommendation, string? comment, Actor by, DateTimeOffset now,
        Guid? replacesFile = null)
    {
        ArgumentNullException.ThrowIfNull(by);
        RequireFile(fileId);
        EnsureCan(ApplicationAction.AttachConclusion);
        if (Conclusion is { } current && current.FileId != replacesFile)
        {
            throw new DomainException(
                $"Пока вы заполняли форму, итоговое заключение прикрепили (рекомендация — «{current.Recommendation.ToRussian()}»). "
                + "Проверьте его; если его нужно заменить, выберите файл ещё раз и нажмите «Заменить итоговое заключение».");
        }
        var note = Text.Optional(comment, "Комментарий", Conclusion.CommentMaxLength);
        var at = Instant.Utc(now);

        var replacing = Conclusion is not null;
        var replaced = Conclusion?.FileId;
        if (Conclusion is null)
        {
            Conclusion = new Conclusion(fileId, recommendation, note, by.Id, at);
        }
        else
        {
            Conclusion.Replace(fileId, recommendation, note, by.Id, at);
        }

        Record(by, at,
            replacing ? ApplicationEventKind.ConclusionReplaced : ApplicationEventKind.ConclusionAttached,
            ApplicationStatus.ConclusionUploaded,
            replacing
                ? $"Итоговое заключение заменено: {recommendation.ToRussian()}"
                : $"Прикреплено итоговое заключение: {recommendation.ToRussian()}",
            fileId: replaced);
    }

    /// <summary>Attaches the copy signed by the teacher and both experts.</summary>
    public void SignConclusion(Guid signedFileId, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        RequireFile(signedFileId);
        EnsureCan(ApplicationAction.SignConclusion);
        var at = Instant.Utc(now);

        Conclusion!.Sign(signedFileId, by.Id, at);
        Record(by, at, ApplicationEventKind.ConclusionSigned, ApplicationStatus.ConclusionSigned,
            "Прикреплено итоговое заключение, подписанное аттестуемым и двумя специалистами");
    }

    /// <summary>
    /// The municipal coordinator's «соответствует / не соответствует» after checking the signed conclusion; may be
    /// corrected until the decision. A simplified-form application has no experts and is checked straight after
    /// registration.
    /// </summary>
    public void Verify(Conformity mark, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        EnsureCan(ApplicationAction.Verify);
        var simplifiedCheck = Status == ApplicationStatus.Registered;

        var at = Instant.Utc(now);
        var correction = Status == ApplicationStatus.Verified;
        CoordinatorMark = mark;
        VerifiedAt = at;
        VerifiedBy = by.Id;
        Record(by, at, ApplicationEventKind.Verified, ApplicationStatus.Verified,
            (simplifiedCheck, correction) switch
            {
                (true, _) => $"Заявление по упрощенной форме проверено координатором: {mark.ToRussian()}",
                (_, true) => $"Отметка координатора исправлена: {mark.ToRussian()}",
                _ => $"Итоговое заключение проверено координатором: {mark.ToRussian()}",
            });
    }

    public void Decide(CommissionDecision decision, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(by);
        EnsureCan(ApplicationAction.Decide);
        var at = Instant.Utc(now);

        // One decision object is typically built for a whole meeting; each application owns its own copy.
        Decision = decision.Copy();
        var order = Decision.OrderNumber is null
            ? string.Empty
            : $", распоряжение № {Decision.OrderNumber} от {Text.Date(Decision.OrderDate!.Value)}";
        Record(by, at, ApplicationEventKind.Decided, ApplicationStatus.Decided,
            $"Решение аттестационной комиссии от {Text.Date(Decision.MeetingDate)} (протокол № {Decision.ProtocolNumber}): {Decision.Outcome.ToRussian()}{order}");
    }

    public void RecordOrder(string orderNumber, DateOnly orderDate, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        EnsureCan(ApplicationAction.RecordOrder);
        Decision!.RecordOrder(orderNumber, orderDate);
        Record(by, Instant.Utc(now), ApplicationEventKind.OrderRecorded, Status,
            $"Распоряжение № {Decision.OrderNumber} от {Text.Date(orderDate)}");
    }

    /// <summary>The category record the decision establishes (no expiry under the 2023 Порядок).</summary>
    public HeldCategory CreateEstablishedCategory(string positionName)
    {
        if (Status != ApplicationStatus.Decided || Decision is not { Outcome: DecisionOutcome.Established } || ClaimedCategory is null)
        {
            throw new DomainException("Категория устанавливается только решением аттестационной комиссии «установить».");
        }

        return HeldCategory.Record(TeacherId, ClaimedCategory.Value, positionName, Decision.MeetingDate,
            Decision.OrderNumber, Decision.OrderDate);
    }

    /// <summary>
    /// Files «заявление на отзыв». The municipal coordinator files one on the teacher's behalf only with the signed
    /// withdrawal document attached.
    /// </summary>
    public void FileWithdrawal(
        WithdrawalReason reasonKind,
        string? reasonText,
        bool byCoordinator,
        Guid? documentFileId,
        Actor by,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!Can(byCoordinator ? ApplicationAction.FileWithdrawalForTeacher : ApplicationAction.FileWithdrawal))
        {
            // Can's refusal in the words of the withdrawal, for each reason it has.
            throw new DomainException((Status, IsWithdrawalPending) switch
            {
                (_, true) => "Заявление на отзыв уже подано и ждёт регистрации.",
                (ApplicationStatus.Draft, _) => "Черновик не отзывают: его можно просто удалить.",
                (ApplicationStatus.Rejected, _) => "Отклонённое заявление не рассматривается: отзывать нечего.",
                (ApplicationStatus.Decided, _) => "Решение по заявлению уже принято: отозвать его нельзя.",
                (ApplicationStatus.Withdrawn, _) => "Заявление уже отозвано.",
                (ApplicationStatus.Submitted, _) =>
                    $"Отозвать можно только зарегистрированное заявление, по которому ещё не принято решение; статус заявления «{Status.ToShortRussian()}».",
                _ => $"Отзыв заявления невозможен: статус «{Status.ToShortRussian()}».",
            });
        }

        var text = Text.Optional(reasonText, "Причина отзыва", Withdrawal.ReasonTextMaxLength);
        if (reasonKind == WithdrawalReason.Other && text is null)
        {
            throw new DomainException("Укажите причину отзыва заявления.");
        }

        if (documentFileId == Guid.Empty)
        {
            documentFileId = null;
        }

        if (byCoordinator && documentFileId is null)
        {
            throw new DomainException("Приложите подписанное заявление на отзыв (скан).");
        }

        var at = Instant.Utc(now);
        Withdrawal = new Withdrawal(reasonKind, text, byCoordinator, documentFileId, Status, by.Id, at);
        Record(by, at, ApplicationEventKind.WithdrawalFiled, Status,
            byCoordinator ? "Муниципальный координатор подал заявление на отзыв" : "Подано заявление на отзыв",
            Withdrawal.ReasonDisplay);
    }

    public void CancelWithdrawal(Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!IsWithdrawalPending)
        {
            throw new DomainException("Нет поданного заявления на отзыв.");
        }

        Withdrawal = null;
        Record(by, Instant.Utc(now), ApplicationEventKind.WithdrawalCancelled, Status, "Заявление на отзыв отменено");
    }

    /// <summary>The municipal coordinator registers the withdrawal: the application leaves the schedule for good.</summary>
    public void RegisterWithdrawal(Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!IsWithdrawalPending)
        {
            throw new DomainException("Нет поданного заявления на отзыв: регистрировать нечего.");
        }

        var at = Instant.Utc(now);
        Withdrawal!.Register(by.Id, at, PeriodId);
        if (Status == ApplicationStatus.Submitted)
        {
            ConsideredAt = at;
        }

        PeriodId = null;
        ExpertAId = null;
        ExpertBId = null;
        Record(by, at, ApplicationEventKind.Withdrawn, ApplicationStatus.Withdrawn, "Отзыв заявления зарегистрирован",
            Withdrawal.ReasonDisplay);
    }

    private static int RequirePositive(int id, string message) => id > 0 ? id : throw new DomainException(message);

    private static void RequireFile(Guid fileId)
    {
        if (fileId == Guid.Empty)
        {
            throw new ArgumentException("A stored file id is required.", nameof(fileId));
        }
    }

    private static int? ServiceYears(int? years, string field) =>
        years is null or (>= 0 and <= MaxServiceYears)
            ? years
            : throw new DomainException($"Поле «{field}»: число лет от 0 до {MaxServiceYears}.");

    private static string? Link(string? value, string field)
    {
        var link = Text.Optional(value, field, LinkMaxLength);
        if (link is not null && !IsWebAddress(link))
        {
            throw new DomainException($"«{link}» не похоже на адрес страницы в интернете: ссылка начинается с http:// или https://.");
        }

        return link;
    }

    private static string? NormaliseLinks(string? value)
    {
        var lines = (value ?? string.Empty)
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(line => Link(line, "Ссылки на результаты") ?? string.Empty)
            .ToList();
        var joined = string.Join('\n', lines);
        return joined.Length == 0 ? null : Text.Optional(joined, "Ссылки на результаты", ResultLinksMaxLength);
    }

    private static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    /// <summary>
    /// Refuses, in the words the users know, whatever <see cref="Can"/> does not allow; <paramref name="verb"/> names
    /// the step when it is narrower than the action («прикрепить документ» of <see cref="ApplicationAction.Edit"/>).
    /// </summary>
    private void EnsureCan(ApplicationAction action, string? verb = null)
    {
        if (Can(action))
        {
            return;
        }

        verb ??= ApplicationRules.Verb(action);
        if (ApplicationRules.WithdrawalConditionOf(action) == WithdrawalCondition.Forbidden && IsWithdrawalPending)
        {
            throw new DomainException(
                $"Нельзя {verb}: подано заявление на отзыв, его нужно сначала зарегистрировать или отменить.");
        }

        if (ApplicationRules.NeedsGeneralGrounds(action) && IsSimplified)
        {
            throw new DomainException(
                "В график включаются только заявления на общих основаниях; это заявление подано по упрощенной форме.");
        }

        if (action == ApplicationAction.Edit)
        {
            throw new DomainException(
                $"Нельзя {verb}: заявление в статусе «{Status.ToShortRussian()}»; изменить можно только черновик или отклонённое заявление.");
        }

        throw new DomainException($"Нельзя {verb}: статус заявления «{Status.ToShortRussian()}».");
    }

    private static void EnsureOpen(AttestationPeriod period, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (!period.IsOpenForScheduling(now, zone))
        {
            throw new DomainException(
                $"Период «{period.Name}» закрыт: график формируется до {PeriodCalendar.ScheduleDeadlineDay} числа включительно, добавлять аттестуемых в закрытый период нельзя.");
        }
    }

    private void EnsureExpertAllowed(Guid expertId, AttestationPeriod period, ApprovedExpertList approvedExperts)
    {
        if (expertId == Guid.Empty)
        {
            throw new DomainException("Выберите специалиста по аттестации.");
        }

        if (expertId == TeacherId)
        {
            throw new DomainException("Аттестуемый не может быть специалистом по собственной аттестации.");
        }

        if (approvedExperts.SchoolYearStart != period.SchoolYear.StartYear)
        {
            throw new DomainException(
                $"Список специалистов утверждён на {approvedExperts.SchoolYear} учебный год, а период «{period.Name}» относится к {period.SchoolYear} учебному году.");
        }

        if (!approvedExperts.IsApproved(expertId, MunicipalityId))
        {
            throw new DomainException(
                $"Специалист не включён в утверждённый список специалистов на {approvedExperts.SchoolYear} учебный год по муниципалитету аттестуемого.");
        }
    }

    private void Record(
        Actor by,
        DateTimeOffset at,
        ApplicationEventKind kind,
        ApplicationStatus toStatus,
        string description,
        string? reason = null,
        Guid? fileId = null)
    {
        var fromStatus = Status;
        Status = toStatus;
        UpdatedAt = at;
        LastEventNumber++;
        _events.Add(new ApplicationEvent(Id, LastEventNumber, at, by, kind, fromStatus, toStatus, description, reason, fileId));
    }
}
