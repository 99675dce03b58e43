using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Directories;

/// <summary>
/// What refers to a directory entry. An entry in use is never deleted, only deactivated (it stays in the history of the
/// applications that name it); an unused one, e.g. a typo, may be deleted. The foreign keys refuse a delete anyway.
/// </summary>
public static class DirectoryUsage
{
    public sealed record Usage(int Applications, int Users, int Experts)
    {
        public bool InUse => Applications + Users + Experts > 0;

        public string Text => string.Join(", ", new[]
            {
                Applications > 0 ? $"заявлений: {Applications}" : null,
                Users > 0 ? $"пользователей: {Users}" : null,
                Experts > 0 ? $"записей в списках специалистов: {Experts}" : null,
            }.OfType<string>());
    }

    public static async Task<Usage> OfOrganisationAsync(this AttestationDbContext db, int id, CancellationToken ct) =>
        new(await db.Applications.CountAsync(a => a.OrganisationId == id, ct),
            await db.Users.CountAsync(u => u.OrganisationId == id, ct)
                + await db.Invitations.CountAsync(i => i.OrganisationId == id, ct),
            0);

    public static async Task<Usage> OfPositionAsync(this AttestationDbContext db, int id, CancellationToken ct) =>
        new(await db.Applications.CountAsync(a => a.PositionId == id, ct),
            await db.Users.CountAsync(u => u.PositionId == id, ct),
            await db.ApprovedExperts.CountAsync(e => e.PositionId == id, ct));

    public static async Task<Usage> OfSubjectAsync(this AttestationDbContext db, int id, CancellationToken ct) =>
        new(await db.Applications.CountAsync(a => a.SubjectId == id, ct),
            await db.Users.CountAsync(u => u.SubjectId == id, ct),
            await db.ApprovedExperts.CountAsync(e => e.SubjectId == id, ct));

    /// <summary>The municipal coordinators of a municipality, whose work phones are printed on its schedule.</summary>
    public static IQueryable<PersonRow> CoordinatorsOf(this AttestationDbContext db, IReadOnlyCollection<int> municipalityIds) =>
        db.UsersInRole(Roles.MunicipalCoordinator).AsNoTracking()
            .Where(user => user.MunicipalityId != null && municipalityIds.Contains(user.MunicipalityId.Value))
            .ToPeople(db)
        .OrderBy(p => p.LastName).ThenBy(p => p.FirstName);
}
