using Attestation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Data.ReadModel;

/// <summary>
/// The search of accounts by what a user types: a part of the full name (as <see cref="PersonRows.WhoseNameContains"/>),
/// of the login or of the address, case-insensitive, «ё» and «е» alike, «%» and «_» taken as text.
/// </summary>
public static class PersonSearch
{
    /// <summary>The users whose full name, login or address holds <paramref name="typed"/>; all when it is empty.</summary>
    public static IQueryable<AppUser> Matching(this IQueryable<AppUser> users, string? typed)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (string.IsNullOrWhiteSpace(typed))
            return users;
        var pattern = LikePattern.ContainsFolded(typed);
        return users.Where(u =>
            EF.Functions.ILike(
                (u.LastName + " " + u.FirstName + " " + (u.MiddleName ?? "")).Replace("ё", "е").Replace("Ё", "Е"),
                pattern, "\\")
            || EF.Functions.ILike(u.UserName!, pattern, "\\")
            || EF.Functions.ILike(u.Email!, pattern, "\\"));
    }
}
