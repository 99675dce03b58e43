using System.Text.RegularExpressions;
using Attestation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Attestation.Web.Areas.Operator.Pages.Directories;

/// <summary>
/// When two directory names are the same entry: case and runs of spaces do not count, so «МБОУ  СОШ № 1» typed again
/// as «мбоу сош № 1» is a duplicate. The database's unique indexes compare exactly; this check runs first.
/// </summary>
public static partial class DirectoryNames
{
    public static string Key(string? name) =>
        Spaces().Replace(name ?? "", " ").Trim().ToUpper(WebSetup.Russian);

    public static bool Same(string? a, string? b) => Key(a) == Key(b);

    public static bool IsUniqueViolation(DbUpdateException error) =>
        error?.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public static bool IsForeignKeyViolation(DbUpdateException error) =>
        error?.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
