using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Periods;
using Attestation.Web.Authorization;
using Attestation.Web.Data;

namespace Attestation.Web.Tests.Operator;

/// <summary>How far an application has come, for the tests that pick applications by state.</summary>
internal enum PrintStage
{
    Draft,
    Submitted,
    Rejected,
    Registered,
    Scheduled,
    Withdrawn,
}

/// <summary>Applications of teachers with names of their own (to be found in a printed file) and their own contacts.</summary>
internal sealed partial class OperatorDesk
{
    /// <summary>
    /// The application of a teacher called <paramref name="lastName"/> Анна Сергеевна, brought to <paramref name="stage"/>:
    /// «Scheduled» puts it into <paramref name="period"/> (with <paramref name="experts"/> when given), «Withdrawn»
    /// puts it there first and then registers the teacher's withdrawal.
    /// </summary>
    public async Task<Guid> NamedApplicationAsync(string login, string lastName, int municipalityId, int organisationId,
        PrintStage stage, AttestationPeriod? period = null, (AppUser A, AppUser B)? experts = null, string? phone = null,
        string? email = null, string? resultsGrounds = null)
    {
        var teacher = await factory.CreateUserAsync(Roles.Teacher, login, user =>
        {
            user.LastName = lastName;
            user.FirstName = "Анна";
            user.MiddleName = "Сергеевна";
            user.MunicipalityId = municipalityId;
            user.OrganisationId = organisationId;
            user.PositionId = Directory.SchoolTeacher.Id;
            user.PhoneNumber = phone;
            user.Email = email ?? user.Email;
        });
        var submittedAt = Now.AddDays(-5);
        var byTeacher = new Actor(teacher.Id, Roles.Teacher);
        var byCoordinator = new Actor(Guid.CreateVersion7(), Roles.MunicipalCoordinator);
        var application = Application.StartDraft(teacher.Id, new PersonName(lastName, "Анна", "Сергеевна"),
            municipalityId, organisationId, Directory.SchoolTeacher.Id, Directory.Mathematics.Id, byTeacher, submittedAt);
        application.UpdateDraft(Details(municipalityId, organisationId, simplified: false) with
        {
            LastName = lastName,
            FirstName = "Анна",
            MiddleName = "Сергеевна",
            ResultsGrounds = resultsGrounds ?? "Ученики — призёры региональной олимпиады по математике.",
        }, byTeacher, submittedAt);

        await using var db = factory.OpenDb();
        if (stage != PrintStage.Draft)
            application.Submit(byTeacher, submittedAt);
        if (stage == PrintStage.Rejected)
            application.Reject(byCoordinator, "Неверно указана должность.", submittedAt.AddDays(1));
        if (stage >= PrintStage.Registered)
            application.Register(byCoordinator, $"{login}/1", RegionClock.Today(submittedAt.AddDays(1), Tomsk), submittedAt.AddDays(1));
        if (stage >= PrintStage.Scheduled && period is not null)
        {
            var at = submittedAt.AddDays(2);
            if (experts is { } pair)
                application.Schedule(period, pair.A.Id, pair.B.Id,
                    await ApprovedListAsync(db, period.SchoolYear, municipalityId, pair.A, pair.B), byCoordinator, at, Tomsk);
            else
                application.AssignPeriod(period, byCoordinator, at, Tomsk);
        }
        if (stage == PrintStage.Withdrawn)
        {
            application.FileWithdrawal(WithdrawalReason.Health, null, byCoordinator: false, documentFileId: null, byTeacher, submittedAt.AddDays(3));
            application.RegisterWithdrawal(byCoordinator, submittedAt.AddDays(4));
        }

        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application.Id;
    }
}
