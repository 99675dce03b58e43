using System.Security.Claims;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.School.Pages;

/// <summary>The school coordinator's own organisation, which every page of his cabinet is scoped by.</summary>
public sealed record OwnOrganisation(int Id, string Name, int MunicipalityId)
{
    /// <summary>
    /// Read from the database, not the sign-in cookie, so that a change of workplace applies at once; null for a
    /// coordinator whose organisation is not set (he then sees nothing). One statement.
    /// </summary>
    public static Task<OwnOrganisation?> OfAsync(AttestationDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var userId = user.UserId();
        return (
                from u in db.Users.AsNoTracking()
                where u.Id == userId
                join o in db.Organisations on u.OrganisationId equals o.Id
                select new OwnOrganisation(o.Id, o.Name, o.MunicipalityId))
            .SingleOrDefaultAsync(ct);
    }
}
