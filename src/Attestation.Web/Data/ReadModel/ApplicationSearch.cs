using Attestation.Domain.Applications;
using Attestation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Data.ReadModel;

/// <summary>
/// How the applications are found by the teacher's name: the column <see cref="Column"/>, which PostgreSQL writes from
/// the name itself (<see cref="Sql"/>) in lower case with «ё» as «е», and a pattern lowered the same way
/// (<see cref="LikePattern.ContainsLowered"/>), compared byte by byte. The trigram index (with the municipality) finds a
/// part of a name; the index of submission instants carries it, so a list of the latest submissions tests each row's
/// name from the index and not from the table.
/// </summary>
public static class ApplicationSearch
{
    public const string Column = "SearchName";

    /// <summary>«Фамилия Имя Отчество», lowered by the names' own (Russian) collation, «ё» read as «е».</summary>
    public const string Sql =
        """replace(lower((("LastName" || ' ') || "FirstName" || ' ') || COALESCE("MiddleName", '')), 'ё', 'е')""";

    /// <summary>
    /// The applications whose teacher's full name («Фамилия Имя Отчество», as written in the application) contains
    /// <paramref name="text"/>, whatever the case, «ё» read as «е»; all of them for blank text.
    /// </summary>
    public static IQueryable<Application> WhoseNameContains(this IQueryable<Application> applications, string? text)
    {
        ArgumentNullException.ThrowIfNull(applications);
        if (string.IsNullOrWhiteSpace(text))
            return applications;
        var pattern = LikePattern.ContainsLowered(text);
        return applications.Where(a => EF.Functions.Like(EF.Property<string>(a, Column), pattern, "\\"));
    }
}
