using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Experts;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Tests.Teacher;

/// <summary>
/// The teacher's side of the flow through the real pages (sign-in, the application form, uploads, submission) and what
/// the other roles do to an application, made through the domain as their pages would.
/// </summary>
internal sealed partial class TeacherCabinet(PortalWithDirectoryFactory factory)
{
    public const string NewApplicationUrl = "/Teacher/Applications/Edit";
    public const string ApplicationsUrl = "/Teacher/Applications";
    public const string ProfileUrl = "/Teacher/Profile";

    /// <summary>The text of the signed-scan document kind, as the form and the history write it.</summary>
    public const string SignedScan = "Подписанное заявление (скан)";

    public static readonly TimeZoneInfo Tomsk = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tomsk");

    private TestDirectory Directory => factory.Directory;

    public DateTimeOffset Now => factory.Clock.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, Tomsk).DateTime);

    public static string EditUrl(Guid id) => $"/Teacher/Applications/Edit?id={id}";

    public static string DetailsUrl(Guid id) => $"/Teacher/Applications/Details?id={id}";

    public static string WithdrawUrl(Guid id) => $"/Teacher/Applications/Withdraw?id={id}";

    public static string PrintUrl(Guid id) => $"/Teacher/Applications/Print?id={id}";

    public static string FileUrl(Guid id, Guid fileId) => $"/Teacher/Applications/File?id={id}&fileId={fileId}";

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>A teacher of mathematics at the Tomsk lyceum, as registration leaves him.</summary>
    public Task<AppUser> CreateTeacherAsync(string login, Action<AppUser>? configure = null) =>
        factory.CreateUserAsync(Roles.Teacher, login, user =>
        {
            user.MunicipalityId = Directory.Tomsk.Id;
            user.OrganisationId = Directory.Lyceum.Id;
            user.PositionId = Directory.SchoolTeacher.Id;
            user.SubjectId = Directory.Mathematics.Id;
            user.PhoneNumber = "+7 913 000-00-00";
            configure?.Invoke(user);
        });

    /// <summary>Everything a first-category application on general grounds needs, except the signed scan.</summary>
    public static Dictionary<string, string> CompleteForm() => new()
    {
        ["Input.ClaimedCategory"] = "First",
        ["Input.Form"] = "InPerson",
        ["Input.EducationInstitution"] = "Томский государственный педагогический университет",
        ["Input.EducationYear"] = "2005",
        ["Input.EducationSpeciality"] = "математика",
        ["Input.EducationQualification"] = "учитель математики",
        ["Input.PedagogicalServiceYears"] = "18",
        ["Input.PositionServiceYears"] = "15",
        ["Input.OrganisationServiceYears"] = "10",
        ["Input.ResultsGrounds"] = "Ученики — призёры региональной олимпиады по математике 2025 года.",
        ["Input.PersonalDataConsent"] = "true",
    };

    /// <summary>Saves the form («Сохранить черновик») and returns the application's id from the redirect.</summary>
    public static async Task<Guid> SaveDraftAsync(HttpClient client, IReadOnlyDictionary<string, string> values,
        string url = NewApplicationUrl)
    {
        using var response = await client.SubmitFormAsync(url, values, submitter: "save");
        return await ExpectEditRedirectAsync(response);
    }

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, ApplicationDocumentKind kind,
        string fileName, byte[] content, IReadOnlyDictionary<string, string>? values = null) =>
        client.SubmitMultipartFormAsync(EditUrl(id),
            new Dictionary<string, string>(values ?? new Dictionary<string, string>()) { ["UploadKind"] = kind.ToString() },
            [new ChosenFile("Upload", fileName, content, "application/pdf")], submitter: "upload");

    /// <summary>Attaches a document and checks the form came back to the same application.</summary>
    public static async Task AttachAsync(HttpClient client, Guid id, ApplicationDocumentKind kind, string fileName, byte[] content)
    {
        using var response = await UploadAsync(client, id, kind, fileName, content);
        Assert.Equal(id, await ExpectEditRedirectAsync(response));
    }

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, Guid id) =>
        client.SubmitFormAsync(EditUrl(id), new Dictionary<string, string>(), submitter: "submit");

    /// <summary>A complete draft with its signed scan, submitted through «Подать заявление».</summary>
    public async Task<Guid> SubmittedApplicationAsync(HttpClient client, IReadOnlyDictionary<string, string>? values = null)
    {
        var form = CompleteForm();
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
            form[name] = value;
        var id = await SaveDraftAsync(client, form);
        await AttachAsync(client, id, ApplicationDocumentKind.SignedApplication, "скан заявления.pdf", SampleFiles.Pdf());
        using var response = await SubmitAsync(client, id);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(DetailsUrl(id), response.RedirectPath());
        Assert.Equal(ApplicationStatus.Submitted, (await LoadAsync(id)).Status);
        return id;
    }

    public static async Task<Guid> ExpectEditRedirectAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await response.ReadDocumentAsync();
            throw new InvalidOperationException(
                $"Expected a redirect to the saved application, got {(int)response.StatusCode}: "
                + string.Join("; ", page.FieldErrors().Select(e => $"{e.Key}: {e.Value}").Concat(page.SummaryErrors())));
        }
        var path = response.RedirectPath()!;
        Assert.StartsWith(NewApplicationUrl + "?id=", path, StringComparison.Ordinal);
        return IdIn(path);
    }

    public static Guid IdIn(string path) =>
        Guid.Parse(QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), path).Query)["id"].ToString());

    /// <summary>The text of an element as a reader sees it: runs of white space made one space.</summary>
    public static string Text(IElement element) => Spaces().Replace(element.TextContent, " ").Trim();

    /// <summary>The green message a redirect leaves for the next page.</summary>
    public static string? StatusMessage(IParentNode page) => page.QuerySelector("[role=status]")?.TextContent.Trim();

    /// <summary>The history as the teacher reads it: what, when, who, why.</summary>
    public static IReadOnlyList<(string What, string When, string Who, string? Why)> History(IParentNode page) =>
        page.QuerySelectorAll("#history > li")
            .Select(item =>
            {
                var spans = item.QuerySelectorAll("div > span");
                var lines = item.Children.Where(c => c.LocalName == "div" && c.ClassList.Contains("small")).ToList();
                return (spans[0].TextContent.Trim(), spans[1].TextContent.Trim(), lines[0].TextContent.Trim(),
                    lines.Count > 1 ? lines[1].TextContent.Trim() : null);
            })
            .ToList();

    public Task<Application> LoadAsync(Guid id) => factory.Applications.LoadAsync(id);

    public async Task<IReadOnlyList<Application>> ApplicationsOfAsync(Guid teacherId)
    {
        await using var db = factory.OpenDb();
        return await db.Applications.AsNoTracking().Include(a => a.Events).Include(a => a.Documents).AsSplitQuery()
            .Where(a => a.TeacherId == teacherId).ToListAsync();
    }

    public Task<int> StoredFileCountAsync() => factory.Applications.StoredFileCountAsync();

    public Task<AppUser> CreateCoordinatorAsync(string login) => factory.CoordinatorAsync(login);

    public Task<AppUser> CreateExpertAsync(string login, string lastName) => factory.ExpertAsync(login, lastName);

    public Task RejectAsync(Guid id, AppUser coordinator, string reason) =>
        factory.Applications.Saved(id).By(coordinator).Rejected(reason).AtAsync(ApplicationStage.Rejected);

    public Task RegisterAsync(Guid id, AppUser coordinator, string number) =>
        factory.Applications.Saved(id).By(coordinator).Registered(number).AtAsync(ApplicationStage.Registered);

    /// <summary>
    /// Puts a registered application into the period that starts two months from now (open: its schedule is built
    /// until the 12th of next month) with two experts of the approved list of that school year.
    /// </summary>
    public async Task<AttestationPeriod> ScheduleAsync(Guid id, AppUser coordinator, AppUser expertA, AppUser expertB)
    {
        var period = await factory.Applications.PeriodAsync(Today.AddMonths(2));
        await factory.Applications.Saved(id).By(coordinator).Scheduled(period, expertA, expertB).AtAsync(ApplicationStage.Scheduled);
        return period;
    }

    /// <summary>The expert uploads the final conclusion: a stored file and the aggregate's transition, saved together.</summary>
    public async Task<Guid> AttachConclusionAsync(Guid id, AppUser expert, byte[] content)
    {
        var application = await factory.Applications.Saved(id)
            .Concluded(Conformity.Corresponds, expert: expert, scan: content)
            .AtAsync(ApplicationStage.ConclusionUploaded);
        return application.Conclusion!.FileId;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
