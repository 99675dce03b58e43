using System.Linq.Expressions;
using System.Text;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Web.Areas.Operator.Pages.Directories;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Documents.Spreadsheets;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Attestation.Web.Areas.Operator.Pages.Conclusions;

/// <summary>The three lists of the page, in the order of the work.</summary>
public enum ConclusionList
{
    /// <summary>Checked by the municipal coordinator («соответствует / не соответствует»): for the operator to verify.</summary>
    Verified,

    /// <summary>Uploaded (signed or not yet) and still waiting for the municipal coordinator's check.</summary>
    Waiting,

    /// <summary>In the schedule and no conclusion in the system yet.</summary>
    Missing,
}

/// <summary>
/// «Итоговые заключения»: the operator «извлекает из системы итоговые заключения (или принимает от муниципальных
/// координаторов), верифицирует их, готовит документы на заседание» (seed, «Уровни ответственности»). The region's
/// conclusions checked by the coordinators, with the experts' recommendation beside the coordinator's mark; then those
/// still waiting for the coordinator and those not in the system, overdue after the 15th of the period's second month.
/// </summary>
public sealed class IndexModel(AttestationDbContext db, RegionTime region, CountedAheadStore countedAhead,
    DirectoryNameCache directories) : PageModel
{
    /// <summary>More rows than anyone reads on one page; the filters narrow the list first.</summary>

    [BindProperty(SupportsGet = true)]
    public Guid? PeriodId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? MunicipalityId { get; set; }

    [BindProperty(SupportsGet = true)]
    public ConclusionList Show { get; set; } = ConclusionList.Verified;

    /// <summary>A part of the teacher's full name («ё» as «е», any case).</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerView.Parameter)]
    public int? PageNumber { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public PagerView? Pager { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<AttestationPeriod> Periods { get; private set; } = [];

    public List<SelectListItem> Municipalities { get; private set; } = [];

    public IReadOnlyDictionary<ConclusionList, int> Counts { get; private set; } = new Dictionary<ConclusionList, int>();

    /// <summary>Of each list, how many are past the period's conclusion deadline.</summary>
    public IReadOnlyDictionary<ConclusionList, int> OverdueCounts { get; private set; } = new Dictionary<ConclusionList, int>();

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    /// <summary>When the counts were counted ahead (every period, <see cref="AheadCounting"/>); null when counted now.</summary>
    public DateTimeOffset? CountedAt { get; private set; }

    public sealed record Row(
        Guid Id,
        string FullName,
        string Municipality,
        string Organisation,
        string Position,
        string ClaimedCategory,
        string Form,
        string Period,
        DateOnly PeriodStart,
        DateOnly DueOn,
        bool IsOverdue,
        ApplicationStatus Status,
        bool WithdrawalPending,
        ConclusionRow? Conclusion,
        string? UploadedBy,
        bool UploadedByOperator,
        Conformity? Mark,
        DateTimeOffset? VerifiedAt,
        string? VerifiedBy)
    {
        /// <summary>The coordinator's mark differs from the experts' recommendation: the operator looks at the conclusion.</summary>
        public bool Mismatch => Conclusion is { } c && Mark is { } mark && c.Recommendation != mark;
    }

    public static string Title(ConclusionList queue) => queue switch
    {
        ConclusionList.Verified => "Проверены координатором",
        ConclusionList.Waiting => "Ожидают проверки координатора",
        ConclusionList.Missing => "Заключение не прикреплено",
        _ => queue.ToString(),
    };

    /// <summary>The statuses behind each list.</summary>
    public static IReadOnlyList<ApplicationStatus> StatusesOf(ConclusionList queue) => queue switch
    {
        ConclusionList.Verified => ApplicationRules.ConclusionVerified,
        ConclusionList.Waiting => ApplicationRules.ConclusionAwaitingVerification,
        ConclusionList.Missing => ApplicationRules.ConclusionMissing,
        _ => throw new ArgumentOutOfRangeException(nameof(queue), queue, null),
    };

    /// <summary>The chosen list as an Excel file: the same filters and search, every row.</summary>
    public static readonly ListWorkbook<ApplicationRow> Workbook = new("Заключения", "Итоговые заключения",
        new ListColumn<ApplicationRow>("Фамилия Имя Отчество", 30, a => SheetCell.Text(a.FullName)),
        new ListColumn<ApplicationRow>("Муниципальное образование", 22, a => SheetCell.Text(a.Municipality)),
        new ListColumn<ApplicationRow>("Место работы, должность", 36, a => SheetCell.Text(a.Work)),
        new ListColumn<ApplicationRow>("Заявленная категория", 14, a => SheetCell.Centered(a.ClaimedCategory?.ToRussian() ?? "—")),
        new ListColumn<ApplicationRow>("Период", 18, a => SheetCell.Centered(a.PeriodName ?? "—")),
        new ListColumn<ApplicationRow>("Рекомендация экспертов", 20, a => SheetCell.Centered(a.Conclusion?.Recommendation.ToRussian() ?? "—")),
        new ListColumn<ApplicationRow>("Отметка координатора", 20, a => SheetCell.Centered(a.CoordinatorMark?.ToRussian() ?? "—")),
        new ListColumn<ApplicationRow>("Статус", 28, a => SheetCell.Text(a.StatusText)));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var chosen = await ChooseAsync(ct);
        if (chosen is null)
            return NotFound();

        // The page is cut on the order's own keys (the period, the municipality's place, the teacher's name), and only its
        // rows are read whole and joined to their uploaders and verifiers: a country's 36,792 verified conclusions
        // were joined with their long columns before the sort (0.1 s; now 42 ms). The period's month is one number:
        // ordered by its two columns, which the periods' index returns in order, the planner looped over the 75
        // periods rescanning every key for each (0.37 s) instead of sorting the keys once.
        var order = (await directories.CurrentAsync(db, ct)).MunicipalityIdsInOrder;
        var keys =
            from a in chosen
            join period in db.Periods on a.PeriodId equals (Guid?)period.Id
            orderby (period.StartYear * 12) + period.StartMonth, Array.IndexOf(order, a.MunicipalityId),
                a.LastName, a.FirstName, a.MiddleName, a.Id
            select a.Id;
        // Unsearched, the page is found from the groups of one period and one municipality, counted from the index of
        // the conclusion stages: a country's 38,000 verified conclusions were sorted whole for each page (40 ms).
        var statuses = StatusesOf(Show);
        Func<int, int, IQueryable<Guid>> cut = string.IsNullOrWhiteSpace(Search)
            ? (skip, take) => GroupedKeys(statuses, order, skip, take)
            : keys.Cut;
        var page = await Paging.CutAsync(PageNumber, Total, cut, ids =>
                from a in Ordered(from id in ids join a in db.Applications.AsNoTracking() on id equals a.Id select a, order)
                join u in db.Users on (Guid?)a.Conclusion!.UploadedBy equals (Guid?)u.Id into uploaders
                from u in uploaders.DefaultIfEmpty()
                join v in db.Users on a.VerifiedBy equals (Guid?)v.Id into verifiers
                from v in verifiers.DefaultIfEmpty()
                select new
                {
                    Row = a,
                    UploadedByOperator = a.Conclusion != null
                        && db.UsersInRole(Roles.Operator).Any(o => o.Id == a.Conclusion.UploadedBy),
                    Uploader = u == null ? null : new PersonName(u.LastName, u.FirstName, u.MiddleName),
                    Verifier = v == null ? null : new PersonName(v.LastName, v.FirstName, v.MiddleName),
                }, ct);
        Pager = PagerView.Of(page, Request);

        var periodsById = Periods.ToDictionary(p => p.Id);
        Rows = page.Items
            .Select(a =>
            {
                var (row, period) = (a.Row, periodsById[a.Row.PeriodId!.Value]);
                var due = PeriodCalendar.Deadlines(period).ConclusionUploadedBy;
                return new Row(
                    row.Id,
                    row.FullName,
                    row.Municipality,
                    row.Organisation,
                    row.PositionWithSubject,
                    row.ClaimedCategory?.ToRussian() ?? "—",
                    row.Form?.ToRussian() ?? "—",
                    period.Name,
                    period.StartDate,
                    due,
                    Show != ConclusionList.Verified && Today > due,
                    row.Status,
                    row.WithdrawalPending,
                    row.Conclusion,
                    row.Conclusion is not null ? a.Uploader?.ShortName : null,
                    a.UploadedByOperator,
                    row.CoordinatorMark,
                    row.VerifiedAt,
                    a.Verifier?.ShortName);
            })
            .ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        var chosen = await ChooseAsync(ct);
        if (chosen is null)
            return NotFound();
        var period = Periods.FirstOrDefault(p => p.Id == PeriodId)?.Name ?? "Все периоды";
        var municipality = Municipalities.FirstOrDefault(m => m.Selected)?.Text ?? "Все муниципальные образования";
        var order = (await directories.CurrentAsync(db, ct)).MunicipalityIdsInOrder;
        return await Workbook.DownloadAsync(this, region, ListFilters.Describe(Title(Show), period, municipality, ListFilters.Search(Search)),
            Ordered(chosen, order).AsAsyncEnumerable(), ct);
    }

    /// <summary>
    /// The ids of the rows <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="take"/> of the unsearched
    /// list in its order (<see cref="Ordered"/>): the sizes of the groups of a period and municipality as PostgreSQL
    /// keeps them (<see cref="ConclusionStageCount"/>; counted from the index, a country's 39,744 checked conclusions
    /// took 9 ms on every request), each group's first row's place from the sizes of the groups before it, and only the
    /// groups the page spans read, each in its order of names from the index of the conclusion's stages.
    /// </summary>
    private IQueryable<Guid> GroupedKeys(IReadOnlyList<ApplicationStatus> statuses, int[] order, int skip, int take)
    {
        // The list's statuses are written into the statement (its enum's names: three statements, one a list) and only
        // the filters asked for are in it. With the statuses an array parameter and the filters `$n IS NULL OR …`,
        // PostgreSQL found its generic plan of the statement costlier than one planned for the values and planned it
        // anew on every request (1.4 ms of its 3.4). The municipalities are ordered by their place in the held order
        // (Ordered), as EF Core writes Array.IndexOf: a place from 0, an unknown one -1; joined to the array's places
        // (a hash), not looked up in it row by row (array_position: a walk of 280 for each of a country's 560 groups).
        var inList = string.Join(", ", statuses.Select(s => $"'{s}'"));
        List<NpgsqlParameter> parameters = [new("skip", skip), new("end", skip + take), new("order", order)];
        var filters = new StringBuilder();
        if (PeriodId is { } period)
        {
            filters.Append(""" AND a."PeriodId" = @period""");
            parameters.Add(new("period", period));
        }
        if (MunicipalityId is { } municipality)
        {
            filters.Append(""" AND a."MunicipalityId" = @municipality""");
            parameters.Add(new("municipality", municipality));
        }
        var sql = $"""
            SELECT x."Id" AS "Value"
            FROM (
                SELECT a."Id", s.before + row_number() OVER (PARTITION BY s."PeriodId", s."MunicipalityId"
                           ORDER BY a."LastName", a."FirstName", a."MiddleName", a."Id") - 1 AS place
                FROM (
                    SELECT o."PeriodId", o."MunicipalityId", o.before
                    FROM (
                        SELECT g."PeriodId", g."MunicipalityId", g.n,
                               sum(g.n) OVER (ORDER BY p."StartYear" * 12 + p."StartMonth", COALESCE(held.place - 1, -1),
                                   g."MunicipalityId")
                                   - g.n AS before
                        FROM (
                            SELECT a."PeriodId", a."MunicipalityId", sum(a."Count") AS n
                            FROM "{ConclusionStageCount.Table}" AS a
                            WHERE a."Status" IN ({inList}){filters}
                            GROUP BY a."PeriodId", a."MunicipalityId") AS g
                        JOIN "Periods" AS p ON p."Id" = g."PeriodId"
                        LEFT JOIN unnest(@order) WITH ORDINALITY AS held(id, place) ON held.id = g."MunicipalityId") AS o
                    WHERE o.before < @end AND o.before + o.n > @skip) AS s
                JOIN "Applications" AS a ON a."PeriodId" = s."PeriodId" AND a."MunicipalityId" = s."MunicipalityId"
                    AND a."Status" IN ({inList})) AS x
            WHERE x.place >= @skip AND x.place < @end
            """;
        return db.Database.SqlQueryRaw<Guid>(sql, [.. parameters]);
    }

    /// <summary>
    /// The rows of the list in its order: the oldest periods first, theirs are the conclusions due (or overdue) first;
    /// the municipalities in the order of the operator's lists (<paramref name="order"/>, the held directories': the
    /// alphabet's, «г. Томск» before «Томский район», which the bytes put first, and the regional organisations last),
    /// by their place rather than by their names in the Russian collation, whose comparisons were a millisecond of
    /// PostgreSQL's sorts of a country's groups.
    /// </summary>
    private IOrderedQueryable<ApplicationRow> Ordered(IQueryable<Application> chosen, int[] order) => chosen.ToRows(db)
        .OrderBy(a => a.PeriodStartYear).ThenBy(a => a.PeriodStartMonth)
        .ThenBy(a => Array.IndexOf(order, a.MunicipalityId))
        .ThenBy(a => a.LastName).ThenBy(a => a.FirstName).ThenBy(a => a.MiddleName).ThenBy(a => a.Id);

    /// <summary>
    /// What the counts of the lists read: only the conclusion's stages (the decided history of the years is never
    /// scanned), and per municipality each list's count and its overdue part, in one statement.
    /// </summary>
    public static (IQueryable<Application> Scoped, List<Expression<Func<Application, bool>>> Conditions) Counting(
        IQueryable<Application> filtered, IEnumerable<AttestationPeriod> periods, DateOnly today)
    {
        var overduePeriods = OverduePeriods(periods, today);
        var lists = Enum.GetValues<ConclusionList>();
        var scoped = filtered.Where(ApplicationFilters.StatusIn([.. lists.SelectMany(StatusesOf)]));
        var conditions = lists.SelectMany(q => new[]
        {
            ApplicationFilters.StatusIn(StatusesOf(q)),
            ApplicationFilters.StatusIn(StatusesOf(q)).And(a => overduePeriods.Contains(a.PeriodId!.Value)),
        }).ToList();
        return (scoped, conditions);
    }

    /// <summary>
    /// Every municipality with the counts of <see cref="Counting"/> (each list's, and its part past the deadline) for
    /// the lists unsearched, of every period or of <paramref name="periodId"/>, summed from the groups of the conclusion
    /// stages PostgreSQL keeps (<see cref="ConclusionStageCount"/>: 2,240 groups at a country's size) rather than
    /// counted over the applications at those stages (the country's 99,950), which the job did every minute.
    /// </summary>
    public static Task<List<MunicipalityChoice>> KeptRowsAsync(AttestationDbContext db, IEnumerable<AttestationPeriod> periods,
        DateOnly today, Guid? periodId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var overdue = OverduePeriods(periods, today);
        var kept = db.ConclusionStageCounts.AsNoTracking();
        if (periodId is { } chosen)
            kept = kept.Where(c => c.PeriodId == chosen);
        var conditions = Enum.GetValues<ConclusionList>().SelectMany(q =>
        {
            var statuses = StatusesOf(q).ToList();
            return new Expression<Func<ConclusionStageCount, bool>>[]
            {
                c => statuses.Contains(c.Status),
                c => statuses.Contains(c.Status) && overdue.Contains(c.PeriodId),
            };
        }).ToList();
        return db.MunicipalityRowsAsync(kept, c => c.MunicipalityId, c => c.Count, conditions, ct);
    }

    /// <summary>The periods whose conclusions are due by a day before <paramref name="today"/>.</summary>
    private static List<Guid> OverduePeriods(IEnumerable<AttestationPeriod> periods, DateOnly today) =>
        periods.Where(p => PeriodCalendar.Deadlines(p).ConclusionUploadedBy < today).Select(p => p.Id).ToList();

    /// <summary>
    /// The periods, the municipalities with each list's counts, and the chosen list's applications (not yet read);
    /// null when the address names a period or a municipality that is not there.
    /// </summary>
    private async Task<IQueryable<Application>?> ChooseAsync(CancellationToken ct)
    {
        Today = region.Today;
        var periods = await db.Periods.AsNoTracking().ToListAsync(ct);
        Periods = periods.OrderByDescending(p => p.StartDate).ToList();
        if (PeriodId is { } chosen && !periods.Any(p => p.Id == chosen))
            return null;

        var lists = Enum.GetValues<ConclusionList>();
        var filtered = db.Applications.AsNoTracking()
            .Where(a => a.PeriodId != null)
            .WhoseNameContains(Search);
        if (PeriodId is { } periodId)
            filtered = filtered.Where(a => a.PeriodId == periodId);

        // Every period, unsearched, as counted ahead while fresh: the country's stages are 200,000 applications.
        var counted = PeriodId is null && string.IsNullOrWhiteSpace(Search)
            ? await countedAhead.ReadAsync<List<MunicipalityChoice>>(AheadKeys.Conclusions, ct)
            : null;
        if (counted is not null && MunicipalityId is { } asked && !counted.Value.Exists(m => m.Id == asked))
            counted = null; // a municipality added since the count
        MunicipalityCounts choices;
        if (counted is not null)
            (choices, CountedAt) = (OperatorLists.Choices(counted.Value, 2 * lists.Length), counted.CountedAt);
        else if (string.IsNullOrWhiteSpace(Search))
            choices = OperatorLists.Choices(await KeptRowsAsync(db, periods, Today, PeriodId, ct), 2 * lists.Length);
        else
        {
            var (scoped, conditions) = Counting(filtered, periods, Today);
            choices = await db.MunicipalityChoicesAsync(scoped, conditions, ct);
        }
        Municipalities = choices.Choices;
        if (MunicipalityId is { } municipalityId)
        {
            if (!choices.Names.ContainsKey(municipalityId))
                return null;
            filtered = filtered.Where(a => a.MunicipalityId == municipalityId);
        }
        foreach (var item in Municipalities)
            item.Selected = item.Value == MunicipalityId?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Counts = lists.ToDictionary(q => q, q => choices.Count(2 * Array.IndexOf(lists, q), MunicipalityId));
        OverdueCounts = lists.ToDictionary(q => q, q => q == ConclusionList.Verified
            ? 0
            : choices.Count((2 * Array.IndexOf(lists, q)) + 1, MunicipalityId));

        var statuses = StatusesOf(Show);
        Total = Counts[Show];
        // The chosen list's statuses alone: with the stages' statuses ANDed in as well, the planner multiplied the two
        // selectivities, expected 1,495 verified rows of the country's 36,792, and sorted them in a nested loop (0.6 s).
        return filtered.Where(a => statuses.Contains(a.Status));
    }
}
