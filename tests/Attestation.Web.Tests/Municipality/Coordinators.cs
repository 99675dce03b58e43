using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attestation.Web.Tests.Municipality;

/// <summary>
/// The people and applications the municipal coordinator's tests start from, made through the real Identity users and
/// the domain transitions (not rows typed into tables), and the forged posts the isolation tests send.
/// </summary>
public static class Coordinators
{
    public const string WorkPhone = "+7 (3822) 46-03-17";

    /// <summary>A municipality with one school of its own, so that a test's lists and numbers depend on no other test.</summary>
    public static async Task<(int MunicipalityId, int OrganisationId)> MunicipalityAsync(PortalFactory factory, string name)
    {
        await using var db = factory.OpenDb();
        var municipality = new Domain.Directory.Municipality(name);
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync();
        var organisation = new Domain.Directory.Organisation(municipality.Id, $"МБОУ СОШ ({name})");
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return (municipality.Id, organisation.Id);
    }

    public static Task<AppUser> CoordinatorAsync(PortalFactory factory, string login, int municipalityId) =>
        factory.CreateUserAsync(Roles.MunicipalCoordinator, login, user =>
        {
            user.MunicipalityId = municipalityId;
            user.WorkPhone = WorkPhone;
            user.LastName = "Лебедева";
            user.FirstName = "Олеся";
            user.MiddleName = "Игоревна";
        });

    /// <summary>A municipal coordinator of <paramref name="municipalityId"/>, signed in through the login form.</summary>
    public static async Task<HttpClient> SignedInAsync(PortalFactory factory, string login, int municipalityId)
    {
        await CoordinatorAsync(factory, login, municipalityId);
        return await factory.SignInAsync(login);
    }

    public static Task<AppUser> TeacherAsync(PortalFactory factory, string login, int municipalityId, int organisationId,
        int positionId, string lastName = "Смирнова") =>
        factory.CreateUserAsync(Roles.Teacher, login, user =>
        {
            user.LastName = lastName;
            user.FirstName = "Татьяна";
            user.MiddleName = "Игоревна";
            user.MunicipalityId = municipalityId;
            user.OrganisationId = organisationId;
            user.PositionId = positionId;
            user.PhoneNumber = "+7 913 000-11-22";
        });

    /// <summary>
    /// A draft of <paramref name="teacher"/> filled in as the teacher's form would, submitted <paramref name="daysAgo"/>
    /// days before the portal's clock (null: left as a draft), with a signed scan attached when asked.
    /// </summary>
    public static Task<Application> ApplicationAsync(PortalFactory factory, AppUser teacher, int? daysAgo = 1,
        QualificationCategory claimed = QualificationCategory.First, byte[]? scan = null,
        Action<Application, DateTimeOffset>? then = null) =>
        factory.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AttestationDbContext>();
            var files = services.GetRequiredService<IFileStore>();
            var by = new Actor(teacher.Id, Roles.Teacher);
            // Whole days back: the region's calendar date of the submission is exactly today minus daysAgo.
            var at = factory.Clock.GetUtcNow().AddDays(-(daysAgo ?? 0));
            var application = Application.StartDraft(teacher.Id,
                new PersonName(teacher.LastName, teacher.FirstName, teacher.MiddleName),
                teacher.MunicipalityId!.Value, teacher.OrganisationId!.Value, teacher.PositionId!.Value, teacher.SubjectId,
                by, at.AddMinutes(-10));
            application.UpdateDraft(new ApplicationDetails
            {
                LastName = teacher.LastName,
                FirstName = teacher.FirstName,
                MiddleName = teacher.MiddleName,
                MunicipalityId = teacher.MunicipalityId!.Value,
                OrganisationId = teacher.OrganisationId!.Value,
                PositionId = teacher.PositionId!.Value,
                SubjectId = teacher.SubjectId,
                CurrentCategory = QualificationCategory.None,
                ClaimedCategory = claimed,
                Form = AttestationForm.InPerson,
                EducationInstitution = "Томский государственный педагогический университет",
                EducationYear = 2005,
                PedagogicalServiceYears = 15,
                ResultsGrounds = "Стабильные положительные результаты освоения обучающимися образовательных программ.",
                PersonalDataConsent = true,
            }, by, at.AddMinutes(-5));
            if (scan is not null)
            {
                var fileId = files.Stage(new ValidatedUpload("Заявление (скан).pdf", "application/pdf", scan), teacher.Id, at);
                application.AttachDocument(ApplicationDocumentKind.SignedApplication, fileId, "Заявление (скан).pdf", by, at.AddMinutes(-1));
            }
            if (daysAgo is not null)
                application.Submit(by, at);
            then?.Invoke(application, at);
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            return application;
        });

    public static async Task<Application> ReloadAsync(PortalFactory factory, Guid id)
    {
        await using var db = factory.OpenDb();
        return await db.Applications.AsNoTracking()
            .Include(a => a.Events).Include(a => a.Documents)
            .AsSplitQuery()
            .SingleAsync(a => a.Id == id);
    }

    /// <summary>The antiforgery token of the signed-in user, read from a form of <paramref name="page"/>.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page = "/Municipality/Profile")
    {
        var document = await client.GetDocumentAsync(page);
        return document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{page} has no antiforgery token.");
    }

    /// <summary>A post the page never offered (another municipality's id), with a valid antiforgery token.</summary>
    public static async Task<HttpResponseMessage> ForgedPostAsync(HttpClient client, string url,
        IReadOnlyDictionary<string, string>? fields = null)
    {
        var values = new Dictionary<string, string>(fields ?? new Dictionary<string, string>())
        {
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client),
        };
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(url, content);
    }
}
