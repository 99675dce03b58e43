using Attestation.Domain.Applications;

namespace Attestation.Domain.Tests.Applications;

/// <summary>
/// For every status × action × (withdrawal pending or not) × (general or simplified grounds): what the aggregate says it
/// can do (<see cref="Application.Can"/>, which the pages show their buttons from), what a list selects
/// (<see cref="ApplicationFilters.Can"/>, the same rule as a query) and what the action's method does (refuses with a
/// <see cref="DomainException"/> or goes through) all agree.
/// </summary>
public class CapabilityTests
{
    public sealed record Situation(ApplicationStatus Status, bool Simplified, bool WithdrawalPending, ApplicationAction Action)
    {
        public override string ToString() =>
            $"{Action} from {Status}{(Simplified ? ", simplified" : "")}{(WithdrawalPending ? ", withdrawal pending" : "")}";
    }

    private static readonly ApplicationStatus[] SimplifiedStatuses =
        [ApplicationStatus.Draft, ApplicationStatus.Submitted, ApplicationStatus.Rejected, ApplicationStatus.Registered,
            ApplicationStatus.Verified, ApplicationStatus.Decided, ApplicationStatus.Withdrawn];

    public static TheoryData<Situation> Cases
    {
        get
        {
            var data = new TheoryData<Situation>();
            foreach (var status in Enum.GetValues<ApplicationStatus>())
            foreach (var simplified in new[] { false, true })
            foreach (var pending in new[] { false, true })
            foreach (var action in Enum.GetValues<ApplicationAction>())
            {
                if (simplified && !SimplifiedStatuses.Contains(status))
                    continue;
                // A withdrawal can only be pending on an application in progress.
                if (pending && !status.IsInProgress())
                    continue;
                data.Add(new Situation(status, simplified, pending, action));
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_capability_the_query_and_the_guard_agree(Situation situation)
    {
        ArgumentNullException.ThrowIfNull(situation);
        var period = Given.JanuaryFebruary2026();
        var application = Build(situation, period);
        Assert.Equal(situation.Status, application.Status);
        Assert.Equal(situation.WithdrawalPending, application.IsWithdrawalPending);

        var can = application.Can(situation.Action);
        var selected = ApplicationFilters.Can(situation.Action).Compile()(application);
        Assert.Equal(can, selected);
        Assert.Equal(can, ApplicationRules.Allows(situation.Action, application.Status, application.IsWithdrawalPending,
            application.IsSimplified, application.ExpertAId is not null && application.ExpertBId is not null));

        // Deleting a draft is the page's own removal of the row: there is no method to guard.
        if (situation.Action == ApplicationAction.Delete)
        {
            Assert.Equal(situation.Status == ApplicationStatus.Draft, can);
            return;
        }

        var refusal = Record.Exception(() => Act(application, situation.Action, period));
        if (can)
        {
            Assert.Null(refusal);
        }
        else
        {
            var domain = Assert.IsType<DomainException>(refusal);
            Assert.False(string.IsNullOrWhiteSpace(domain.Message));
        }
    }

    [Fact]
    public void The_named_lists_are_the_rules_sets()
    {
        var registered = Given.ApplicationIn(ApplicationStatus.Registered);
        var simplified = Given.ApplicationIn(ApplicationStatus.Registered, simplified: true);
        var scheduled = Given.ApplicationIn(ApplicationStatus.Scheduled);
        var awaiting = ApplicationFilters.AwaitingPeriod.Compile();
        Assert.True(awaiting(registered));
        Assert.False(awaiting(simplified));
        Assert.False(awaiting(scheduled));

        var inProgress = ApplicationFilters.InProgress.Compile();
        foreach (var status in Enum.GetValues<ApplicationStatus>().Where(s => s != ApplicationStatus.Withdrawn))
            Assert.Equal(status.IsInProgress(), inProgress(Given.ApplicationIn(status)));
        Assert.False(inProgress(Given.ApplicationIn(ApplicationStatus.Withdrawn)));
    }

    private static Application Build(Situation situation, Attestation.Domain.Periods.AttestationPeriod period)
    {
        var application = situation.Status == ApplicationStatus.Scheduled
            ? Given.ScheduledIn(period)
            : Given.ApplicationIn(situation.Status, situation.Simplified);
        // A draft filled in, so that only the status can stop its submission.
        if (situation.Status == ApplicationStatus.Draft)
            application.UpdateDraft(situation.Simplified ? Given.SimplifiedDetails() : Given.Details(), Given.Teacher, Given.DraftAt);
        if (situation.WithdrawalPending)
            application.FileWithdrawal(WithdrawalReason.Dismissal, null, false, null, Given.Teacher, Given.DecideAt.AddDays(1));
        return application;
    }

    private static void Act(Application application, ApplicationAction action, Attestation.Domain.Periods.AttestationPeriod period)
    {
        var later = Given.DecideAt.AddDays(2);
        // While the period is still open for scheduling.
        var scheduling = Given.ScheduleAt.AddHours(1);
        switch (action)
        {
            case ApplicationAction.Edit:
                application.UpdateDraft(application.IsSimplified ? Given.SimplifiedDetails() : Given.Details(), Given.Teacher, later);
                break;
            case ApplicationAction.Submit:
                application.Submit(Given.Teacher, later);
                break;
            case ApplicationAction.Register:
                application.Register(Given.Coordinator, "99/2026", new DateOnly(2026, 2, 28), later);
                break;
            case ApplicationAction.Reject:
                application.Reject(Given.Coordinator, "Нет подписи", later);
                break;
            case ApplicationAction.AssignPeriod:
                application.AssignPeriod(period, Given.Coordinator, scheduling, Given.Tomsk);
                break;
            case ApplicationAction.Schedule:
                application.Schedule(period, Given.ExpertA, Given.ExpertB, Given.ApprovedExperts(), Given.Coordinator, scheduling, Given.Tomsk);
                break;
            case ApplicationAction.ReplaceExpert:
                application.ReplaceExpert(period, Given.ExpertA, Given.ExpertC, Given.ApprovedExperts(), "Болезнь", false,
                    Given.Coordinator, scheduling, Given.Tomsk);
                break;
            case ApplicationAction.AttachConclusion:
                application.AttachConclusion(Given.ConclusionFile, Conformity.Corresponds, null, Given.Expert, later, application.Conclusion?.FileId);
                break;
            case ApplicationAction.SignConclusion:
                application.SignConclusion(Given.SignedConclusionFile, Given.Teacher, later);
                break;
            case ApplicationAction.Verify:
                application.Verify(Conformity.Corresponds, Given.Coordinator, later);
                break;
            case ApplicationAction.Decide:
                application.Decide(Given.Decision(), Given.Operator, later);
                break;
            case ApplicationAction.RecordOrder:
                application.RecordOrder("1193-р", new DateOnly(2026, 3, 3), Given.Operator, later);
                break;
            case ApplicationAction.FileWithdrawal:
                application.FileWithdrawal(WithdrawalReason.Health, null, false, null, Given.Teacher, later);
                break;
            case ApplicationAction.FileWithdrawalForTeacher:
                application.FileWithdrawal(WithdrawalReason.Health, null, true, Given.WithdrawalFile, Given.Coordinator, later);
                break;
            case ApplicationAction.CancelWithdrawal:
                application.CancelWithdrawal(Given.Teacher, later);
                break;
            case ApplicationAction.RegisterWithdrawal:
                application.RegisterWithdrawal(Given.Coordinator, later);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }
}
