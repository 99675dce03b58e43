using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Experts;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Storage;
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
        factory.CreateUserAsync(Roles.MunicipalCoordinator, login, user =>
        {
            user.LastName = "Координаторова";
            user.FirstName = "Галина";
            user.MiddleName = "Петровна";
            user.MunicipalityId = municipalityId ?? Directory.Tomsk.Id;
            user.WorkPhone = workPhone;
        });

    public Task<AppUser> CreateExpertAsync(string login, string lastName, int? municipalityId = null) =>
        factory.CreateUserAsync(Roles.Expert, login, user =>
        {
            user.LastName = lastName;
            user.FirstName = "Ирина";
            user.MiddleName = "Олеговна";
            user.MunicipalityId = municipalityId ?? Directory.Tomsk.Id;
            user.OrganisationId = Directory.Gymnasium.Id;
            user.PositionId = Directory.SchoolTeacher.Id;
        });

    public Task<AppUser> CreateTeacherAsync(string login, int municipalityId, int organisationId) =>
        factory.CreateUserAsync(Roles.Teacher, login, user =>
        {
            user.LastName = "Учителева";
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

    public async Task<AttestationPeriod> PeriodAsync(int startYear, int startMonth)
    {
        await using var db = factory.OpenDb();
        var period = await db.Periods.SingleOrDefaultAsync(p => p.StartYear == startYear && p.StartMonth == startMonth);
        if (period is null)
        {
            period = new AttestationPeriod(startYear, startMonth);
            db.Periods.Add(period);
            await db.SaveChangesAsync();
        }
        return period;
    }

    /// <summary>
    /// A teacher's application submitted at <paramref name="submittedAt"/>; registered (and put into a period, with or
    /// without experts) at the following instants when asked.
    /// </summary>
    public async Task<Guid> ApplicationAsync(string login, int municipalityId, int organisationId, DateTimeOffset submittedAt,
        bool register = false, AttestationPeriod? period = null, (AppUser A, AppUser B)? experts = null,
        DateTimeOffset? scheduledAt = null, bool simplified = false, byte[]? signedScan = null)
    {
        var teacher = await CreateTeacherAsync(login, municipalityId, organisationId);
        var byTeacher = new Actor(teacher.Id, Roles.Teacher);
        var byCoordinator = new Actor(Guid.CreateVersion7(), Roles.MunicipalCoordinator);
        var application = Application.StartDraft(teacher.Id, new PersonName("Учителева", "Ольга", "Ивановна"),
            municipalityId, organisationId, Directory.SchoolTeacher.Id, Directory.Mathematics.Id, byTeacher, submittedAt);
        application.UpdateDraft(Details(municipalityId, organisationId, simplified), byTeacher, submittedAt);

        await using var db = factory.OpenDb();
        if (signedScan is not null)
        {
            var file = StoredFile.From(new ValidatedUpload("скан заявления.pdf", "application/pdf", signedScan), teacher.Id, submittedAt);
            db.StoredFiles.Add(file);
            application.AttachDocument(ApplicationDocumentKind.SignedApplication, file.Id, file.FileName, byTeacher, submittedAt);
        }
        application.Submit(byTeacher, submittedAt);
        if (register)
        {
            var registeredAt = submittedAt.AddDays(1);
            application.Register(byCoordinator, $"{login}/1", RegionClock.Today(registeredAt, Tomsk), registeredAt);
        }

        if (period is not null)
        {
            var at = scheduledAt ?? submittedAt.AddDays(2);
            if (experts is { } pair)
            {
                var list = await ApprovedListAsync(db, period.SchoolYear, municipalityId, pair.A, pair.B);
                application.Schedule(period, pair.A.Id, pair.B.Id, list, byCoordinator, at, Tomsk);
            }
            else
            {
                application.AssignPeriod(period, byCoordinator, at, Tomsk);
            }
        }

        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application.Id;
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

    private ApplicationDetails Details(int municipalityId, int organisationId, bool simplified) => new()
    {
        LastName = "Учителева",
        FirstName = "Ольга",
        MiddleName = "Ивановна",
        MunicipalityId = municipalityId,
        OrganisationId = organisationId,
        PositionId = Directory.SchoolTeacher.Id,
        SubjectId = Directory.Mathematics.Id,
        CurrentCategory = QualificationCategory.None,
        ClaimedCategory = QualificationCategory.First,
        Form = AttestationForm.InPerson,
        SimplifiedGrounds = simplified ? "Победитель конкурса профессионального мастерства" : null,
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

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
