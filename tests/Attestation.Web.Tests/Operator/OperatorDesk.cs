using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Tests.Operator;

/// <summary>
/// The operator's side: people in their roles, and applications brought to a state through the domain (as the teacher's
/// and the coordinator's pages would), with the instants passed explicitly so that a test can place them in the past.
/// </summary>
internal sealed partial class OperatorDesk(PortalWithDirectoryFactory factory)
{
    public static readonly TimeZoneInfo Tomsk = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tomsk");

    private TestDirectory Directory => factory.Directory;

    public DateTimeOffset Now => factory.Clock.GetUtcNow();

    public DateOnly Today => RegionClock.Today(Now, Tomsk);

    /// <summary>An instant given as a wall-clock time in Tomsk.</summary>
    public static DateTimeOffset TomskTime(int year, int month, int day, int hour = 12, int minute = 0, int second = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromHours(7)).ToUniversalTime();

    /// <summary>Moves the test clock forward to <paramref name="instant"/> (a fake clock never goes back).</summary>
    public void MoveClockTo(DateTimeOffset instant)
    {
        if (instant < Now)
            throw new InvalidOperationException($"The clock is already at {Now:O}; it cannot go back to {instant:O}.");
        factory.Clock.SetUtcNow(instant);
    }

    public Task<AppUser> CreateOperatorAsync(string login) =>
        factory.CreateUserAsync(Roles.Operator, login, user =>
        {
            user.LastName = "Операторова";
            user.FirstName = "Елена";
            user.MiddleName = "Андреевна";
        });

    public Task<AppUser> CreateCoordinatorAsync(string login, int? municipalityId = null, string? workPhone = null) =>
        factory.CoordinatorAsync(login, municipalityId, workPhone);

    public Task<AppUser> CreateExpertAsync(string login, string lastName, int? municipalityId = null) =>
        factory.ExpertAsync(login, lastName, municipalityId);

    public Task<AppUser> CreateTeacherAsync(string login, int municipalityId, int organisationId, string lastName = "Учителева") =>
        factory.CreateUserAsync(Roles.Teacher, login, user =>
        {
            user.LastName = lastName;
            user.FirstName = "Ольга";
            user.MiddleName = "Ивановна";
            user.MunicipalityId = municipalityId;
            user.OrganisationId = organisationId;
            user.PositionId = Directory.SchoolTeacher.Id;
        });

    public async Task<HttpClient> SignInOperatorAsync(string login)
    {
        await CreateOperatorAsync(login);
        return await factory.SignInAsync(login);
    }

    public Task<AttestationPeriod> PeriodAsync(int startYear, int startMonth) =>
        factory.Applications.PeriodAsync(new DateOnly(startYear, startMonth, 1));

    /// <summary>
    /// A teacher's application submitted at <paramref name="submittedAt"/>; registered (and put into a period, with or
    /// without experts) at the following instants when asked.
    /// </summary>
    public async Task<Guid> ApplicationAsync(string login, int municipalityId, int organisationId, DateTimeOffset submittedAt,
        bool register = false, AttestationPeriod? period = null, (AppUser A, AppUser B)? experts = null,
        DateTimeOffset? scheduledAt = null, bool simplified = false, byte[]? signedScan = null, string lastName = "Учителева")
    {
        var teacher = await CreateTeacherAsync(login, municipalityId, organisationId, lastName);
        var application = Submitted(teacher, submittedAt, simplified);
        if (signedScan is not null)
            application.Document(ApplicationDocumentKind.SignedApplication, "скан заявления.pdf", signedScan);
        var stage = register ? ApplicationStage.Registered : ApplicationStage.Submitted;
        if (register && period is not null)
            stage = InPeriod(application, period, experts, scheduledAt ?? submittedAt.AddDays(2));
        return (await application.AtAsync(stage)).Id;
    }

    public async Task<int> CountAsync<T>(Func<AttestationDbContext, IQueryable<T>> query)
    {
        await using var db = factory.OpenDb();
        return await query(db).CountAsync();
    }

    /// <summary>The files a user has uploaded and the portal still keeps (an import's staged workbook).</summary>
    public Task<int> StoredFilesOfAsync(string login) =>
        CountAsync(db => db.StoredFiles.Where(f => db.Users.Any(u => u.Id == f.CreatedBy && u.UserName == login)));

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The text of an element as a reader sees it: runs of white space made one space.</summary>
    public static string Text(IElement element) => Spaces().Replace(element.TextContent, " ").Trim();

    /// <summary>The green message a redirect leaves for the next page.</summary>
    public static string? StatusMessage(IParentNode page) => page.QuerySelector("[role=status]")?.TextContent.Trim();

    /// <summary>
    /// The desk's application of a teacher of mathematics, submitted at <paramref name="submittedAt"/> and, when taken
    /// that far, registered a day later as «login/1».
    /// </summary>
    private ApplicationBuilder Submitted(AppUser teacher, DateTimeOffset submittedAt, bool simplified) =>
        factory.Applications.Of(teacher)
            .With(details => details with
            {
                SubjectId = Directory.Mathematics.Id,
                SimplifiedGrounds = simplified ? "Победитель конкурса профессионального мастерства" : null,
            })
            .SubmittedAt(submittedAt)
            .Registered($"{teacher.UserName}/1", submittedAt.AddDays(1));

    /// <summary>Puts the application into <paramref name="period"/>, with the experts when given; the stage that takes it there.</summary>
    private static ApplicationStage InPeriod(ApplicationBuilder application, AttestationPeriod period,
        (AppUser A, AppUser B)? experts, DateTimeOffset at)
    {
        if (experts is not { } pair)
        {
            application.InPeriod(period, at);
            return ApplicationStage.Registered;
        }
        application.Scheduled(period, pair.A, pair.B, at);
        return ApplicationStage.Scheduled;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
