using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Directory;
using Attestation.Domain.Experts;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Tests.Expert;

/// <summary>
/// The expert's side through the real pages, and what the other roles do before (the application, the schedule, the
/// operator's approval), built through the domain and saved with the DbContext as their pages would.
/// </summary>
internal sealed class ExpertCabinet(PortalWithDirectoryFactory factory)
{
    public const string ScheduleUrl = "/Expert";

    public static readonly TimeZoneInfo Tomsk = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tomsk");

    public TestDirectory Directory => factory.Directory;

    public DateTimeOffset Now => factory.Clock.GetUtcNow();

    public DateOnly Today => RegionClock.Today(Now, Tomsk);

    public static string AttesteeUrl(Guid id) => $"/Expert/Attestee?id={id}";

    public static string FileUrl(Guid id, Guid fileId) => $"/Expert/Attestee?id={id}&fileId={fileId}&handler=File";

    public static string TickUrl(Guid id) => $"/Expert/Attestee?id={id}&handler=Tick";

    public static string UntickUrl(Guid id) => $"/Expert/Attestee?id={id}&handler=Untick";

    public static string ConclusionUrl(Guid id) => $"/Expert/Conclusion?id={id}";

    public static string TemplateUrl(Guid id) => $"/Expert/Conclusion?id={id}&handler=Template";

    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>The first day of the month two months ahead: its schedule is still open (built until the 12th of next month).</summary>
    public DateOnly NextOpenPeriodStart()
    {
        var inTwoMonths = Today.AddMonths(2);
        return new DateOnly(inTwoMonths.Year, inTwoMonths.Month, 1);
    }

    /// <summary>Moves the portal's clock forward to <paramref name="date"/> at <paramref name="time"/>, region time.</summary>
    public void MoveTo(DateOnly date, TimeOnly time = default)
    {
        var at = RegionClock.StartOfDay(date, Tomsk).Add(time.ToTimeSpan());
        if (at > Now)
            factory.Clock.SetUtcNow(at);
    }

    public Task<AppUser> CreateExpertAsync(string login, string lastName, string firstName, string middleName,
        Organisation? workplace = null) =>
        factory.CreateUserAsync(Roles.Expert, login, user =>
        {
            user.LastName = lastName;
            user.FirstName = firstName;
            user.MiddleName = middleName;
            user.MunicipalityId = (workplace?.MunicipalityId) ?? Directory.Tomsk.Id;
            user.OrganisationId = (workplace ?? Directory.Gymnasium).Id;
            user.PositionId = Directory.SchoolTeacher.Id;
            user.PhoneNumber = "+7 913 111-22-33";
        });

    public Task<AppUser> CreateTeacherAsync(string login, string lastName, string firstName, string middleName,
        Organisation? workplace = null) =>
        factory.CreateUserAsync(Roles.Teacher, login, user =>
        {
            user.LastName = lastName;
            user.FirstName = firstName;
            user.MiddleName = middleName;
            user.MunicipalityId = (workplace?.MunicipalityId) ?? Directory.Tomsk.Id;
            user.OrganisationId = (workplace ?? Directory.Lyceum).Id;
            user.PositionId = Directory.SchoolTeacher.Id;
            user.SubjectId = Directory.Mathematics.Id;
        });

    public Task<AppUser> CreateSchoolCoordinatorAsync(string login, string lastName, Organisation organisation, string? phone) =>
        factory.CreateUserAsync(Roles.SchoolCoordinator, login, user =>
        {
            user.LastName = lastName;
            user.FirstName = "Марина";
            user.MiddleName = "Петровна";
            user.MunicipalityId = organisation.MunicipalityId;
            user.OrganisationId = organisation.Id;
            user.WorkPhone = phone;
        });

    public Task<AppUser> CreateOperatorAsync(string login) =>
        factory.CreateUserAsync(Roles.Operator, login, user =>
        {
            user.LastName = "Соколова";
            user.FirstName = "Елена";
            user.MiddleName = "Андреевна";
        });

    /// <summary>
    /// A teacher's application taken from the draft to the schedule of the period starting on <paramref name="start"/>
    /// with <paramref name="expertA"/> and <paramref name="expertB"/>, with the signed scan and a results description.
    /// </summary>
    public async Task<Guid> ScheduledApplicationAsync(AppUser teacher, AppUser expertA, AppUser expertB, DateOnly start,
        AttestationForm form = AttestationForm.InPerson, QualificationCategory claimed = QualificationCategory.Highest)
    {
        await using var db = factory.OpenDb();
        var period = await PeriodAsync(db, start);
        var list = await ApprovedListAsync(db, period, teacher.MunicipalityId!.Value, expertA, expertB);

        var teacherActor = new Actor(teacher.Id, Roles.Teacher);
        var application = Application.StartDraft(teacher.Id, new PersonName(teacher.LastName, teacher.FirstName, teacher.MiddleName),
            teacher.MunicipalityId!.Value, teacher.OrganisationId!.Value, teacher.PositionId!.Value, teacher.SubjectId,
            teacherActor, Now);
        application.UpdateDraft(new ApplicationDetails
        {
            LastName = teacher.LastName,
            FirstName = teacher.FirstName,
            MiddleName = teacher.MiddleName,
            MunicipalityId = teacher.MunicipalityId!.Value,
            OrganisationId = teacher.OrganisationId!.Value,
            PositionId = teacher.PositionId!.Value,
            SubjectId = teacher.SubjectId,
            CurrentCategory = claimed == QualificationCategory.First ? QualificationCategory.None : QualificationCategory.First,
            ClaimedCategory = claimed,
            Form = form,
            EducationInstitution = "Томский государственный педагогический университет",
            EducationYear = 2005,
            EducationSpeciality = "математика",
            EducationQualification = "учитель математики",
            PedagogicalServiceYears = 18,
            PositionServiceYears = 15,
            OrganisationServiceYears = 10,
            ResultsGrounds = "Ученики — призёры региональной олимпиады по математике.",
            ResultLinks = "https://lyceum8.example.org/teachers/portfolio",
            LessonRecordingLink1 = form == AttestationForm.Distance ? "https://video.example.org/lesson-1" : null,
            LessonRecordingLink2 = form == AttestationForm.Distance ? "https://video.example.org/lesson-2" : null,
            PersonalDataConsent = true,
        }, teacherActor, Now);
        foreach (var (kind, name) in new[]
                 {
                     (ApplicationDocumentKind.SignedApplication, "скан заявления.pdf"),
                     (ApplicationDocumentKind.ResultsDescription, "описание результатов.pdf"),
                 })
        {
            var file = StoredFile.From(new ValidatedUpload(name, "application/pdf", SamplePdf.Bytes(name)), teacher.Id, Now);
            db.StoredFiles.Add(file);
            application.AttachDocument(kind, file.Id, name, teacherActor, Now);
        }

        application.Submit(teacherActor, Now);
        var coordinator = new Actor(Guid.NewGuid(), Roles.MunicipalCoordinator);
        application.Register(coordinator, $"Э-{Guid.NewGuid().ToString("N")[..8]}", Today, Now);
        application.Schedule(period, expertA.Id, expertB.Id, list, coordinator, Now, Tomsk);
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application.Id;
    }

    /// <summary>The operator's approval of the municipality's schedule for the period (the consolidated schedule's «Утвердить»).</summary>
    public async Task ApproveAsync(DateOnly start, int municipalityId, AppUser @operator)
    {
        await using var db = factory.OpenDb();
        var period = await PeriodAsync(db, start);
        if (!await db.ScheduleApprovals.AnyAsync(a => a.PeriodId == period.Id && a.MunicipalityId == municipalityId))
        {
            db.ScheduleApprovals.Add(new ScheduleApproval(period.Id, municipalityId, @operator.Id, Now));
            await db.SaveChangesAsync();
        }
    }

    /// <summary>Approves the period's schedule and moves the clock to the 16th of the month before: the schedule is visible.</summary>
    public async Task MakeVisibleAsync(DateOnly start, int municipalityId, AppUser @operator)
    {
        await ApproveAsync(start, municipalityId, @operator);
        MoveTo(start.AddMonths(-1).AddDays(PeriodCalendar.ExpertScheduleVisibleFromDay - 1), new TimeOnly(9, 0));
    }

    public async Task<Application> LoadAsync(Guid id)
    {
        await using var db = factory.OpenDb();
        return await db.Applications.AsNoTracking()
            .Include(a => a.Events)
            .Include(a => a.Documents)
            .AsSplitQuery()
            .SingleAsync(a => a.Id == id);
    }

    public async Task<IReadOnlyList<ExpertChecklistTick>> TicksAsync(Guid id)
    {
        await using var db = factory.OpenDb();
        return await db.ExpertChecklistTicks.AsNoTracking().Where(t => t.ApplicationId == id).ToListAsync();
    }

    public async Task<int> StoredFileCountAsync()
    {
        await using var db = factory.OpenDb();
        return await db.StoredFiles.CountAsync();
    }

    public async Task ChangeAsync(Guid id, Action<Application, AttestationDbContext> change)
    {
        await using var db = factory.OpenDb();
        var application = await db.Applications.Include(a => a.Documents).SingleAsync(a => a.Id == id);
        change(application, db);
        await db.SaveChangesAsync();
    }

    /// <summary>The teacher attaches the copy signed by all three, as his cabinet does.</summary>
    public Task SignAsync(Guid id, AppUser teacher) =>
        ChangeAsync(id, (application, db) =>
        {
            var file = StoredFile.From(new ValidatedUpload("подписанное.pdf", "application/pdf", SamplePdf.Bytes("signed")), teacher.Id, Now);
            db.StoredFiles.Add(file);
            application.SignConclusion(file.Id, new Actor(teacher.Id, Roles.Teacher), Now);
        });

    /// <summary>Posts the upload form of «Итоговое заключение».</summary>
    public static Task<HttpResponseMessage> UploadConclusionAsync(HttpClient client, Guid id, string recommendation,
        string? comment, string fileName, byte[] content) =>
        client.SubmitMultipartFormAsync(ConclusionUrl(id),
            new Dictionary<string, string>
            {
                ["Input.Recommendation"] = recommendation,
                ["Input.Comment"] = comment ?? "",
            },
            [new ChosenFile("Input.Scan", fileName, content, "application/pdf")],
            formSelector: "#upload-form");

    /// <summary>Ticks or unticks a step with its own form on the attestee's page.</summary>
    public static Task<HttpResponseMessage> TickAsync(HttpClient client, Guid id, string step, bool tick = true) =>
        client.SubmitFormAsync(AttesteeUrl(id), new Dictionary<string, string>(),
            formSelector: tick ? $"#tick-form-{step}" : $"#untick-form-{step}");

    public static async Task<IDocument> ExpectRedirectToAsync(HttpClient client, HttpResponseMessage response, string path)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await response.ReadDocumentAsync();
            throw new InvalidOperationException(
                $"Expected a redirect to {path}, got {(int)response.StatusCode}: "
                + string.Join("; ", page.FieldErrors().Select(e => $"{e.Key}: {e.Value}").Concat(page.SummaryErrors())));
        }
        Assert.StartsWith(path, response.RedirectPath(), StringComparison.Ordinal);
        return await client.GetDocumentAsync(response.RedirectPath()!);
    }

    /// <summary>The green message a redirect leaves for the next page.</summary>
    public static string? StatusMessage(IParentNode page) => page.QuerySelector("[role=status]")?.TextContent.Trim();

    private static async Task<AttestationPeriod> PeriodAsync(AttestationDbContext db, DateOnly start)
    {
        var period = await db.Periods.SingleOrDefaultAsync(p => p.StartYear == start.Year && p.StartMonth == start.Month);
        if (period is null)
        {
            period = new AttestationPeriod(start.Year, start.Month);
            db.Periods.Add(period);
            await db.SaveChangesAsync();
        }
        return period;
    }

    private async Task<ApprovedExpertList> ApprovedListAsync(AttestationDbContext db, AttestationPeriod period, int municipalityId,
        params AppUser[] experts)
    {
        var list = await db.ApprovedExpertLists.Include(l => l.Entries)
            .SingleOrDefaultAsync(l => l.SchoolYearStart == period.SchoolYear.StartYear);
        if (list is null)
        {
            list = new ApprovedExpertList(period.SchoolYear, "456-р", Today.AddDays(-30));
            db.ApprovedExpertLists.Add(list);
        }
        foreach (var expert in experts.Where(e => !list.IsApproved(e.Id, municipalityId)))
            list.Add(expert.Id, municipalityId);
        await db.SaveChangesAsync();
        return list;
    }
}
