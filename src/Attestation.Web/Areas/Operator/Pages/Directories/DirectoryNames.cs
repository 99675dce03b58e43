using System.Text.RegularExpressions;
using Attestation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

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

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
