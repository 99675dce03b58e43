using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Data.ReadModel;

/// <summary>
/// The search of people by what a user types: a part of the full name («федорова ал»), of the login or of the address,
/// case-insensitive, «ё» and «е» alike, the pattern's own characters (%, _) taken as text.
/// </summary>
public static class PersonSearch
{
    /// <summary>The search as an ILIKE pattern; null when nothing was typed.</summary>
    public static string? Pattern(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
            return null;
        var text = typed.Trim().Replace('ё', 'е').Replace('Ё', 'Е')
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
        return $"%{text}%";
    }

    /// <summary>The users whose full name, login or address holds <paramref name="typed"/>; all when it is empty.</summary>
    public static IQueryable<AppUser> Matching(this IQueryable<AppUser> users, string? typed)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (Pattern(typed) is not { } pattern)
            return users;
        return users.Where(u =>
            EF.Functions.ILike(
                (u.LastName + " " + u.FirstName + " " + (u.MiddleName ?? "")).Replace("ё", "е").Replace("Ё", "Е"),
                pattern, "\\")
            || EF.Functions.ILike(u.UserName!, pattern, "\\")
            || EF.Functions.ILike(u.Email!, pattern, "\\"));
    }
}
