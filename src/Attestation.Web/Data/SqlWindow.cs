using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace Attestation.Web.Data;

/// <summary>
/// PostgreSQL's window functions LINQ does not have, for EF Core queries: a page of a search and the number of rows it
/// found, read by one statement instead of one that counts and one that sorts the same rows again.
/// </summary>
public static class SqlWindow
{
    /// <summary>
    /// <c>count(*) OVER ()</c>: on each row of the result, how many rows the query had before its ORDER BY's LIMIT and
    /// OFFSET were applied. Project it before the query's order and page.
    /// </summary>
    public static int RowsFound() => throw new InvalidOperationException("SqlWindow.RowsFound is translated to SQL only.");

    internal static void Register(ModelBuilder builder) =>
        builder.HasDbFunction(typeof(SqlWindow).GetMethod(nameof(RowsFound))!)
            .HasTranslation(_ => new SqlFragmentExpression("(count(*) OVER ())::int", typeof(int), new IntTypeMapping("integer")));
}
