using System.Linq.Expressions;

namespace Attestation.Domain.Applications;

/// <summary>
/// When each <see cref="ApplicationAction"/> is allowed, in one place: the statuses it starts from, whether a pending
/// withdrawal stops it, whether a simplified-form application may take it. <see cref="Application.Can"/> answers from
/// these for one application (and its guards throw from it); <see cref="ApplicationFilters.Can"/> turns the same facts
/// into a query condition, so that a list of «what awaits registration» and the button on a card never disagree.
/// </summary>
public static class ApplicationRules
{
    /// <summary>Submitted and not finished (see <see cref="ApplicationStatusExtensions.IsInProgress"/>).</summary>
    public static IReadOnlyList<ApplicationStatus> InProgress { get; } =
    [
        ApplicationStatus.Submitted, ApplicationStatus.Registered, ApplicationStatus.Scheduled,
        ApplicationStatus.ConclusionUploaded, ApplicationStatus.ConclusionSigned, ApplicationStatus.Verified,
    ];

    /// <summary>Decided or withdrawn: nothing more happens to the application.</summary>
    public static IReadOnlyList<ApplicationStatus> Final { get; } = [ApplicationStatus.Decided, ApplicationStatus.Withdrawn];

    /// <summary>Past the registration step: the statuses the registration journal filters by one at a time.</summary>
    public static IReadOnlyList<ApplicationStatus> PastRegistrationStep { get; } =
        [.. Enum.GetValues<ApplicationStatus>().Where(s => s is not (ApplicationStatus.Draft or ApplicationStatus.Submitted))];

    /// <summary>Scheduled: the experts' conclusion is still to come (due by the 15th of the period's second month).</summary>
    public static IReadOnlyList<ApplicationStatus> ConclusionMissing { get; } = [ApplicationStatus.Scheduled];

    /// <summary>The conclusion is in (signed or not yet) and the municipal coordinator has not checked it.</summary>
    public static IReadOnlyList<ApplicationStatus> ConclusionAwaitingVerification { get; } =
        [ApplicationStatus.ConclusionUploaded, ApplicationStatus.ConclusionSigned];

    /// <summary>Checked by the municipal coordinator: ready for the commission.</summary>
    public static IReadOnlyList<ApplicationStatus> ConclusionVerified { get; } = [ApplicationStatus.Verified];

    /// <summary>Verified or decided: the conclusion's part of the procedure is over.</summary>
    public static IReadOnlyList<ApplicationStatus> ConclusionPartDone { get; } = [ApplicationStatus.Verified, ApplicationStatus.Decided];

    /// <summary>Not a draft, not rejected, not withdrawn: an application of a period, as the commission will see it.</summary>
    public static IReadOnlyList<ApplicationStatus> OfAPeriod { get; } =
        [.. Enum.GetValues<ApplicationStatus>().Where(s => s is not (ApplicationStatus.Draft or ApplicationStatus.Rejected or ApplicationStatus.Withdrawn))];

    /// <summary>Submitted or registered: what may still be waiting for a period.</summary>
    public static IReadOnlyList<ApplicationStatus> BeforeAPeriod { get; } = [ApplicationStatus.Submitted, ApplicationStatus.Registered];

    /// <summary>The statuses the action starts from (for <see cref="ApplicationAction.Verify"/> also a registered simplified one).</summary>
    public static IReadOnlyList<ApplicationStatus> StatusesFor(ApplicationAction action) => action switch
    {
        ApplicationAction.Edit or ApplicationAction.Submit => [ApplicationStatus.Draft, ApplicationStatus.Rejected],
        ApplicationAction.Delete => [ApplicationStatus.Draft],
        ApplicationAction.Register or ApplicationAction.Reject => [ApplicationStatus.Submitted],
        ApplicationAction.AssignPeriod => [ApplicationStatus.Registered],
        ApplicationAction.Schedule => [ApplicationStatus.Registered, ApplicationStatus.Scheduled],
        ApplicationAction.ReplaceExpert => [ApplicationStatus.Scheduled],
        ApplicationAction.AttachConclusion => [ApplicationStatus.Scheduled, ApplicationStatus.ConclusionUploaded],
        ApplicationAction.SignConclusion => [ApplicationStatus.ConclusionUploaded],
        ApplicationAction.Verify => [ApplicationStatus.ConclusionSigned, ApplicationStatus.Verified],
        ApplicationAction.Decide => [ApplicationStatus.Verified],
        ApplicationAction.RecordOrder => [ApplicationStatus.Decided],
        ApplicationAction.FileWithdrawal or ApplicationAction.CancelWithdrawal or ApplicationAction.RegisterWithdrawal => InProgress,
        // «Общий список … для отзыва заявления муниципальным координатором»: registered and not yet decided.
        ApplicationAction.FileWithdrawalForTeacher => [.. InProgress.Where(s => s != ApplicationStatus.Submitted)],
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>How a pending withdrawal («заявление на отзыв» filed, not registered) bears on the action.</summary>
    public static WithdrawalCondition WithdrawalConditionOf(ApplicationAction action) => action switch
    {
        ApplicationAction.CancelWithdrawal or ApplicationAction.RegisterWithdrawal => WithdrawalCondition.Required,
        ApplicationAction.Register or ApplicationAction.Reject or ApplicationAction.AssignPeriod or ApplicationAction.Schedule
            or ApplicationAction.ReplaceExpert or ApplicationAction.AttachConclusion or ApplicationAction.SignConclusion
            or ApplicationAction.Verify or ApplicationAction.Decide or ApplicationAction.FileWithdrawal
            or ApplicationAction.FileWithdrawalForTeacher => WithdrawalCondition.Forbidden,
        _ => WithdrawalCondition.Irrelevant,
    };

    /// <summary>A simplified-form application does not go into the schedule.</summary>
    public static bool NeedsGeneralGrounds(ApplicationAction action) =>
        action is ApplicationAction.AssignPeriod or ApplicationAction.Schedule or ApplicationAction.ReplaceExpert;

    /// <summary>«зарегистрировать заявление»: what a refusal says cannot be done.</summary>
    public static string Verb(ApplicationAction action) => action switch
    {
        ApplicationAction.Edit => "изменить заявление",
        ApplicationAction.Delete => "удалить заявление",
        ApplicationAction.Submit => "подать заявление",
        ApplicationAction.Register => "зарегистрировать заявление",
        ApplicationAction.Reject => "отклонить заявление",
        ApplicationAction.AssignPeriod => "назначить период",
        ApplicationAction.Schedule => "включить заявление в график",
        ApplicationAction.ReplaceExpert => "заменить специалиста",
        ApplicationAction.AttachConclusion => "прикрепить итоговое заключение",
        ApplicationAction.SignConclusion => "прикрепить подписанное заключение",
        ApplicationAction.Verify => "отметить проверку заключения",
        ApplicationAction.Decide => "записать решение комиссии",
        ApplicationAction.RecordOrder => "записать распоряжение",
        ApplicationAction.FileWithdrawal or ApplicationAction.FileWithdrawalForTeacher => "отозвать заявление",
        ApplicationAction.CancelWithdrawal => "отменить заявление на отзыв",
        ApplicationAction.RegisterWithdrawal => "зарегистрировать отзыв заявления",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>The one decision, on the facts a list has too; <see cref="Application.Can"/> and the filters use it.</summary>
    public static bool Allows(ApplicationAction action, ApplicationStatus status, bool withdrawalPending, bool simplified, bool hasTwoExperts)
    {
        var statusAllows = StatusesFor(action).Contains(status)
            || (action == ApplicationAction.Verify && status == ApplicationStatus.Registered && simplified);
        var withdrawalAllows = WithdrawalConditionOf(action) switch
        {
            WithdrawalCondition.Required => withdrawalPending,
            WithdrawalCondition.Forbidden => !withdrawalPending,
            _ => true,
        };
        return statusAllows && withdrawalAllows
            && (!NeedsGeneralGrounds(action) || !simplified)
            && (action != ApplicationAction.ReplaceExpert || hasTwoExperts);
    }
}

/// <summary>How a pending withdrawal bears on an action.</summary>
public enum WithdrawalCondition
{
    Irrelevant,

    /// <summary>Stopped until the withdrawal is registered or cancelled.</summary>
    Forbidden,

    /// <summary>Only with a withdrawal pending (registering or cancelling it).</summary>
    Required,
}

/// <summary>
/// The rules of <see cref="ApplicationRules"/> as query conditions for EF Core (plain comparisons, so that any provider
/// translates them and an index on the status serves them), and the named sets the lists show.
/// </summary>
public static class ApplicationFilters
{
    /// <summary>The applications <paramref name="action"/> may be taken on now: exactly those <see cref="Application.Can"/> allows.</summary>
    public static Expression<Func<Application, bool>> Can(ApplicationAction action)
    {
        var a = Expression.Parameter(typeof(Application), "a");
        var status = Expression.Property(a, nameof(Application.Status));
        var simplified = Expression.NotEqual(Expression.Property(a, nameof(Application.SimplifiedGrounds)), Expression.Constant(null, typeof(string)));
        var withdrawal = Expression.Property(a, nameof(Application.Withdrawal));
        var pending = Expression.AndAlso(
            Expression.NotEqual(withdrawal, Expression.Constant(null, typeof(Withdrawal))),
            Expression.Equal(Expression.Property(withdrawal, nameof(Withdrawal.RegisteredAt)), Expression.Constant(null, typeof(DateTimeOffset?))));

        Expression condition = StatusIn(status, ApplicationRules.StatusesFor(action));
        if (action == ApplicationAction.Verify)
            condition = Expression.OrElse(condition, Expression.AndAlso(Expression.Equal(status, Expression.Constant(ApplicationStatus.Registered)), simplified));
        condition = ApplicationRules.WithdrawalConditionOf(action) switch
        {
            WithdrawalCondition.Required => Expression.AndAlso(condition, pending),
            WithdrawalCondition.Forbidden => Expression.AndAlso(condition, Expression.Not(pending)),
            _ => condition,
        };
        if (ApplicationRules.NeedsGeneralGrounds(action))
            condition = Expression.AndAlso(condition, Expression.Not(simplified));
        if (action == ApplicationAction.ReplaceExpert)
        {
            condition = Expression.AndAlso(condition, Expression.AndAlso(
                Expression.NotEqual(Expression.Property(a, nameof(Application.ExpertAId)), Expression.Constant(null, typeof(Guid?))),
                Expression.NotEqual(Expression.Property(a, nameof(Application.ExpertBId)), Expression.Constant(null, typeof(Guid?)))));
        }
        return Expression.Lambda<Func<Application, bool>>(condition, a);
    }

    /// <summary>Submitted and not finished.</summary>
    public static Expression<Func<Application, bool>> InProgress { get; } = StatusIn(ApplicationRules.InProgress);

    /// <summary>Submitted and not yet registered or rejected: the consideration clock runs (a withdrawal may be pending).</summary>
    public static Expression<Func<Application, bool>> AwaitingConsideration { get; } = a => a.Status == ApplicationStatus.Submitted;

    /// <summary>
    /// «Заявление на отзыв» filed and not yet registered (<see cref="Application.IsWithdrawalPending"/>), on the
    /// withdrawal's own columns: the filing date is set exactly when there is a withdrawal. So the condition matches the
    /// partial index of pending withdrawals and may be projected (counted with others); a test of the owned object
    /// itself (<c>a.Withdrawal != null</c>) may only filter. A query condition: not for applications in memory.
    /// </summary>
    public static Expression<Func<Application, bool>> WithdrawalPending { get; } = PendingOnColumns();

    // a => (DateTimeOffset?)a.Withdrawal.FiledAt != null && a.Withdrawal.RegisteredAt == null, built by hand: C# folds
    // the comparison of a non-nullable date with null to a constant.
    private static Expression<Func<Application, bool>> PendingOnColumns()
    {
        var a = Expression.Parameter(typeof(Application), "a");
        var withdrawal = Expression.Property(a, nameof(Application.Withdrawal));
        var none = Expression.Constant(null, typeof(DateTimeOffset?));
        return Expression.Lambda<Func<Application, bool>>(Expression.AndAlso(
            Expression.NotEqual(Expression.Convert(Expression.Property(withdrawal, nameof(Withdrawal.FiledAt)), typeof(DateTimeOffset?)), none),
            Expression.Equal(Expression.Property(withdrawal, nameof(Withdrawal.RegisteredAt)), none)), a);
    }

    /// <summary>
    /// Awaiting consideration with the 30-day clock at <paramref name="light"/> on <paramref name="today"/>: the light of
    /// <see cref="ApplicationClocks.Consideration(Application, DateTimeOffset, TimeZoneInfo)"/> as one condition on the
    /// submission instant (an index serves it).
    /// </summary>
    public static Expression<Func<Application, bool>> ConsiderationLight(TrafficLight light, DateOnly today, TimeZoneInfo zone)
    {
        // The bounds read from an object, as a closure's are: the statement takes them as parameters, not literals.
        var bounds = Expression.Constant(ConsiderationBounds.Of(today, zone));
        return ConsiderationLight(light).Bind<Application>(
            Expression.Property(bounds, nameof(ConsiderationBounds.RedBefore)),
            Expression.Property(bounds, nameof(ConsiderationBounds.AmberBefore)));
    }

    /// <summary>
    /// <see cref="ConsiderationLight(TrafficLight, DateOnly, TimeZoneInfo)"/> with the day's two bounds
    /// (<see cref="ConsiderationBounds"/>) as arguments: <c>(a, redBefore, amberBefore) => …</c>, for a compiled statement
    /// that takes them as parameters.
    /// </summary>
    public static Expression<Func<Application, DateTimeOffset, DateTimeOffset, bool>> ConsiderationLight(TrafficLight light) => light switch
    {
        TrafficLight.Red => (a, redBefore, amberBefore) => a.Status == ApplicationStatus.Submitted && a.SubmittedAt < redBefore,
        TrafficLight.Amber => (a, redBefore, amberBefore) =>
            a.Status == ApplicationStatus.Submitted && a.SubmittedAt >= redBefore && a.SubmittedAt < amberBefore,
        TrafficLight.Green => (a, redBefore, amberBefore) => a.Status == ApplicationStatus.Submitted && a.SubmittedAt >= amberBefore,
        _ => throw new ArgumentOutOfRangeException(nameof(light), light, null),
    };

    /// <summary>Registered on general grounds and not yet given a period: what the schedule still has to take.</summary>
    public static Expression<Func<Application, bool>> AwaitingPeriod { get; } =
        a => a.Status == ApplicationStatus.Registered && a.PeriodId == null && a.SimplifiedGrounds == null;

    /// <summary>
    /// Given a period but not two experts yet: what the schedule of the period still lacks («менее двух экспертов»).
    /// Narrow it to the period with <see cref="Conditions.And{T}"/>.
    /// </summary>
    public static Expression<Func<Application, bool>> AwaitingExperts { get; } =
        StatusIn(ApplicationRules.StatusesFor(ApplicationAction.Schedule))
            .And(a => a.PeriodId != null && (a.ExpertAId == null || a.ExpertBId == null));

    /// <summary>Scheduled and waiting for the experts' conclusion.</summary>
    public static Expression<Func<Application, bool>> ConclusionMissing { get; } = StatusIn(ApplicationRules.ConclusionMissing);

    /// <summary>
    /// The applications of the coordinator's «Аттестация» list: in a period and past the mere registration, or
    /// registered on the simplified form (no period, no experts: the coordinator checks them straight away, SPEC §5).
    /// With <see cref="AwaitingConsideration"/> and <see cref="AwaitingPeriod"/> it leaves no registered application
    /// in no list.
    /// </summary>
    public static Expression<Func<Application, bool>> InAttestation { get; } =
        a => (a.PeriodId != null && a.Status != ApplicationStatus.Registered)
            || (a.PeriodId == null && a.SimplifiedGrounds != null && a.Status != ApplicationStatus.Draft
                && a.Status != ApplicationStatus.Submitted && a.Status != ApplicationStatus.Rejected);

    /// <summary>The commission has decided.</summary>
    public static Expression<Func<Application, bool>> Decided { get; } =
        a => a.Status == ApplicationStatus.Decided && a.Decision != null;

    /// <summary>Not decided and not withdrawn: what a teacher still follows in his cabinet (drafts included).</summary>
    public static Expression<Func<Application, bool>> NotFinal { get; } = StatusNotIn(ApplicationRules.Final);

    /// <summary>None of <paramref name="statuses"/>.</summary>
    public static Expression<Func<Application, bool>> StatusNotIn(IReadOnlyList<ApplicationStatus> statuses) =>
        StatusIn([.. Enum.GetValues<ApplicationStatus>().Where(s => !statuses.Contains(s))]);

    /// <summary>Any of <paramref name="statuses"/>.</summary>
    public static Expression<Func<Application, bool>> StatusIn(IReadOnlyList<ApplicationStatus> statuses)
    {
        var a = Expression.Parameter(typeof(Application), "a");
        return Expression.Lambda<Func<Application, bool>>(StatusIn(Expression.Property(a, nameof(Application.Status)), statuses), a);
    }

    private static Expression StatusIn(Expression status, IReadOnlyList<ApplicationStatus> statuses) =>
        statuses.Count == 0
            ? Expression.Constant(false)
            : statuses.Select(s => (Expression)Expression.Equal(status, Expression.Constant(s))).Aggregate(Expression.OrElse);
}

/// <summary>
/// The bounds of the 30-day consideration clock's lights on a day: an application submitted before
/// <see cref="RedBefore"/> is overdue (red), before <see cref="AmberBefore"/> in its last week (amber).
/// </summary>
public sealed record ConsiderationBounds(DateTimeOffset RedBefore, DateTimeOffset AmberBefore)
{
    /// <summary>The bounds on <paramref name="today"/>: daysLeft = submittedOn + 30 − today, red below 0, amber 0…6, so the bounds are the starts of two region days.</summary>
    public static ConsiderationBounds Of(DateOnly today, TimeZoneInfo zone) => new(
        RegionClock.StartOfDay(today.AddDays(-ApplicationClocks.ConsiderationDays), zone),
        RegionClock.StartOfDay(today.AddDays(ApplicationClocks.AmberDays - ApplicationClocks.ConsiderationDays), zone));
}
