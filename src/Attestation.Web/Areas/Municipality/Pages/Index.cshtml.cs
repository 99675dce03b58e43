using System.Linq.Expressions;
using Attestation.Domain.Applications;
using Attestation.Domain.Periods;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Attestation.Web.Areas.Municipality.Pages;

/// <summary>
/// «Главная» of the municipal coordinator: what needs doing now, each count linking to its list, and the month's three
/// deadlines (the 11th, the 12th, the 15th) with what is still open for each.
/// </summary>
public sealed class IndexModel(AttestationDbContext db, RegionTime region) : PageModel
{
    public bool HasMunicipality { get; private set; }
    public string? Municipality { get; private set; }
    public DateOnly Today { get; private set; }

    /// <summary>«Количество заявлений»: submitted and not finished (from submission to the commission's decision).</summary>
    public int ApplicationCount { get; private set; }

    public int Waiting { get; private set; }
    public int Near { get; private set; }
    public int Overdue { get; private set; }
    public int PendingWithdrawals { get; private set; }

    public ScheduleState? Schedule { get; private set; }
    public ConclusionState? Conclusions { get; private set; }
    public IReadOnlyList<Deadline> Deadlines { get; private set; } = [];

    /// <param name="WithoutPeriod">Registered on general grounds with no period yet: candidates for this period.</param>
    /// <param name="FewerThanTwoExperts">Put into this period without their two experts.</param>
    /// <param name="Complete">In this period with both experts.</param>
    public sealed record ScheduleState(AttestationPeriod Period, DateOnly ScheduleDeadline, int WithoutPeriod,
        int FewerThanTwoExperts, int Complete);

    /// <param name="NotUploaded">Scheduled: the experts have not uploaded the final conclusion.</param>
    /// <param name="NotSigned">Uploaded, not yet signed by the teacher.</param>
    /// <param name="ToVerify">Signed: the coordinator checks it and marks «соответствует / не соответствует».</param>
    public sealed record ConclusionState(AttestationPeriod Period, DateOnly DueOn, int NotUploaded, int NotSigned, int ToVerify);

    public sealed record Deadline(DateOnly Date, string What, string Open, bool IsDone, string? Link);

    /// <summary>Two statements: the periods, and the municipality's name with every count of the page.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = region.Today;
        var municipalityId = User.MunicipalityId();
        HasMunicipality = municipalityId is not null;
        var periods = await db.Periods.AsNoTracking().ToListAsync(ct);
        var nearest = PeriodCalendar.NearestOpenPeriod(periods, region.Now, region.Zone);
        // The 15th of this month is the conclusions' deadline of the period whose second month this is.
        var thisMonth = new DateOnly(Today.Year, Today.Month, 1);
        var started = thisMonth.AddMonths(-1);
        var due = periods.FirstOrDefault(p => p.StartYear == started.Year && p.StartMonth == started.Month);
        var next = thisMonth.AddMonths(1);
        var upcoming = periods.FirstOrDefault(p => p.StartYear == next.Year && p.StartMonth == next.Month);

        var bounds = ConsiderationBounds.Of(Today, region.Zone);
        var found = municipalityId is { } id
            ? await CountsOf(db, id, bounds.RedBefore, bounds.AmberBefore, nearest?.Id, upcoming?.Id, due?.Id)
            : null;
        Municipality = found?.Name;
        var counts = found?.Counts ?? new int[CountedConditions.Length];

        ApplicationCount = counts[0];
        PendingWithdrawals = counts[1];
        Waiting = counts[2];
        Near = counts[3];
        Overdue = counts[4];
        var withoutPeriod = counts[5];
        if (nearest is not null)
            Schedule = new ScheduleState(nearest, PeriodCalendar.ScheduleDeadline(nearest), withoutPeriod, counts[6], counts[7]);
        var upcomingSchedule = upcoming is null
            ? null
            : new ScheduleState(upcoming, PeriodCalendar.ScheduleDeadline(upcoming), withoutPeriod, counts[8], counts[9]);
        if (due is not null)
            Conclusions = new ConclusionState(due, PeriodCalendar.Deadlines(due).ConclusionUploadedBy, counts[10], counts[11], counts[12]);
        Deadlines = MonthDeadlines(thisMonth, upcoming, upcomingSchedule);
    }

    /// <summary>
    /// What the page counts among the municipality's applications, in the order of <see cref="Counted.Counts"/>; the
    /// arguments after the row are the statement's parameters: the consideration clock's bounds on the day, and the
    /// nearest, the upcoming and the due period (null when there is none).
    /// </summary>
    private static readonly LambdaExpression[] CountedConditions =
    [
        ApplicationFilters.InProgress,
        ApplicationFilters.WithdrawalPending,
        ApplicationFilters.AwaitingConsideration,
        ApplicationFilters.ConsiderationLight(TrafficLight.Amber),
        ApplicationFilters.ConsiderationLight(TrafficLight.Red),
        ApplicationFilters.AwaitingPeriod,
        (Expression<Func<Application, Guid?, bool>>)((a, nearest) => a.PeriodId == nearest && a.Status == ApplicationStatus.Registered),
        (Expression<Func<Application, Guid?, bool>>)((a, nearest) => a.PeriodId == nearest && a.ExpertAId != null && a.ExpertBId != null),
        (Expression<Func<Application, Guid?, bool>>)((a, upcoming) => a.PeriodId == upcoming && a.Status == ApplicationStatus.Registered),
        (Expression<Func<Application, Guid?, bool>>)((a, upcoming) => a.PeriodId == upcoming && a.ExpertAId != null && a.ExpertBId != null),
        (Expression<Func<Application, Guid?, bool>>)((a, due) => a.PeriodId == due && a.Status == ApplicationStatus.Scheduled),
        (Expression<Func<Application, Guid?, bool>>)((a, due) => a.PeriodId == due && a.Status == ApplicationStatus.ConclusionUploaded),
        (Expression<Func<Application, Guid?, bool>>)((a, due) => a.PeriodId == due && a.Status == ApplicationStatus.ConclusionSigned),
    ];

    /// <summary>
    /// The municipality's name with each of <see cref="CountedConditions"/> counted among its applications: one
    /// statement, a scalar subquery per count (each served by its own index), compiled once. Built per request, the
    /// thirteen subqueries' expression was walked and hashed by EF Core to find the statement's SQL: 13 % of the page's
    /// time in the portal.
    /// </summary>
    private static readonly Func<AttestationDbContext, int, DateTimeOffset, DateTimeOffset, Guid?, Guid?, Guid?, Task<Counted?>> CountsOf =
        CompileCounts();

    private static Func<AttestationDbContext, int, DateTimeOffset, DateTimeOffset, Guid?, Guid?, Guid?, Task<Counted?>> CompileCounts()
    {
        Expression<Func<AttestationDbContext, int, DateTimeOffset, DateTimeOffset, Guid?, Guid?, Guid?, Counted?>> shape =
            (db, municipalityId, redBefore, amberBefore, nearest, upcoming, due) =>
                db.Municipalities.Where(m => m.Id == municipalityId).Select(m => new Counted { Name = m.Name }).FirstOrDefault();
        var (db, municipalityId, redBefore, amberBefore) = (shape.Parameters[0], shape.Parameters[1], shape.Parameters[2], shape.Parameters[3]);
        var (nearest, upcoming, due) = (shape.Parameters[4], shape.Parameters[5], shape.Parameters[6]);
        Expression[][] arguments =
        [
            [], [], [], [redBefore, amberBefore], [redBefore, amberBefore], [],
            [nearest], [nearest], [upcoming], [upcoming], [due], [due], [due],
        ];
        // db.Applications.Where(a => a.MunicipalityId == municipalityId).Count(condition), for each condition
        Expression<Func<AttestationDbContext, int, IQueryable<Application>>> scope =
            (context, id) => context.Applications.Where(a => a.MunicipalityId == id);
        var applications = new ReplacingExpressionVisitor(scope.Parameters, [db, municipalityId]).Visit(scope.Body);
        var counts = Expression.NewArrayInit(typeof(int), CountedConditions.Select((condition, i) =>
            FilteredCounts.Count(applications, condition.Bind<Application>(arguments[i]))));
        // … .Select(m => new Counted { Name = m.Name, Counts = new[] { … } }) …
        var body = new CountsInto(counts).Visit(shape.Body);
        return EF.CompileAsyncQuery(Expression.Lambda<Func<AttestationDbContext, int, DateTimeOffset, DateTimeOffset, Guid?, Guid?, Guid?, Counted?>>(
            body, shape.Parameters));
    }

    /// <summary>The municipality's name and the page's counts.</summary>
    private sealed class Counted
    {
        public string Name { get; init; } = "";

        public int[] Counts { get; init; } = [];
    }

    /// <summary>The counts added to the <see cref="Counted"/> the statement makes.</summary>
    private sealed class CountsInto(Expression counts) : ExpressionVisitor
    {
        protected override Expression VisitMemberInit(MemberInitExpression node) => node.Type == typeof(Counted)
            ? node.Update(node.NewExpression, [.. node.Bindings, Expression.Bind(typeof(Counted).GetProperty(nameof(Counted.Counts))!, counts)])
            : base.VisitMemberInit(node);
    }

    private List<Deadline> MonthDeadlines(DateOnly thisMonth, AttestationPeriod? upcoming, ScheduleState? upcomingSchedule)
    {
        var deadlines = new List<Deadline>
        {
            new(thisMonth.AddDays(PeriodCalendar.RegistrationDeadlineDay - 1),
                upcoming is null
                    ? "Регистрация заявлений"
                    : $"Регистрация заявлений (к периоду «{upcoming.Name}»)",
                Waiting == 0 ? "все поданные заявления рассмотрены" : $"ожидают регистрации: {Waiting}",
                Waiting == 0, "/Municipality/Registration"),
        };
        if (upcoming is not null && upcomingSchedule is not null)
        {
            var open = upcomingSchedule.FewerThanTwoExperts;
            deadlines.Add(new(PeriodCalendar.ScheduleDeadline(upcoming),
                $"Заполнение графика периода «{upcoming.Name}»; после 12 числа период закрывается",
                upcoming.IsOpenForScheduling(region.Now, region.Zone)
                    ? $"в графике: {upcomingSchedule.Complete}; без двух экспертов: {open}; зарегистрированы без периода: {upcomingSchedule.WithoutPeriod}"
                    : $"период закрыт; в графике: {upcomingSchedule.Complete}",
                open == 0, "/Municipality/Schedule/Fill"));
        }
        if (Conclusions is { } c)
        {
            deadlines.Add(new(c.DueOn,
                $"Итоговые заключения периода «{c.Period.Name}» загружены в систему",
                $"не загружено: {c.NotUploaded}; не подписано педагогом: {c.NotSigned}; на проверке: {c.ToVerify}",
                c.NotUploaded + c.NotSigned == 0, "/Municipality/Attestation"));
        }
        return deadlines.OrderBy(d => d.Date).ToList();
    }
}
