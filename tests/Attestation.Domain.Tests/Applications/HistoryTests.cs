using Attestation.Domain.Applications;

namespace Attestation.Domain.Tests.Applications;

public class HistoryTests
{
    [Fact]
    public void The_whole_life_of_an_application_is_a_numbered_chain_of_events()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Decided);

        Assert.Equal(
            [
                ApplicationEventKind.Created, ApplicationEventKind.DraftUpdated, ApplicationEventKind.Submitted,
                ApplicationEventKind.Registered, ApplicationEventKind.Scheduled, ApplicationEventKind.ConclusionAttached,
                ApplicationEventKind.ConclusionSigned, ApplicationEventKind.Verified, ApplicationEventKind.Decided,
            ],
            application.Events.Select(e => e.Kind));
        Assert.Equal(Enumerable.Range(1, 9), application.Events.Select(e => e.Number));
        Assert.Equal(9, application.LastEventNumber);

        for (var i = 1; i < application.Events.Count; i++)
        {
            Assert.Equal(application.Events[i - 1].ToStatus, application.Events[i].FromStatus);
            Assert.True(application.Events[i - 1].At <= application.Events[i].At);
        }

        Assert.All(application.Events, e => Assert.Equal(application.Id, e.ApplicationId));
        Assert.All(application.Events, e => Assert.Equal(TimeSpan.Zero, e.At.Offset));
        Assert.All(application.Events, e => Assert.Equal(7, e.Id.Version));
    }

    [Fact]
    public void Each_event_names_who_acted_and_in_which_role()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Decided);

        Assert.Equal(
            ["Teacher", "Teacher", "Teacher", "MunicipalCoordinator", "MunicipalCoordinator", "Expert", "Teacher",
                "MunicipalCoordinator", "Operator"],
            application.Events.Select(e => e.ActorRole));
        Assert.Equal(Given.ExpertA, application.Events[5].ActorId);
        Assert.Equal(Given.Operator.Id, application.Events[^1].ActorId);
    }

    [Fact]
    public void A_rejection_and_resubmission_stay_in_the_history_with_the_reason()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Rejected);
        application.Submit(Given.Teacher, Given.RegisterAt.AddDays(1));
        application.Register(Given.Coordinator, "13/2025", new DateOnly(2025, 10, 12), Given.RegisterAt.AddDays(2));

        var rejected = Assert.Single(application.Events, e => e.Kind == ApplicationEventKind.Rejected);
        Assert.Equal("Отсутствует подпись на скане заявления", rejected.Reason);
        Assert.Equal(Given.Coordinator.Id, rejected.ActorId);
        Assert.Equal(
            [ApplicationEventKind.Rejected, ApplicationEventKind.Resubmitted, ApplicationEventKind.Registered],
            application.Events.Skip(3).Select(e => e.Kind));
    }

    [Fact]
    public void An_actor_needs_an_id_and_a_role()
    {
        Assert.Throws<ArgumentException>(() => new Actor(Guid.Empty, "Teacher"));
        Assert.Throws<ArgumentException>(() => new Actor(Given.TeacherId, " "));
    }
}
