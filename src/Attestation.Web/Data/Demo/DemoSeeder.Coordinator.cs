using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Web.Authorization;

namespace Attestation.Web.Data.Demo;

/// <summary>What the demo municipal coordinator (г. Томск) needs to see in his cabinet.</summary>
public sealed partial class DemoSeeder
{
    /// <summary>
    /// The demo coordinator's own «Подано» applications show the 30-day clock in all three colours — two overdue, two in
    /// the last week, the rest fresh — whatever the shuffle gives the other municipalities.
    /// </summary>
    private readonly Queue<int> _demoMunicipalityAges = new([33, 31, 28, 25, 9, 2]);

    private int SubmittedAge(int municipalityId, Context context, Queue<int> others)
    {
        var queue = municipalityId == context.People.Teacher.User.MunicipalityId && _demoMunicipalityAges.Count > 0
            ? _demoMunicipalityAges
            : others;
        return queue.Count > 0 ? queue.Dequeue() : 5;
    }

    /// <summary>
    /// «Список пользователей зарегистрированных по приглашению» of Tomsk: the demo expert and school coordinator came
    /// in by invitation, and one more invitation waits for its expert. The tokens are thrown away: nobody follows them.
    /// </summary>
    private void SeedInvitations(People people)
    {
        var lifetime = new InvitationOptions().Lifetime;
        var coordinator = people.Coordinators[people.Teacher.User.MunicipalityId!.Value].User;
        var expert = people.Experts[coordinator.MunicipalityId!.Value][0].User;
        foreach (var (user, role) in new[] { (expert, Roles.Expert), (people.School.User, Roles.SchoolCoordinator) })
        {
            var (invitation, _) = Invitation.Create(user.Email!, role, user.MunicipalityId!.Value, user.OrganisationId,
                new Actor(coordinator.Id, Roles.MunicipalCoordinator), user.CreatedAt.AddDays(-2), lifetime);
            invitation.Accept(user.Id, user.CreatedAt);
            db.Invitations.Add(invitation);
        }
        var (pending, _) = Invitation.Create("new.expert@attestation.example", Roles.Expert, coordinator.MunicipalityId!.Value,
            null, new Actor(coordinator.Id, Roles.MunicipalCoordinator), _now.AddDays(-3), lifetime);
        db.Invitations.Add(pending);
    }
}
