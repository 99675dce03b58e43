using Attestation.Web.Infrastructure;

namespace Attestation.Web.Data.ReadModel;

/// <summary>
/// Rows of municipalities in the order of the operator's lists: the region's own entry last, the rest in the order of
/// the alphabet. A signed-in request sorts them by their places in the directories it holds
/// (<see cref="DirectoryNameSnapshot.MunicipalityPlace"/>), sorted once a version: the country's 280 names compared by
/// the alphabet's rules cost a page that shows a row a municipality more than the rest of its work. Outside such a
/// request, and for a municipality added since, the names are compared.
/// </summary>
public static class MunicipalityOrder
{
    public static IOrderedEnumerable<T> InMunicipalityOrder<T>(this IEnumerable<T> rows, Func<T, int> id,
        Func<T, bool> isRegionalPseudo, Func<T, string> name)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var held = DirectoryNameSnapshot.Ambient;
        // Every place known: no two rows tie and the names are never compared.
        return rows.OrderBy(r => held?.MunicipalityPlace(id(r)) ?? int.MaxValue)
            .ThenBy(isRegionalPseudo).ThenBy(name, Alphabet.Russian);
    }
}
