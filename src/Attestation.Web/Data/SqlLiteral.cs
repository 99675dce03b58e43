using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Attestation.Web.Data;

/// <summary>
/// Values written into a statement's SQL as they are (<c>LIMIT 50</c>, a role's id, the periods not yet over), where EF
/// Core would send parameters, in a way that still lets EF Core keep the statement's SQL. <c>EF.Constant</c> writes a
/// literal too, but EF Core then builds the statement's SQL anew on every execution (by design, dotnet/efcore#33674): a
/// fifth of a list's rows' query's time in the portal. Here each value is a constant of the query's expression, part of
/// the key EF Core finds the statement by: one SQL for each value used.
/// </summary>
public static class SqlLiteral
{
    /// <summary><paramref name="value"/> as a literal of the SQL; build the call into the tree with <see cref="Of"/>.</summary>
    public static int Number([NotParameterized] int value) =>
        throw new InvalidOperationException("SqlLiteral.Number is translated to SQL only.");

    /// <summary><paramref name="value"/> (a role's id, say) as a literal of the SQL, inside a query's lambda.</summary>
    public static Guid Key([NotParameterized] Guid value) =>
        throw new InvalidOperationException("SqlLiteral.Key is translated to SQL only.");

    /// <summary><paramref name="value"/> (a bound of a year's dates, say) as a literal of the SQL, inside a query's lambda.</summary>
    public static DateOnly Day([NotParameterized] DateOnly value) =>
        throw new InvalidOperationException("SqlLiteral.Day is translated to SQL only.");

    private static readonly System.Reflection.MethodInfo NumberMethod = typeof(SqlLiteral).GetMethod(nameof(Number))!;

    /// <summary>
    /// The call <c>SqlLiteral.Number(value)</c> as an expression: an argument of a top-level <c>Take</c> is evaluated at
    /// once by C#, so the call is put into the tree by hand.
    /// </summary>
    public static Expression Of(int value) =>
        Expression.Call(NumberMethod, Expression.Constant(value));

    /// <summary>
    /// The rows whose <paramref name="key"/> is one of <paramref name="values"/>, the values written into the SQL
    /// (<c>IN ('…', '…')</c>): an array constant of the query's expression, which EF Core compares by its elements when
    /// it looks the statement up, so that the same few values (the periods not yet over) keep one SQL.
    /// </summary>
    public static Expression<Func<T, bool>> In<T, TKey>(
        Expression<Func<T, TKey>> key, IEnumerable<TKey> values)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(values);
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TKey)],
            Expression.Constant(values.ToArray()), key.Body);
        return Expression.Lambda<Func<T, bool>>(contains, key.Parameters);
    }

    internal static void Register(ModelBuilder builder)
    {
        builder.HasDbFunction(NumberMethod).HasTranslation(arguments => arguments[0]);
        builder.HasDbFunction(typeof(SqlLiteral).GetMethod(nameof(Key))!).HasTranslation(arguments => arguments[0]);
        builder.HasDbFunction(typeof(SqlLiteral).GetMethod(nameof(Day))!).HasTranslation(arguments => arguments[0]);
    }
}
