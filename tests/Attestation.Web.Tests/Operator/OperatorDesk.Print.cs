using Attestation.Domain.Applications;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;

namespace Attestation.Web.Tests.Operator;

/// <summary>Applications of teachers with names of their own (to be found in a printed file) and their own contacts.</summary>
internal sealed partial class OperatorDesk
{
    /// <summary>
    /// The application of a teacher called <paramref name="lastName"/> Анна Сергеевна, brought to <paramref name="stage"/>:
    /// «Scheduled» puts it into <paramref name="period"/> (with <paramref name="experts"/> when given); when
    /// <paramref name="withdrawn"/>, the teacher's withdrawal is then filed and registered.
    /// </summary>
    public async Task<Guid> NamedApplicationAsync(string login, string lastName, int municipalityId, int organisationId,
        ApplicationStage stage, AttestationPeriod? period = null, (AppUser A, AppUser B)? experts = null, string? phone = null,
        string? email = null, string? resultsGrounds = null, bool withdrawn = false)
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
        var application = Submitted(teacher, submittedAt, simplified: false)
            .Rejected("Неверно указана должность.", submittedAt.AddDays(1));
        if (resultsGrounds is not null)
            application.With(details => details with { ResultsGrounds = resultsGrounds });
        if (stage >= ApplicationStage.Scheduled && period is not null)
            stage = InPeriod(application, period, experts, submittedAt.AddDays(2));
        if (withdrawn)
            application.Withdrawn(WithdrawalReason.Health, at: submittedAt.AddDays(3), registeredAt: submittedAt.AddDays(4));
        return (await application.AtAsync(stage)).Id;
    }
}
