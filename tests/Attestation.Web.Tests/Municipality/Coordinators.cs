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
    public const string WorkPhone = People.CoordinatorWorkPhone;

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
        factory.MunicipalCoordinatorAsync(login, municipalityId);

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
    /// An application of <paramref name="teacher"/> filled in as the teacher's form would, to be submitted
    /// <paramref name="daysAgo"/> whole days before the portal's clock (so the region's date of the submission is
    /// exactly today minus daysAgo), with a signed scan attached when asked; taken further by the caller.
    /// </summary>
    public static ApplicationBuilder Application(PortalFactory factory, AppUser teacher, int daysAgo = 1,
        QualificationCategory claimed = QualificationCategory.First, byte[]? scan = null)
    {
        var at = factory.Clock.GetUtcNow().AddDays(-daysAgo);
        var application = factory.Applications.Of(teacher)
            .With(details => details with { ClaimedCategory = claimed })
            .StartedAt(at.AddMinutes(-10))
            .SubmittedAt(at);
        return scan is null ? application : application.Document(ApplicationDocumentKind.SignedApplication, "Заявление (скан).pdf", scan);
    }

    /// <summary>As <c>Application</c>, submitted (or left as a draft when <paramref name="daysAgo"/> is null).</summary>
    public static Task<Application> ApplicationAsync(PortalFactory factory, AppUser teacher, int? daysAgo = 1,
        QualificationCategory claimed = QualificationCategory.First, byte[]? scan = null) =>
        Application(factory, teacher, daysAgo ?? 0, claimed, scan)
            .AtAsync(daysAgo is null ? ApplicationStage.Draft : ApplicationStage.Submitted);

    public static Task<Application> ReloadAsync(PortalFactory factory, Guid id) => factory.Applications.LoadAsync(id);

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
