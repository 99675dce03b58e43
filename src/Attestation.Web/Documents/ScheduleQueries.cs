using System.Collections.Concurrent;
using System.Linq.Expressions;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Attestation.Web.Documents;

/// <summary>
/// One municipality's part of a period's schedule before its rows are read: the coordinator who answers for it, the
/// operator's approval, and the counts the operator checks before approving.
/// </summary>
public sealed class ScheduleSummary
{
    public int MunicipalityId { get; init; }

    public string Municipality { get; init; } = "";

    public bool IsActive { get; init; }

    public bool IsRegionalPseudo { get; init; }

    public DateTimeOffset? ApprovedAt { get; init; }

    public PersonName? Approver { get; init; }

    public PersonName? Coordinator { get; init; }

    public string? CoordinatorWorkPhone { get; init; }

    /// <summary>In the period with both experts.</summary>
    public int Complete { get; set; }

    /// <summary>In the period with fewer than two experts.</summary>
    public int Incomplete { get; set; }

    /// <summary>Registered on general grounds and put into no period yet.</summary>
    public int WithoutPeriod { get; set; }

    public int Scheduled => Complete + Incomplete;

    public string? CoordinatorName => Coordinator?.FullName;

    public string? CoordinatorPhone => string.IsNullOrWhiteSpace(CoordinatorWorkPhone) ? null : CoordinatorWorkPhone.Trim();

    public ScheduleApprovalInfo? Approval => ApprovedAt is { } at
        ? new ScheduleApprovalInfo(at, Approver?.FullName ?? "удалённый пользователь")
        : null;
}

/// <summary>A row of a municipal schedule as read: the application with the names of its two experts.</summary>
public sealed class ScheduleLine
{
    public required ApplicationRow Application { get; init; }

    public PersonRow? ExpertA { get; init; }

    public PersonRow? ExpertB { get; init; }

    public MunicipalScheduleRow ToRow(int number) => new(
        number,
        Application.FullName,
        Application.ClaimedCategory?.ToRussian() ?? "",
        Application.Form?.ToRussian() ?? "",
        Application.Work,
        new[] { ExpertA, ExpertB }.OfType<PersonRow>().Select(e => e.WithWork).ToList());

    public ScheduledApplication Facts => new(Application.Id, Application.Status,
        Application.ExpertAId is not null && Application.ExpertBId is not null, Application.WithdrawalPending);
}

/// <summary>The reads behind every schedule page and file, each one statement whatever the number of rows.</summary>
public static class ScheduleQueries
{
    /// <summary>
    /// Each municipality (or the one asked for) with its coordinator, its approval for the period and its counts, in one
    /// statement. The coordinator is <paramref name="preferredCoordinator"/> when that is one of its coordinators (the
    /// one printing the schedule), else the first with a work phone: the schedule prints the number to call.
    /// </summary>
    public static async Task<List<ScheduleSummary>> SummariesAsync(this AttestationDbContext db, Guid periodId,
        int? municipalityId, Guid? preferredCoordinator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var summaries = new List<ScheduleSummary>();
        await foreach (var summary in SummariesOf(periodId)(db, municipalityId, preferredCoordinator).WithCancellation(ct))
            summaries.Add(summary);
        return summaries
            .InMunicipalityOrder(s => s.MunicipalityId, s => s.IsRegionalPseudo, s => s.Municipality)
            .ToList();
    }

    /// <summary>
    /// The summaries' statement of a period, compiled once per period and process: built per request, hashing its
    /// expression to find the cached SQL was a third of the portal's work for a municipality's schedule page.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Each municipality's counts are the ones PostgreSQL keeps (<see cref="PeriodScheduleCount"/>,
    /// <see cref="AwaitingPeriodCount"/>): grouping the period's applications and counting each municipality's waiting
    /// ones took 9 of the statement's 11 ms at a country's size (21,948 applications in the period, 23,000 waiting).
    /// </para>
    /// <para>
    /// The period and the coordinators' role are written into the statement as literals, so that PostgreSQL keeps one
    /// plan for it. With the period a parameter, a country's statement was planned anew on every request (1 ms of its
    /// 2.5): the plan for a period no schedule of which is approved yet looked cheaper to it than the one for any
    /// period, so it never kept the latter. A region's few dozen periods (a country's the same) make as many
    /// statements, each compiled the first time its period is shown.
    /// </para>
    /// </remarks>
    private static Func<AttestationDbContext, int?, Guid?, IAsyncEnumerable<ScheduleSummary>> SummariesOf(Guid period)
    {
        // Bounded whatever asks: ten years of periods are some sixty statements.
        if (SummariesByPeriod.Count >= MaxPeriodsCompiled)
            SummariesByPeriod.Clear();
        return SummariesByPeriod.GetOrAdd(period, static key => EF.CompileAsyncQuery(WithLiterals(key,
            (AttestationDbContext db, int? municipalityId, Guid? preferredCoordinator, Guid periodId, Guid coordinatorRole) =>
                from m in db.Municipalities.AsNoTracking()
                where municipalityId == null || m.Id == municipalityId
                join s in db.ScheduleApprovals.Where(s => s.PeriodId == periodId) on m.Id equals s.MunicipalityId into approvals
                from s in approvals.DefaultIfEmpty()
                join u in db.Users on (Guid?)s.ApprovedBy equals (Guid?)u.Id into approvers
                from u in approvers.DefaultIfEmpty()
                from c in db.Users
                    .Where(c => c.MunicipalityId == m.Id && c.RoleId == coordinatorRole)
                    .OrderBy(c => c.Id != preferredCoordinator)
                    .ThenBy(c => c.WorkPhone == null || c.WorkPhone == "")
                    // By name in the letters' order (ё as е), not the Russian collation's: its comparisons were
                    // half the statement at a country's 280 municipalities, for a choice among a municipality's few.
                    .ThenBy(c => EF.Functions.Collate(c.LastName.Replace("ё", "е").Replace("Ё", "Е"), "C"))
                    .ThenBy(c => EF.Functions.Collate(c.FirstName.Replace("ё", "е").Replace("Ё", "Е"), "C"))
                    .ThenBy(c => c.Id)
                    .Take(1)
                    .DefaultIfEmpty()
                join g in db.PeriodScheduleCounts.Where(g => g.PeriodId == periodId) on m.Id equals g.MunicipalityId into counts
                from g in counts.DefaultIfEmpty()
                join w in db.AwaitingPeriodCounts on m.Id equals w.MunicipalityId into waiting
                from w in waiting.DefaultIfEmpty()
                select new ScheduleSummary
                {
                    MunicipalityId = m.Id,
                    Municipality = m.Name,
                    IsActive = m.IsActive,
                    IsRegionalPseudo = m.IsRegionalPseudo,
                    ApprovedAt = s == null ? null : s.ApprovedAt,
                    Approver = u == null ? null : new PersonName(u.LastName, u.FirstName, u.MiddleName),
                    Coordinator = c == null ? null : new PersonName(c.LastName, c.FirstName, c.MiddleName),
                    CoordinatorWorkPhone = c == null ? null : c.WorkPhone,
                    Complete = (int?)g.Complete ?? 0,
                    Incomplete = (int?)g.Incomplete ?? 0,
                    WithoutPeriod = (int?)w.Count ?? 0,
                })));
    }

    private const int MaxPeriodsCompiled = 200;

    private static readonly ConcurrentDictionary<Guid, Func<AttestationDbContext, int?, Guid?, IAsyncEnumerable<ScheduleSummary>>> SummariesByPeriod = new();

    /// <summary>
    /// <paramref name="query"/> with the period and the coordinators' role written into it as constants, which EF Core
    /// writes into the SQL as literals (<c>EF.Constant</c> is not allowed in a compiled query): PostgreSQL then knows the
    /// region has a few coordinators, not a fifth of its accounts, and what the period has, and keeps one plan for the
    /// statement. As parameters, it planned the statement anew on every request (0.9 ms of a schedule page's 1.3 in
    /// PostgreSQL).
    /// </summary>
    private static Expression<Func<AttestationDbContext, int?, Guid?, IQueryable<ScheduleSummary>>> WithLiterals(Guid periodId,
        Expression<Func<AttestationDbContext, int?, Guid?, Guid, Guid, IQueryable<ScheduleSummary>>> query)
    {
        var role = Expression.Constant(Data.Configurations.RoleConfiguration.Ids[Roles.MunicipalCoordinator]);
        var body = ReplacingExpressionVisitor.Replace(query.Parameters[4], role,
            ReplacingExpressionVisitor.Replace(query.Parameters[3], Expression.Constant(periodId), query.Body));
        return Expression.Lambda<Func<AttestationDbContext, int?, Guid?, IQueryable<ScheduleSummary>>>(body, query.Parameters.Take(3));
    }

    /// <summary>
    /// A municipality's schedule for the period in the order it is printed (alphabetical), each row with its experts'
    /// names and work joined in: one statement for all the rows, or for a page of them.
    /// </summary>
    /// <param name="municipalityId">Null for every municipality: the consolidated schedule.</param>
    public static IQueryable<ScheduleLine> Lines(this AttestationDbContext db, Guid periodId, int? municipalityId) =>
        db.WithExperts(db.LineRows(periodId, municipalityId));

    /// <summary>
    /// The rows of <see cref="Lines"/> without their experts, in the same order (EF Core keeps it through the joins): a
    /// page is cut from them and then joined to its experts (<see cref="WithExperts"/>). Joined before the cut, PostgreSQL
    /// merged the municipality's rows with the accounts' key index, reading it from its start up to the highest expert's
    /// (3,200 accounts for 86 rows, 3.1 of the operator's page's 4.3 ms); the page's fifty are looked up by key.
    /// </summary>
    public static IQueryable<ApplicationRow> LineRows(this AttestationDbContext db, Guid periodId, int? municipalityId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Applications.AsNoTracking()
            .Where(a => a.PeriodId == periodId && (municipalityId == null || a.MunicipalityId == municipalityId))
            .ToRows(db)
            .OrderBy(r => r.LastName).ThenBy(r => r.FirstName).ThenBy(r => r.MiddleName).ThenBy(r => r.Id);
    }

    /// <summary>Each row with its two experts' names and work joined in, in the same statement.</summary>
    public static IQueryable<ScheduleLine> WithExperts(this AttestationDbContext db, IQueryable<ApplicationRow> rows)
    {
        ArgumentNullException.ThrowIfNull(db);
        var people = db.Users.AsNoTracking().ToPeople(db);
        return
            from a in rows
            join ea in people on a.ExpertAId equals (Guid?)ea.Id into expertsA
            from ea in expertsA.DefaultIfEmpty()
            join eb in people on a.ExpertBId equals (Guid?)eb.Id into expertsB
            from eb in expertsB.DefaultIfEmpty()
            // An expert not assigned yet leaves his join empty: no row to make.
            select new ScheduleLine { Application = a, ExpertA = a.ExpertAId == null ? null : ea, ExpertB = a.ExpertBId == null ? null : eb };
    }
}
