using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Experts;
using Attestation.Domain.Periods;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Testing;

/// <summary>
/// How far <see cref="ApplicationBuilder"/> takes an application. Each stage passes through the ones before it on the
/// way, except that a rejected application is never registered and a simplified-form one goes from registration
/// straight to the coordinator's check.
/// </summary>
public enum ApplicationStage
{
    Draft,
    Submitted,
    Rejected,
    Registered,
    Scheduled,
    ConclusionUploaded,
    ConclusionSigned,
    Verified,
    Decided,
}

/// <summary>
/// An application taken to a stage through the real domain transitions (draft, submission, registration or rejection,
/// the schedule, the experts' conclusion, the signed copy, the coordinator's check, the commission's decision, a
/// withdrawal) and saved with the portal's DbContext, as the pages of the roles would leave it. Every step happens at
/// the submission's instant (for an application already saved: the portal clock's now) unless told otherwise, and by a
/// coordinator without an account unless <see cref="By"/> names one.
/// </summary>
public sealed class ApplicationBuilder
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(RegionClock.RegionTimeZoneId);

    private static int _numbers;

    private readonly PortalFactory _factory;
    private readonly AppUser? _teacher;
    private readonly Guid? _id;
    private readonly List<(ApplicationDocumentKind Kind, string Name, byte[] Content)> _documents = [];
    private Func<ApplicationDetails, ApplicationDetails> _details = details => details;
    private Actor _coordinator = new(Guid.CreateVersion7(), Roles.MunicipalCoordinator);
    private DateTimeOffset? _startedAt;
    private DateTimeOffset? _submittedAt;
    private (string Reason, DateTimeOffset? At) _rejection = ("Неверно указана должность.", null);
    private (string? Number, DateOnly? On, DateTimeOffset? At) _registration;
    private (AttestationPeriod? Period, AppUser? ExpertA, AppUser? ExpertB, DateTimeOffset? At) _schedule;
    private (Conformity Recommendation, AppUser? Expert, byte[] Scan, DateTimeOffset? At) _conclusion =
        (Conformity.Corresponds, null, Pdf, null);
    private (byte[] Copy, DateTimeOffset? At) _signature = (Pdf, null);
    private (Conformity? Mark, DateTimeOffset? At) _check;
    private (CommissionDecision? Decision, AppUser? Operator, DateTimeOffset? At) _decision;
    private (WithdrawalReason Reason, string? Text, DateTimeOffset? At, bool Registered, DateTimeOffset? RegisteredAt)? _withdrawal;

    internal ApplicationBuilder(PortalFactory factory, AppUser? teacher, Guid? id)
    {
        _factory = factory;
        _teacher = teacher;
        _id = id;
    }

    /// <summary>The smallest file that opens as a PDF: what the steps store when no content is given.</summary>
    public static byte[] Pdf => "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    /// <summary>
    /// What the teacher's form holds, as a change of the default: the teacher's name and workplace from his profile,
    /// «первая» on general grounds, in person, with education, service years and results filled in.
    /// </summary>
    public ApplicationBuilder With(Func<ApplicationDetails, ApplicationDetails> change)
    {
        var before = _details;
        _details = details => change(before(details));
        return this;
    }

    /// <summary>A document the teacher attaches to the draft (a stored file), e.g. the signed scan.</summary>
    public ApplicationBuilder Document(ApplicationDocumentKind kind, string fileName, byte[]? content = null)
    {
        _documents.Add((kind, fileName, content ?? Pdf));
        return this;
    }

    /// <summary>The municipal coordinator who registers, rejects, schedules and checks.</summary>
    public ApplicationBuilder By(AppUser coordinator)
    {
        _coordinator = new Actor(coordinator.Id, Roles.MunicipalCoordinator);
        return this;
    }

    /// <summary>When the draft was started and filled in (the documents attached), if before the submission.</summary>
    public ApplicationBuilder StartedAt(DateTimeOffset at)
    {
        _startedAt = at;
        return this;
    }

    public ApplicationBuilder SubmittedAt(DateTimeOffset at)
    {
        _submittedAt = at;
        return this;
    }

    public ApplicationBuilder Rejected(string reason, DateTimeOffset? at = null)
    {
        _rejection = (reason, at);
        return this;
    }

    /// <summary>
    /// The registration: <paramref name="number"/> (a fresh «N/year» when not given) on <paramref name="on"/> (the
    /// region's date of <paramref name="at"/> when not given).
    /// </summary>
    public ApplicationBuilder Registered(string? number = null, DateTimeOffset? at = null, DateOnly? on = null)
    {
        _registration = (number, on, at);
        return this;
    }

    /// <summary>
    /// The period and the two experts (added to the school year's approved list of the application's municipality
    /// where missing), from <see cref="ApplicationStage.Scheduled"/> on.
    /// </summary>
    public ApplicationBuilder Scheduled(AttestationPeriod period, AppUser expertA, AppUser expertB, DateTimeOffset? at = null)
    {
        _schedule = (period, expertA, expertB, at);
        return this;
    }

    /// <summary>Once registered, the application is put into <paramref name="period"/> before its experts are chosen.</summary>
    public ApplicationBuilder InPeriod(AttestationPeriod period, DateTimeOffset? at = null)
    {
        _schedule = (period, null, null, at);
        return this;
    }

    /// <summary>The final conclusion, uploaded by <paramref name="expert"/> (the first expert when not given).</summary>
    public ApplicationBuilder Concluded(Conformity recommendation = Conformity.Corresponds, DateTimeOffset? at = null,
        AppUser? expert = null, byte[]? scan = null)
    {
        _conclusion = (recommendation, expert, scan ?? Pdf, at);
        return this;
    }

    /// <summary>The copy signed by the teacher and both experts, attached by the teacher.</summary>
    public ApplicationBuilder SignedCopy(DateTimeOffset? at = null, byte[]? copy = null)
    {
        _signature = (copy ?? Pdf, at);
        return this;
    }

    /// <summary>The coordinator's mark (the experts' recommendation when not given).</summary>
    public ApplicationBuilder Verified(Conformity? mark = null, DateTimeOffset? at = null)
    {
        _check = (mark, at);
        return this;
    }

    /// <summary>
    /// The commission's decision, recorded by <paramref name="operator"/>; when not given, one on the region's date of
    /// <paramref name="at"/>, protocol «1», following the coordinator's mark.
    /// </summary>
    public ApplicationBuilder Decided(CommissionDecision? decision = null, AppUser? @operator = null, DateTimeOffset? at = null)
    {
        _decision = (decision, @operator, at);
        return this;
    }

    /// <summary>
    /// After the stage is reached, the teacher files «заявление на отзыв» and, when <paramref name="registered"/>, the
    /// coordinator registers it.
    /// </summary>
    public ApplicationBuilder Withdrawn(WithdrawalReason reason = WithdrawalReason.Health, string? text = null,
        DateTimeOffset? at = null, bool registered = true, DateTimeOffset? registeredAt = null)
    {
        _withdrawal = (reason, text, at, registered, registeredAt);
        return this;
    }

    /// <summary>
    /// Takes the application to <paramref name="stage"/> and saves it: a new one from the draft, one already saved from
    /// wherever it stands (the steps it has passed are not repeated).
    /// </summary>
    public async Task<Application> AtAsync(ApplicationStage stage)
    {
        await using var db = _factory.OpenDb();
        Application application;
        if (_id is { } id)
        {
            application = await db.Applications.Include(a => a.Documents).SingleAsync(a => a.Id == id);
        }
        else
        {
            application = StartDraft(db);
            db.Applications.Add(application);
        }

        var teacher = new Actor(application.TeacherId, Roles.Teacher);
        if (stage >= ApplicationStage.Submitted && application.Status == ApplicationStatus.Draft)
            application.Submit(teacher, When(_submittedAt));
        if (stage == ApplicationStage.Rejected && application.Status == ApplicationStatus.Submitted)
            application.Reject(_coordinator, _rejection.Reason, When(_rejection.At));
        if (stage >= ApplicationStage.Registered && application.Status == ApplicationStatus.Submitted)
            Register(application);
        if (_schedule.Period is { } period && application.Status == ApplicationStatus.Registered && !application.IsSimplified
            && stage >= (_schedule.ExpertA is null ? ApplicationStage.Registered : ApplicationStage.Scheduled))
            await ScheduleAsync(db, application, period);
        if (stage >= ApplicationStage.ConclusionUploaded && application.Status == ApplicationStatus.Scheduled)
        {
            var expert = _conclusion.Expert?.Id ?? application.ExpertAId!.Value;
            var at = When(_conclusion.At);
            var file = Store(db, "Итоговое заключение.pdf", _conclusion.Scan, expert, at);
            application.AttachConclusion(file, _conclusion.Recommendation, null, new Actor(expert, Roles.Expert), at);
        }
        if (stage >= ApplicationStage.ConclusionSigned && application.Status == ApplicationStatus.ConclusionUploaded)
        {
            var at = When(_signature.At);
            var file = Store(db, "Итоговое заключение подписанное.pdf", _signature.Copy, application.TeacherId, at);
            application.SignConclusion(file, teacher, at);
        }
        if (stage >= ApplicationStage.Verified && application.CanVerify && application.Status != ApplicationStatus.Verified)
            application.Verify(_check.Mark ?? application.Conclusion?.Recommendation ?? _conclusion.Recommendation,
                _coordinator, When(_check.At));
        if (stage >= ApplicationStage.Decided && application.Status == ApplicationStatus.Verified)
        {
            var at = When(_decision.At);
            application.Decide(_decision.Decision ?? new CommissionDecision(RegionClock.Today(at, Zone), "1",
                    application.CoordinatorMark == Conformity.Corresponds ? DecisionOutcome.Established : DecisionOutcome.Refused),
                new Actor(_decision.Operator?.Id ?? Guid.CreateVersion7(), Roles.Operator), at);
        }
        if (_withdrawal is { } withdrawal)
        {
            application.FileWithdrawal(withdrawal.Reason, withdrawal.Text, byCoordinator: false, documentFileId: null,
                teacher, When(withdrawal.At));
            if (withdrawal.Registered)
                application.RegisterWithdrawal(_coordinator, When(withdrawal.RegisteredAt ?? withdrawal.At));
        }

        await db.SaveChangesAsync();
        return application;
    }

    private Application StartDraft(AttestationDbContext db)
    {
        var teacher = _teacher ?? throw new InvalidOperationException("A new application needs its teacher.");
        var details = _details(Complete(teacher));
        var by = new Actor(teacher.Id, Roles.Teacher);
        var at = _startedAt ?? When(_submittedAt);
        var application = Application.StartDraft(teacher.Id,
            new PersonName(details.LastName, details.FirstName, details.MiddleName), details.MunicipalityId,
            details.OrganisationId, details.PositionId, details.SubjectId, by, at);
        application.UpdateDraft(details, by, at);
        foreach (var (kind, name, content) in _documents)
            application.AttachDocument(kind, Store(db, name, content, teacher.Id, at), name, by, at);
        return application;
    }

    private void Register(Application application)
    {
        var at = When(_registration.At);
        var on = _registration.On ?? RegionClock.Today(at, Zone);
        var number = _registration.Number ?? $"{Interlocked.Increment(ref _numbers)}/{on.Year}";
        application.Register(_coordinator, number, on, at);
    }

    private async Task ScheduleAsync(AttestationDbContext db, Application application, AttestationPeriod period)
    {
        var at = When(_schedule.At);
        if (_schedule is { ExpertA: { } a, ExpertB: { } b })
        {
            var list = await ApprovedListAsync(db, period.SchoolYear, application.MunicipalityId, a, b);
            application.Schedule(period, a.Id, b.Id, list, _coordinator, at, Zone);
        }
        else
        {
            application.AssignPeriod(period, _coordinator, at, Zone);
        }
    }

    /// <summary>The approved list of experts of <paramref name="year"/>, made when missing, with the experts listed for the municipality.</summary>
    private static async Task<ApprovedExpertList> ApprovedListAsync(AttestationDbContext db, SchoolYear year, int municipalityId,
        params AppUser[] experts)
    {
        var list = await db.ApprovedExpertLists.Include(l => l.Entries).SingleOrDefaultAsync(l => l.SchoolYearStart == year.StartYear);
        if (list is null)
        {
            list = new ApprovedExpertList(year, "100-р", year.FirstDay.AddDays(-10));
            db.ApprovedExpertLists.Add(list);
        }
        foreach (var expert in experts.Where(e => !list.IsApproved(e.Id, municipalityId)))
            list.Add(expert.Id, municipalityId);
        return list;
    }

    private DateTimeOffset When(DateTimeOffset? at) => at ?? _submittedAt ?? _factory.Clock.GetUtcNow();

    private static Guid Store(AttestationDbContext db, string name, byte[] content, Guid by, DateTimeOffset at)
    {
        var file = StoredFile.From(new ValidatedUpload(name, "application/pdf", content), by, at);
        db.StoredFiles.Add(file);
        return file.Id;
    }

    private static ApplicationDetails Complete(AppUser teacher) => new()
    {
        LastName = teacher.LastName,
        FirstName = teacher.FirstName,
        MiddleName = teacher.MiddleName,
        MunicipalityId = teacher.MunicipalityId ?? 0,
        OrganisationId = teacher.OrganisationId ?? 0,
        PositionId = teacher.PositionId ?? 0,
        SubjectId = teacher.SubjectId,
        CurrentCategory = QualificationCategory.None,
        ClaimedCategory = QualificationCategory.First,
        Form = AttestationForm.InPerson,
        EducationInstitution = "Томский государственный педагогический университет",
        EducationYear = 2005,
        EducationSpeciality = "математика",
        EducationQualification = "учитель математики",
        PedagogicalServiceYears = 18,
        PositionServiceYears = 15,
        OrganisationServiceYears = 10,
        ResultsGrounds = "Ученики — призёры региональной олимпиады по математике.",
        PersonalDataConsent = true,
    };
}
