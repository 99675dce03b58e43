using System.Security.Claims;
using Attestation.Domain.Applications;

namespace Attestation.Web.Authorization;

/// <summary>
/// What each person may see, as query filters. Every page that reads applications starts from one of these, so that
/// an id typed into a URL by someone else finds nothing (404), never data.
/// </summary>
public static class Scoping
{
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The page requires a signed-in user."));

    /// <summary>A teacher's own applications.</summary>
    public static IQueryable<Application> OwnedBy(this IQueryable<Application> applications, ClaimsPrincipal teacher)
    {
        var id = teacher.UserId();
        return applications.Where(a => a.TeacherId == id);
    }
}
