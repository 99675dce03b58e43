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
        var period = await factory.Applications.PeriodAsync(start);
        var application = await factory.Applications.Of(teacher)
            .With(details => details with
            {
                CurrentCategory = claimed == QualificationCategory.First ? QualificationCategory.None : QualificationCategory.First,
                ClaimedCategory = claimed,
                Form = form,
                ResultLinks = "https://lyceum8.example.org/teachers/portfolio",
                LessonRecordingLink1 = form == AttestationForm.Distance ? "https://video.example.org/lesson-1" : null,
                LessonRecordingLink2 = form == AttestationForm.Distance ? "https://video.example.org/lesson-2" : null,
            })
            .Document(ApplicationDocumentKind.SignedApplication, "скан заявления.pdf", SamplePdf.Bytes("скан заявления.pdf"))
            .Document(ApplicationDocumentKind.ResultsDescription, "описание результатов.pdf", SamplePdf.Bytes("описание результатов.pdf"))
            .Registered($"Э-{Guid.NewGuid().ToString("N")[..8]}")
            .Scheduled(period, expertA, expertB)
            .AtAsync(ApplicationStage.Scheduled);
        return application.Id;
    }

    /// <summary>The operator's approval of the municipality's schedule for the period (the consolidated schedule's «Утвердить»).</summary>
    public async Task ApproveAsync(DateOnly start, int municipalityId, AppUser @operator)
    {
        var period = await factory.Applications.PeriodAsync(start);
        await using var db = factory.OpenDb();
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

    public Task<Application> LoadAsync(Guid id) => factory.Applications.LoadAsync(id);

    public async Task<IReadOnlyList<ExpertChecklistTick>> TicksAsync(Guid id)
    {
        await using var db = factory.OpenDb();
        return await db.ExpertChecklistTicks.AsNoTracking().Where(t => t.ApplicationId == id).ToListAsync();
    }

    public Task<int> StoredFileCountAsync() => factory.Applications.StoredFileCountAsync();

    /// <summary>The teacher attaches the copy signed by all three, as his cabinet does.</summary>
    public Task SignAsync(Guid id) =>
        factory.Applications.Saved(id).SignedCopy(copy: SamplePdf.Bytes("signed")).AtAsync(ApplicationStage.ConclusionSigned);

    /// <summary>Posts the upload form of «Итоговое заключение».</summary>
    public static Task<HttpResponseMessage> UploadConclusionAsync(HttpClient client, Guid id, string recommendation,
        string? comment, string fileName, byte[] content) =>
        client.SubmitMultipartFormAsync(ConclusionUrl(id),
            new Dictionary<string, string>
            {
                ["Input.Recommendation"] = recommendation,
                ["Input.Comment"] = comment ?? "",
                ["SignedByAll"] = "false",
                ["ConfirmBeforePeriod"] = "true",
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
}
