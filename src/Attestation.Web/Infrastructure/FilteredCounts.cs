using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

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
        var count = typeof(Enumerable).GetMethods()
            .Single(m => m.Name == nameof(Enumerable.Count) && m.GetParameters().Length == 2)
            .MakeGenericMethod(typeof(T));
        var cells = new List<Expression> { Expression.Property(group, nameof(IGrouping<int, T>.Key)) };
        cells.AddRange(conditions.Select(condition => (Expression)Expression.Call(count, group, condition)));
        var row = Expression.Lambda<Func<IGrouping<int, T>, int[]>>(Expression.NewArrayInit(typeof(int), cells), group);

        var rows = await source.GroupBy(key).Select(row).ToListAsync(ct);
        return rows.ToDictionary(r => r[0], r => r[1..]);
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
    /// How many rows of <paramref name="source"/> meet each of <paramref name="conditions"/>, read with the one row of
    /// <paramref name="row"/> (a municipality and its name, say) in one statement: a scalar subquery per condition.
    /// Unlike a GROUP BY, a condition may read an owned object (a withdrawal). Null when <paramref name="row"/> is empty.
    /// </summary>
    public static async Task<(TRow Row, int[] Counts)?> WithCountsAsync<TRow, T>(this IQueryable<TRow> row,
        IQueryable<T> source, IReadOnlyList<Expression<Func<T, bool>>> conditions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(conditions);
        // r => new Counted<TRow>(r, new[] { source.Count(condition₁), …, source.Count(conditionₙ) })
        var parameter = Expression.Parameter(typeof(TRow), "r");
        var count = typeof(Queryable).GetMethods()
            .Single(m => m.Name == nameof(Queryable.Count) && m.GetParameters().Length == 2)
            .MakeGenericMethod(typeof(T));
        var counts = Expression.NewArrayInit(typeof(int),
            conditions.Select(condition => (Expression)Expression.Call(count, source.Expression, Expression.Quote(condition))));
        var counted = Expression.MemberInit(Expression.New(typeof(Counted<TRow>)),
            Expression.Bind(typeof(Counted<TRow>).GetProperty(nameof(Counted<TRow>.Row))!, parameter),
            Expression.Bind(typeof(Counted<TRow>).GetProperty(nameof(Counted<TRow>.Counts))!, counts));
        var result = await row.Select(Expression.Lambda<Func<TRow, Counted<TRow>>>(counted, parameter)).FirstOrDefaultAsync(ct);
        return result is null ? null : (result.Row, result.Counts);
    }

    /// <summary>
    /// Each row of <paramref name="rows"/> (a directory: the municipalities) with the count of its part of
    /// <paramref name="source"/> (<paramref name="belongs"/>) under each condition, in one statement: a choice list
    /// with its numbers, «Город Томск — 12». Each count is a correlated subquery that an index on the key serves.
    /// </summary>
    public static async Task<List<(TRow Row, int[] Counts)>> WithCountsEachAsync<TRow, T>(this IQueryable<TRow> rows,
        IQueryable<T> source, Expression<Func<TRow, T, bool>> belongs, IReadOnlyList<Expression<Func<T, bool>>> conditions,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(belongs);
        ArgumentNullException.ThrowIfNull(conditions);
        // r => new Counted<TRow>(r, new[] { source.Count(a => belongs(r, a) && condition₁(a)), … })
        var row = Expression.Parameter(typeof(TRow), "r");
        var item = Expression.Parameter(typeof(T), "a");
        var ofRow = new Replace(belongs.Parameters[1], item).Visit(new Replace(belongs.Parameters[0], row).Visit(belongs.Body));
        var count = typeof(Queryable).GetMethods()
            .Single(m => m.Name == nameof(Queryable.Count) && m.GetParameters().Length == 2)
            .MakeGenericMethod(typeof(T));
        var counts = Expression.NewArrayInit(typeof(int), conditions.Select(condition =>
        {
            var body = Expression.AndAlso(ofRow, new Replace(condition.Parameters[0], item).Visit(condition.Body));
            return (Expression)Expression.Call(count, source.Expression, Expression.Quote(Expression.Lambda<Func<T, bool>>(body, item)));
        }));
        var counted = Expression.MemberInit(Expression.New(typeof(Counted<TRow>)),
            Expression.Bind(typeof(Counted<TRow>).GetProperty(nameof(Counted<TRow>.Row))!, row),
            Expression.Bind(typeof(Counted<TRow>).GetProperty(nameof(Counted<TRow>.Counts))!, counts));
        var result = await rows.Select(Expression.Lambda<Func<TRow, Counted<TRow>>>(counted, row)).ToListAsync(ct);
        return result.Select(r => (r.Row, r.Counts)).ToList();
    }

    private sealed class Replace(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    private sealed class Counted<TRow>
    {
        public required TRow Row { get; init; }

        public required int[] Counts { get; init; }
    }
}
