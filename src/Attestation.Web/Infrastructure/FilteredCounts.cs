using Attestation.Domain.Applications;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Attestation.Web.Infrastructure;

/// <summary>
/// Several counts of one table in one statement: a GROUP BY with a filtered count per condition
/// (<c>COUNT(*) FILTER (WHERE …)</c>), however many conditions a dashboard shows.
/// </summary>
public static class FilteredCounts
{
    /// <summary>Per key, how many rows meet each of <paramref name="conditions"/>, in their order; keys without rows are absent.</summary>
    public static async Task<Dictionary<int, int[]>> CountEachAsync<T>(this IQueryable<T> source,
        Expression<Func<T, int>> key, IReadOnlyList<Expression<Func<T, bool>>> conditions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(conditions);
        // g => new[] { g.Key, g.Count(condition₁), …, g.Count(conditionₙ) }
        var group = Expression.Parameter(typeof(IGrouping<int, T>), "g");
        var count = Methods<T>.EnumerableCount;
        var cells = new List<Expression> { Expression.Property(group, nameof(IGrouping<int, T>.Key)) };
        cells.AddRange(conditions.Select(condition => (Expression)Expression.Call(count, group, condition)));
        var row = Expression.Lambda<Func<IGrouping<int, T>, int[]>>(Expression.NewArrayInit(typeof(int), cells), group);

        var rows = await source.GroupBy(key).Select(row).ToListAsync(ct);
        return rows.ToDictionary(r => r[0], r => r[1..]);
    }

    /// <summary>
    /// Per composite key (a municipality and a month, say), how many rows meet each of <paramref name="conditions"/>:
    /// one GROUP BY of the key's columns with a filtered count per condition. Keys without rows are absent.
    /// </summary>
    public static async Task<List<(TKey Key, int[] Counts)>> CountEachByAsync<T, TKey>(this IQueryable<T> source,
        Expression<Func<T, TKey>> key, IReadOnlyList<Expression<Func<T, bool>>> conditions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(conditions);
        // g => new Keyed<TKey> { Key = g.Key, Counts = new[] { g.Count(condition₁), …, g.Count(conditionₙ) } }
        var group = Expression.Parameter(typeof(IGrouping<TKey, T>), "g");
        var count = Methods<T>.EnumerableCount;
        var counts = Expression.NewArrayInit(typeof(int), conditions.Select(condition => (Expression)Expression.Call(count, group, condition)));
        var row = Expression.Lambda<Func<IGrouping<TKey, T>, Keyed<TKey>>>(Expression.MemberInit(Expression.New(typeof(Keyed<TKey>)),
            Expression.Bind(typeof(Keyed<TKey>).GetProperty(nameof(Keyed<TKey>.Key))!, Expression.Property(group, nameof(IGrouping<TKey, T>.Key))),
            Expression.Bind(typeof(Keyed<TKey>).GetProperty(nameof(Keyed<TKey>.Counts))!, counts)), group);

        var rows = await source.GroupBy(key).Select(row).ToListAsync(ct);
        return rows.Select(r => (r.Key, r.Counts)).ToList();
    }

    /// <summary>The counts of one key (the scoped municipality, say): zeros when it has no rows.</summary>
    public static async Task<int[]> CountEachAsync<T>(this IQueryable<T> source,
        IReadOnlyList<Expression<Func<T, bool>>> conditions, Expression<Func<T, int>> key, int keyValue, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var counts = await source.CountEachAsync(key, conditions, ct);
        return counts.GetValueOrDefault(keyValue) ?? new int[conditions.Count];
    }

    /// <summary>
    /// <c>source.Count(condition)</c> as an expression, for a statement built with its counts in it (a scalar subquery
    /// each, read with the row they belong to), such as a compiled one whose source and conditions use its parameters.
    /// </summary>
    public static Expression Count<T>(Expression source, Expression<Func<T, bool>> condition)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(condition);
        return Expression.Call(Methods<T>.QueryableCount, source, Expression.Quote(condition));
    }

    /// <summary>
    /// Each row of <paramref name="rows"/> (a directory: the municipalities) with the count of its part of
    /// <paramref name="source"/> under each condition, in one statement: a choice list with its numbers, «Город Томск —
    /// 12». The source is read once, narrowed to what meets any condition (each condition's index serves it) and grouped
    /// by <paramref name="sourceKey"/>, then joined to the rows on <paramref name="rowKey"/>: the cost does not grow with
    /// the number of rows, as one correlated count per row and condition did (280 municipalities × 6 counts).
    /// </summary>
    public static Task<List<(TRow Row, int[] Counts)>> WithCountsEachAsync<TRow, T>(this IQueryable<TRow> rows,
        Expression<Func<TRow, int>> rowKey, IQueryable<T> source, Expression<Func<T, int>> sourceKey,
        IReadOnlyList<Expression<Func<T, bool>>> conditions, CancellationToken ct) =>
        rows.WithEachAsync(rowKey, source, sourceKey, conditions,
            (group, condition) => Expression.Call(Methods<T>.EnumerableCount, group, condition), ct);

    /// <summary>
    /// <see cref="WithCountsEachAsync"/> of a source of counts already kept (a row per group of applications, its
    /// <paramref name="count"/> how many): under each condition, the sum of the counts of the source's rows that meet it.
    /// </summary>
    public static Task<List<(TRow Row, int[] Counts)>> WithSumsEachAsync<TRow, T>(this IQueryable<TRow> rows,
        Expression<Func<TRow, int>> rowKey, IQueryable<T> source, Expression<Func<T, int>> sourceKey, Expression<Func<T, int>> count,
        IReadOnlyList<Expression<Func<T, bool>>> conditions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(count);
        // g.Sum(x => condition(x) ? count(x) : 0): SUM(CASE WHEN … THEN "Count" ELSE 0 END)
        return rows.WithEachAsync(rowKey, source, sourceKey, conditions, (group, condition) =>
        {
            var row = condition.Parameters[0];
            var counted = ReplacingExpressionVisitor.Replace(count.Parameters[0], row, count.Body);
            var term = Expression.Lambda<Func<T, int>>(Expression.Condition(condition.Body, counted, Expression.Constant(0)), row);
            return Expression.Call(Methods<T>.EnumerableSum, group, term);
        }, ct);
    }

    private static async Task<List<(TRow Row, int[] Counts)>> WithEachAsync<TRow, T>(this IQueryable<TRow> rows,
        Expression<Func<TRow, int>> rowKey, IQueryable<T> source, Expression<Func<T, int>> sourceKey,
        IReadOnlyList<Expression<Func<T, bool>>> conditions, Func<ParameterExpression, Expression<Func<T, bool>>, Expression> aggregate,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(conditions);
        if (conditions.Count is 0 or > KeyedCounts.Capacity)
            throw new ArgumentException($"From 1 to {KeyedCounts.Capacity} conditions.", nameof(conditions));

        // source.Where(c₁ || … || cₙ).GroupBy(key).Select(g => new KeyedCounts { Key = g.Key, C0 = g.Count(c₁), … })
        var narrowed = source.Where(conditions.Aggregate(Conditions.Or));
        var group = Expression.Parameter(typeof(IGrouping<int, T>), "g");
        var bindings = new List<MemberBinding>
        {
            Expression.Bind(typeof(KeyedCounts).GetProperty(nameof(KeyedCounts.Key))!,
                Expression.Convert(Expression.Property(group, nameof(IGrouping<int, T>.Key)), typeof(int?))),
        };
        bindings.AddRange(conditions.Select((condition, index) => (MemberBinding)Expression.Bind(
            KeyedCounts.Counts[index], Expression.Convert(aggregate(group, condition), typeof(int?)))));
        var grouped = narrowed.GroupBy(sourceKey)
            .Select(Expression.Lambda<Func<IGrouping<int, T>, KeyedCounts>>(
                Expression.MemberInit(Expression.New(typeof(KeyedCounts)), bindings), group));

        var key = Expression.Lambda<Func<TRow, int?>>(Expression.Convert(rowKey.Body, typeof(int?)), rowKey.Parameters);
        var joined = await rows.LeftJoin(grouped, key, g => g.Key, (row, counts) => new { Row = row, Counts = counts })
            .ToListAsync(ct);
        return joined.Select(j => (j.Row, j.Counts?.ToArray(conditions.Count) ?? new int[conditions.Count])).ToList();
    }

    /// <summary>
    /// <c>Count(predicate)</c> of <typeparamref name="T"/>, looked up once per type: the lookup read every method of
    /// <see cref="Enumerable"/> on each call, a tenth of a dashboard's allocations.
    /// </summary>
    private static class Methods<T>
    {
        public static readonly MethodInfo EnumerableCount = CountOf(typeof(Enumerable));

        public static readonly MethodInfo QueryableCount = CountOf(typeof(Queryable));

        /// <summary><c>Enumerable.Sum&lt;T&gt;(IEnumerable&lt;T&gt;, Func&lt;T, int&gt;)</c>.</summary>
        public static readonly MethodInfo EnumerableSum = typeof(Enumerable).GetMethods()
            .Single(m => m.Name == nameof(Enumerable.Sum) && m.IsGenericMethodDefinition && m.GetParameters().Length == 2
                && m.GetParameters()[1].ParameterType == typeof(Func<,>).MakeGenericType(m.GetGenericArguments()[0], typeof(int)))
            .MakeGenericMethod(typeof(T));

        private static MethodInfo CountOf(Type extensions) => extensions.GetMethods()
            .Single(m => m.Name == nameof(Enumerable.Count) && m.GetParameters().Length == 2)
            .MakeGenericMethod(typeof(T));
    }

    /// <summary>
    /// A key with up to eight counts: the shape a grouped subquery can be joined in (an array cannot). Nullable, since a
    /// row without a part of the source meets only NULLs in the left join.
    /// </summary>
    private sealed class KeyedCounts
    {
        public const int Capacity = 8;

        /// <summary>The properties <see cref="C0"/>…<see cref="C7"/>, in order.</summary>
        public static readonly PropertyInfo[] Counts =
            Enumerable.Range(0, Capacity).Select(i => typeof(KeyedCounts).GetProperty($"C{i}")!).ToArray();

        public int? Key { get; init; }
        public int? C0 { get; init; }
        public int? C1 { get; init; }
        public int? C2 { get; init; }
        public int? C3 { get; init; }
        public int? C4 { get; init; }
        public int? C5 { get; init; }
        public int? C6 { get; init; }
        public int? C7 { get; init; }

        public int[] ToArray(int count) => new[] { C0, C1, C2, C3, C4, C5, C6, C7 }[..count].Select(c => c ?? 0).ToArray();
    }

    private sealed class Keyed<TKey>
    {
        public required TKey Key { get; init; }

        public required int[] Counts { get; init; }
    }
}
