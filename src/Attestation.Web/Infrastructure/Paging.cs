using System.Linq.Expressions;
using System.Reflection;
using Attestation.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Attestation.Web.Infrastructure;

/// <summary>
/// One page of a list: the rows, the total they were taken from, and where the page stands. Every list of the portal
/// is bounded by one (SPEC: a region's ten years of data, a country's), never read whole.
/// </summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    /// <summary>The list has more rows than <see cref="Total"/>: counting stopped there (<see cref="RowCount"/>).</summary>
    public bool More { get; init; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;

    /// <summary>The number of the first row of the page, counted from 1 («Строки 51–100 из 2 340»).</summary>
    public int FirstNumber => Total == 0 ? 0 : ((Page - 1) * PageSize) + 1;

    public int LastNumber => FirstNumber == 0 ? 0 : FirstNumber + Items.Count - 1;

    public Paged<TOther> With<TOther>(IReadOnlyList<TOther> items) => new(items, Total, Page, PageSize) { More = More };
}

/// <summary>
/// The rows of a list as counted for its pager: all of them, or the first <see cref="Count"/> of more (<see cref="More"/>)
/// where counting was stopped at a limit (<see cref="Paging.CountUpToAsync"/>). A search that found half a country is not
/// counted to its end: «Строки 1–50 из более чем 2 000» says what the person needs, a narrower search.
/// </summary>
public readonly record struct RowCount(int Count, bool More)
{
    public static implicit operator RowCount(int count) => new(count, false);

    public static RowCount FromInt32(int count) => new(count, false);

    /// <summary>What a count stopped at <paramref name="limit"/> + 1 rows (<c>Take(limit + 1)</c>) says.</summary>
    public static RowCount UpTo(int counted, int limit) =>
        counted > limit ? new RowCount(limit, More: true) : new RowCount(counted, More: false);
}

public static class Paging
{
    /// <summary>The rows of a list page unless the list says otherwise.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>
    /// The rows of a summary table with a row per municipality (the control table, the consolidated schedule's
    /// municipalities, the monitoring's tables by municipality, the directory of municipalities): rows of a dozen figures
    /// or a municipality's coordinators each, half a list's page. A region's twenty to sixty municipalities are one or
    /// two pages; a country's few hundred are paged through, and a page costs what a region's does.
    /// </summary>
    public const int MunicipalitiesPageSize = 25;

    /// <summary>
    /// The page <paramref name="page"/> (from 1; out of range is clamped) of rows already read: a short table counted
    /// whole (a row a municipality) whose rendering, not its reading, grows with a country.
    /// </summary>
    public static Paged<T> ToPaged<T>(this IReadOnlyList<T> rows, int? page, int pageSize = DefaultPageSize)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var pageCount = Math.Max(1, (rows.Count + pageSize - 1) / pageSize);
        var number = Math.Clamp(page ?? 1, 1, pageCount);
        return new Paged<T>(rows.Skip((number - 1) * pageSize).Take(pageSize).ToList(), rows.Count, number, pageSize);
    }

    /// <summary>A search that found at most this many rows has them sorted; more are met soon enough in the list's order.</summary>
    public const int FewFound = 2_000;

    /// <summary>
    /// Where the counting of a list's rows stops (<see cref="CountUpToAsync"/>): a list is paged through its first ten
    /// thousand rows (two hundred pages); a person who wants a row beyond them narrows the list with a filter or a search.
    /// Counting the rest would cost a country's every row on every page.
    /// </summary>
    public const int ListCountLimit = 10_000;

    /// <summary>
    /// Where the counting of a search stops: its rows are paged through the first <see cref="FewFound"/>. A common name
    /// in a country's applications of ten years is 15,000 rows scattered over the table, each counted from the table.
    /// </summary>
    public static int CountLimit(string? search) => string.IsNullOrWhiteSpace(search) ? ListCountLimit : FewFound;

    /// <summary>
    /// The rows a search found, counted already (<paramref name="found"/>), in the way PostgreSQL reaches a page of them
    /// fastest. Left to itself, it walks the list in its order (the names', the latest submissions first) and tests
    /// each row against the search until it has the page's fifty: right for a common name, whose rows are met every
    /// few dozen («иван» among a country's 2,000,000 applications), and a walk through the whole list for a rare one
    /// (10,400 accounts for «иван» at a region's size, every account for a name nobody has). A few rows found are
    /// therefore found first by the trigram indexes, then sorted: a subquery with an OFFSET (<c>Skip(0)</c>) is one
    /// PostgreSQL does not merge into the query around it. Without a search the walk is the right plan, and stays.
    /// </summary>
    /// <param name="few">The most rows found first: <see cref="FewFound"/> for a list in the order of dates, where a
    /// name's rows are spread evenly; more for a list in the order of names, where they stand together («Иванов…» after
    /// every name from «А» to «З»), so that walking the list to them costs more than sorting them.</param>
    public static IQueryable<T> SearchedFirst<T>(this IQueryable<T> filtered, string? search, RowCount found, int few = FewFound) =>
        string.IsNullOrWhiteSpace(search) || found.More || found.Count > few ? filtered : filtered.Skip(0);

    /// <summary>
    /// The rows of <paramref name="query"/> counted up to <paramref name="limit"/>: one statement that stops at the
    /// limit's next row, so that a list of a country's rows costs its first rows, not all of them.
    /// </summary>
    public static async Task<RowCount> CountUpToAsync<T>(this IQueryable<T> query, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return RowCount.UpTo(await query.TakeLiteral(limit + 1).CountAsync(ct), limit);
    }

    /// <summary>
    /// The rows of a whole table, unfiltered, counted up to <paramref name="limit"/> from PostgreSQL's estimate of the
    /// table (<c>pg_class.reltuples</c>, kept by ANALYZE and autovacuum) once it holds surely more, at twice the limit:
    /// no table of the portal shrinks to half between two analyses. Counting its first rows instead read them from the
    /// table wherever its visibility map was behind (the accounts are written at every sign-in): a region's accounts
    /// were 5–9 ms of their list's page. A smaller or never analysed table is counted (<see cref="CountUpToAsync"/>).
    /// </summary>
    public static async Task<RowCount> CountWholeTableUpToAsync<T>(this AttestationDbContext db, int limit, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        var name = db.Model.FindEntityType(typeof(T))?.GetTableName()
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not a table of the portal.");
        var estimate = await db.Database
            .SqlQuery<double>($"""SELECT reltuples::float8 AS "Value" FROM pg_class WHERE oid = to_regclass(quote_ident({name}))""")
            .SingleOrDefaultAsync(ct);
        return Estimated(estimate, limit) ?? await db.Set<T>().AsNoTracking().CountUpToAsync(limit, ct);
    }

    /// <summary>What an estimate of a table's rows says of its count up to <paramref name="limit"/>: more, or nothing sure (null).</summary>
    public static RowCount? Estimated(double estimatedRows, int limit) =>
        estimatedRows >= 2.0 * limit ? new RowCount(limit, More: true) : null;

    private static readonly MethodInfo TakeMethod =
        new Func<IQueryable<object>, int, IQueryable<object>>(Queryable.Take).Method.GetGenericMethodDefinition();

    /// <summary>
    /// The first <paramref name="count"/> rows, the number written into the SQL (<c>LIMIT 10001</c>) rather than sent
    /// as a parameter, as EF Core sends a <c>Take</c>'s. A limit PostgreSQL does not know is taken for a tenth of the
    /// rows: after five executions the prepared statement's generic plan, priced for that tenth, looks cheaper than the
    /// plan for the search's own pattern, and a search of the accounts read the whole table (region: 0.3 → 84 ms).
    /// Only a few such limits exist (<see cref="ListCountLimit"/>, <see cref="FewFound"/>), so each is one statement.
    /// The number is a <see cref="SqlLiteral"/>, so that EF Core keeps the statement's SQL (with <c>EF.Constant</c> it
    /// wrote it anew on every execution: 4 % of a list page's time in the portal).
    /// </summary>
    public static IQueryable<T> TakeLiteral<T>(this IQueryable<T> query, int count)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Provider.CreateQuery<T>(Expression.Call(TakeMethod.MakeGenericMethod(typeof(T)), query.Expression,
            SqlLiteral.Of(count)));
    }

    /// <summary>
    /// The page <paramref name="page"/> (from 1; out of range is clamped) of an ordered query: two statements, the
    /// count (<see cref="CountRowsAsync"/>) and the rows.
    /// </summary>
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> ordered, int? page, CancellationToken ct,
        int pageSize = DefaultPageSize)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        return await ordered.ToPagedAsync(page, await ordered.CountRowsAsync(ct), ct, pageSize);
    }

    /// <summary>
    /// How many rows a list's query has, counted without the projections and orders it ends with, which change neither
    /// the rows nor their number. EF Core finds a statement's SQL by hashing its whole expression: counted as it was,
    /// an application list's count hashed the row's projection of some 150 nodes (and a page's documents) only for
    /// PostgreSQL to drop them, 6 % of the coordinator's «Аттестация» page.
    /// </summary>
    public static Task<int> CountRowsAsync<T>(this IQueryable<T> query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var expression = query.Expression;
        while (expression is MethodCallExpression call && call.Method.DeclaringType == typeof(Queryable)
            && call.Method.Name is nameof(Queryable.Select) or nameof(Queryable.OrderBy) or nameof(Queryable.OrderByDescending)
                or nameof(Queryable.ThenBy) or nameof(Queryable.ThenByDescending))
            expression = call.Arguments[0];
        var rows = query.Provider.CreateQuery(expression);
        var count = Expression.Call(typeof(Queryable), nameof(Queryable.Count), [rows.ElementType], rows.Expression);
        return query.Provider is IAsyncQueryProvider provider
            ? provider.ExecuteAsync<Task<int>>(count, ct)
            : Task.FromResult(query.Provider.Execute<int>(count));
    }

    /// <summary>
    /// The page of an ordered query whose <paramref name="total"/> was already counted (with the page's other counts,
    /// in one statement): one statement, the rows.
    /// </summary>
    public static Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> ordered, int? page, RowCount total, CancellationToken ct,
        int pageSize = DefaultPageSize) =>
        ordered.ToPagedAsync(page, total, rows => rows, ct, pageSize);

    /// <summary>
    /// The page of an ordered query, then <paramref name="complete"/>d (joined to the names of the people it refers to,
    /// say) for the page's rows only: PostgreSQL otherwise joins every row the filters let through before it sorts and
    /// cuts the page. One statement, the rows.
    /// </summary>
    public static Task<Paged<TResult>> ToPagedAsync<T, TResult>(this IQueryable<T> ordered, int? page, RowCount total,
        Func<IQueryable<T>, IQueryable<TResult>> complete, CancellationToken ct, int pageSize = DefaultPageSize)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        return CutAsync(page, total, ordered.Cut, complete, ct, pageSize);
    }

    /// <summary>
    /// The rows <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="take"/> of an ordered query, the
    /// page's size written into the SQL (<c>LIMIT 50</c>) and the first page without an OFFSET. With both sent as
    /// parameters, PostgreSQL prices its generic plan of a list's statement for a tenth of the rows: most lists' then
    /// looked costlier than a plan for the values, and their statements were planned anew on every request (0.3–0.7 ms
    /// of its CPU a page). The first page, which most requests read, adds no parameter, so the generic plan is priced
    /// for the page's real size; a later page's OFFSET stays a parameter, so that the pages of a long list are not a
    /// statement each. Whether PostgreSQL then keeps one plan still depends on the statement's other parameters
    /// (bench/RESULTS.md, nineteenth session).
    /// </summary>
    public static IQueryable<T> Cut<T>(this IQueryable<T> ordered, int skip, int take)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        return (skip == 0 ? ordered : ordered.Skip(skip)).TakeLiteral(take);
    }

    /// <summary>
    /// The page <paramref name="page"/> of a list of <paramref name="total"/> rows whose page is found by
    /// <paramref name="cut"/> (the rows before it, the page's size) some other way than <c>Skip</c> and <c>Take</c> on
    /// the whole list in order, then <paramref name="complete"/>d. One statement, the rows. A list counted up to a limit
    /// (<see cref="RowCount.More"/>) has the pages of the rows counted.
    /// </summary>
    public static async Task<Paged<TResult>> CutAsync<T, TResult>(int? page, RowCount total, Func<int, int, IQueryable<T>> cut,
        Func<IQueryable<T>, IQueryable<TResult>> complete, CancellationToken ct, int pageSize = DefaultPageSize)
    {
        ArgumentNullException.ThrowIfNull(cut);
        ArgumentNullException.ThrowIfNull(complete);
        var pageCount = Math.Max(1, (total.Count + pageSize - 1) / pageSize);
        var number = Math.Clamp(page ?? 1, 1, pageCount);
        var items = total.Count == 0
            ? []
            : await complete(cut((number - 1) * pageSize, pageSize)).ToListAsync(ct);
        return new Paged<TResult>(items, total.Count, number, pageSize) { More = total.More };
    }
}

/// <summary>
/// A page of a list sorted first by a group (the municipality), from the groups' sizes counted in their order: which
/// groups the page spans and how many rows of the first come before it. The page's rows are then read from those groups
/// only — a country's list sorted whole to cut fifty rows costs its every row's sort.
/// </summary>
public sealed record GroupedPage<TKey>(IReadOnlyList<TKey> Groups, int SkipInFirst, int Total, int Page, int PageSize)
{
    public Paged<T> With<T>(IReadOnlyList<T> items) => new(items, Total, Page, PageSize);
}

public static class GroupedPage
{
    public static GroupedPage<TKey> Of<TKey>(IReadOnlyList<(TKey Key, int Count)> groups, int? page, int pageSize = Paging.DefaultPageSize)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var total = groups.Sum(g => g.Count);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var number = Math.Clamp(page ?? 1, 1, pageCount);
        var skip = (number - 1) * pageSize;
        var spanned = new List<TKey>();
        var before = 0;
        var skipInFirst = 0;
        foreach (var (key, count) in groups)
        {
            var end = before + count;
            if (end > skip && before < skip + pageSize && count > 0)
            {
                if (spanned.Count == 0)
                    skipInFirst = skip - before;
                spanned.Add(key);
            }
            before = end;
        }
        return new GroupedPage<TKey>(spanned, skipInFirst, total, number, pageSize);
    }
}

/// <summary>What <c>_Pager</c> shows: the page's figures and a link to any page of the same list.</summary>
public sealed record PagerView(int Total, int Page, int PageCount, int FirstNumber, int LastNumber, Func<int, string> Url)
{
    /// <summary>More rows than <see cref="Total"/> were found («из более чем 2 000»): the list shows the first ones.</summary>
    public bool More { get; init; }

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;

    /// <summary>
    /// The query parameter of the page number: <c>p</c>, since Razor Pages keep <c>page</c> for the page's own path.
    /// </summary>
    public const string Parameter = "p";

    /// <summary>The element id of the pager and the prefix of its parts' ids (a second pager on a page has its own).</summary>
    public string Id { get; init; } = "pager";

    /// <summary>
    /// The pager of <paramref name="paged"/> on the current request's URL, with <paramref name="parameter"/> (by default
    /// <see cref="Parameter"/>) replaced: a page with two lists pages the second with a parameter of its own.
    /// </summary>
    public static PagerView Of<T>(Paged<T> paged, Microsoft.AspNetCore.Http.HttpRequest request, string parameter = Parameter)
    {
        ArgumentNullException.ThrowIfNull(paged);
        ArgumentNullException.ThrowIfNull(request);
        return new PagerView(paged.Total, paged.Page, paged.PageCount, paged.FirstNumber, paged.LastNumber, page =>
        {
            var query = request.Query
                .Where(pair => !string.Equals(pair.Key, parameter, StringComparison.OrdinalIgnoreCase))
                .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string?>(pair.Key, value)))
                .Append(new KeyValuePair<string, string?>(parameter, page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return request.PathBase + request.Path + Microsoft.AspNetCore.Http.QueryString.Create(query);
        }) { More = paged.More };
    }
}

/// <summary>The links of a list page besides its pager.</summary>
public static class ListLinks
{
    /// <summary>The list's Excel file with the filters of the address (and every page of it): the «Excel» handler.</summary>
    public static string Excel(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query
            .Where(pair => !string.Equals(pair.Key, PagerView.Parameter, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(pair.Key, "handler", StringComparison.OrdinalIgnoreCase))
            .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string?>(pair.Key, value)))
            .Append(new KeyValuePair<string, string?>("handler", "Excel"));
        return request.PathBase + request.Path + Microsoft.AspNetCore.Http.QueryString.Create(query);
    }
}
