using Attestation.Domain.Applications;

namespace Attestation.Domain.Tests.Applications;

/// <summary>Every action from every status: the legal moves land where the diagram says, the rest change nothing.</summary>
public class TransitionTests
{
    public enum Move
    {
        Submit,
        Register,
        Reject,
        Schedule,
        AttachConclusion,
        SignConclusion,
        Verify,
        Decide,
    }

    private static readonly Dictionary<Move, Dictionary<ApplicationStatus, ApplicationStatus>> _legal = new()
    {
        [Move.Submit] = new() { [ApplicationStatus.Draft] = ApplicationStatus.Submitted, [ApplicationStatus.Rejected] = ApplicationStatus.Submitted },
        [Move.Register] = new() { [ApplicationStatus.Submitted] = ApplicationStatus.Registered },
        [Move.Reject] = new() { [ApplicationStatus.Submitted] = ApplicationStatus.Rejected },
        [Move.Schedule] = new() { [ApplicationStatus.Registered] = ApplicationStatus.Scheduled, [ApplicationStatus.Scheduled] = ApplicationStatus.Scheduled },
        [Move.AttachConclusion] = new() { [ApplicationStatus.Scheduled] = ApplicationStatus.ConclusionUploaded, [ApplicationStatus.ConclusionUploaded] = ApplicationStatus.ConclusionUploaded },
        [Move.SignConclusion] = new() { [ApplicationStatus.ConclusionUploaded] = ApplicationStatus.ConclusionSigned },
        [Move.Verify] = new() { [ApplicationStatus.ConclusionSigned] = ApplicationStatus.Verified, [ApplicationStatus.Verified] = ApplicationStatus.Verified },
        [Move.Decide] = new() { [ApplicationStatus.Verified] = ApplicationStatus.Decided },
    };

    public static TheoryData<ApplicationStatus, Move, ApplicationStatus> LegalMoves()
    {
        var data = new TheoryData<ApplicationStatus, Move, ApplicationStatus>();
        foreach (var (move, transitions) in _legal)
        {
            foreach (var (from, to) in transitions)
            {
                data.Add(from, move, to);
            }
        }

        return data;
    }

    public static TheoryData<ApplicationStatus, Move> IllegalMoves()
    {
        var data = new TheoryData<ApplicationStatus, Move>();
        foreach (var status in Enum.GetValues<ApplicationStatus>())
        {
            foreach (var move in Enum.GetValues<Move>())
            {
                if (!_legal[move].ContainsKey(status))
                {
                    data.Add(status, move);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LegalMoves))]
    public void A_legal_move_reaches_its_status_and_is_recorded(ApplicationStatus from, Move move, ApplicationStatus to)
    {
        var application = Arrange(from);
        var eventsBefore = application.Events.Count;

        Perform(application, move);

        Assert.Equal(to, application.Status);
        Assert.Equal(eventsBefore + 1, application.Events.Count);
        var recorded = application.Events[^1];
        Assert.Equal((from, to), (recorded.FromStatus, recorded.ToStatus));
        Assert.Equal(application.LastEventNumber, recorded.Number);
        Assert.False(string.IsNullOrWhiteSpace(recorded.Description));
    }

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void An_illegal_move_is_refused_and_changes_nothing(ApplicationStatus from, Move move)
    {
        var application = Arrange(from);
        var eventsBefore = application.Events.Count;
        var updatedBefore = application.UpdatedAt;

        var error = Assert.Throws<DomainException>(() => Perform(application, move));

        Assert.StartsWith("Нельзя ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"«{from.ToShortRussian()}»", error.Message, StringComparison.Ordinal);
        Assert.Equal(from, application.Status);
        Assert.Equal(eventsBefore, application.Events.Count);
        Assert.Equal(updatedBefore, application.UpdatedAt);
    }

    [Fact]
    public void Every_status_and_move_is_covered()
    {
        var statuses = Enum.GetValues<ApplicationStatus>().Length;
        var moves = Enum.GetValues<Move>().Length;

        Assert.Equal(statuses * moves, LegalMoves().Count + IllegalMoves().Count);
    }

    /// <summary>A draft is filled in completely, so that only its status decides.</summary>
    private static Application Arrange(ApplicationStatus status)
    {
        var application = Given.ApplicationIn(status);
        if (status == ApplicationStatus.Draft)
        {
            application.UpdateDraft(Given.Details(), Given.Teacher, Given.DraftAt);
        }

        return application;
    }

    private static void Perform(Application application, Move move)
    {
        var now = Given.ScheduleAt.AddDays(1);
        switch (move)
        {
            case Move.Submit:
                application.Submit(Given.Teacher, now);
                break;
            case Move.Register:
                application.Register(Given.Coordinator, "7/2026", new DateOnly(2025, 12, 2), now);
                break;
            case Move.Reject:
                application.Reject(Given.Coordinator, "Нет подписи", now);
                break;
            case Move.Schedule:
                application.Schedule(Given.JanuaryFebruary2026(), Given.ExpertA, Given.ExpertC, Given.ApprovedExperts(),
                    Given.Coordinator, now, Given.Tomsk);
                break;
            case Move.AttachConclusion:
                application.AttachConclusion(Guid.NewGuid(), Conformity.Corresponds, null, Given.Expert, now, application.Conclusion?.FileId);
                break;
            case Move.SignConclusion:
                application.SignConclusion(Guid.NewGuid(), Given.Teacher, now);
                break;
            case Move.Verify:
                application.Verify(Conformity.Corresponds, Given.Coordinator, now);
                break;
            case Move.Decide:
                application.Decide(Given.Decision(), Given.Operator, now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(move), move, null);
        }
    }
}
