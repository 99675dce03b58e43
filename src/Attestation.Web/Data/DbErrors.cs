using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Attestation.Web.Data;

/// <summary>What PostgreSQL said when a save failed, for the pages that answer a given failure in their own words.</summary>
public static class DbErrors
{
    /// <summary>A unique index (or primary key) refused the row: someone saved the same thing a moment earlier.</summary>
    public static bool IsUniqueViolation(DbUpdateException error) =>
        error?.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>A foreign key refused the change: something refers to the row, or the row referred to is gone.</summary>
    public static bool IsForeignKeyViolation(DbUpdateException error) =>
        error?.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation };
}
