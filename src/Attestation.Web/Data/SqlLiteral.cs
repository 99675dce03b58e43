using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Attestation.Web.Data;

/// <summary>
/// A number written into a statement's SQL as it is (<c>LIMIT 50</c>), where EF Core would send a parameter, and that
/// still lets EF Core keep the statement's SQL. <c>EF.Constant</c> writes a literal too, but EF Core then builds the
/// statement's SQL anew on every execution (by design, dotnet/efcore#33674): a fifth of the rows' query's time on a list
/// page. Here the number is a constant of the query's expression, part of its cache key: one SQL per number used.
/// </summary>
public static class SqlLiteral
{
    /// <summary><paramref name="value"/> as a literal of the SQL; build the call into the tree with <see cref="Of"/>.</summary>
    public static int Number([NotParameterized] int value) =>
        throw new InvalidOperationException("SqlLiteral.Number is translated to SQL only.");

    /// <summary><paramref name="value"/> (a role's id, say) as a literal of the SQL, inside a query's lambda.</summary>
    public static Guid Key([NotParameterized] Guid value) =>
        throw new InvalidOperationException("SqlLiteral.Key is translated to SQL only.");

    private static readonly System.Reflection.MethodInfo NumberMethod = typeof(SqlLiteral).GetMethod(nameof(Number))!;

    /// <summary>
    /// The call <c>SqlLiteral.Number(value)</c> as an expression: an argument of a top-level <c>Take</c> is evaluated at
    /// once by C#, so the call is put into the tree by hand.
    /// </summary>
    public static System.Linq.Expressions.Expression Of(int value) =>
        System.Linq.Expressions.Expression.Call(NumberMethod, System.Linq.Expressions.Expression.Constant(value));

    internal static void Register(ModelBuilder builder)
    {
        builder.HasDbFunction(NumberMethod).HasTranslation(arguments => arguments[0]);
        builder.HasDbFunction(typeof(SqlLiteral).GetMethod(nameof(Key))!).HasTranslation(arguments => arguments[0]);
    }
}
