using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Data;

/// <summary>The drop-down lists of the directory, active entries only, in the order users look for them.</summary>
public static class DirectoryQueries
{
    public static async Task<List<SelectListItem>> MunicipalityOptionsAsync(this AttestationDbContext db, CancellationToken ct) =>
        await db.Municipalities.AsNoTracking()
            .Where(m => m.IsActive)
            .OrderBy(m => m.IsRegionalPseudo).ThenBy(m => m.Name)
            .Select(m => new SelectListItem(m.Name, m.Id.ToString()))
            .ToListAsync(ct);

    public static async Task<List<SelectListItem>> OrganisationOptionsAsync(this AttestationDbContext db, int? municipalityId,
        CancellationToken ct) =>
        municipalityId is null
            ? []
            : await db.Organisations.AsNoTracking()
                .Where(o => o.MunicipalityId == municipalityId && o.IsActive)
                .OrderBy(o => o.Name)
                .Select(o => new SelectListItem(o.Name, o.Id.ToString()))
                .ToListAsync(ct);

    public static async Task<List<SelectListItem>> PositionOptionsAsync(this AttestationDbContext db, CancellationToken ct) =>
        await db.Positions.AsNoTracking()
            .Where(p => p.IsActive)
            .OrderBy(p => p.Name)
            .Select(p => new SelectListItem(p.Name, p.Id.ToString()))
            .ToListAsync(ct);

    public static async Task<List<SelectListItem>> SubjectOptionsAsync(this AttestationDbContext db, CancellationToken ct) =>
        await db.Subjects.AsNoTracking()
            .Where(s => s.IsActive)
            .OrderBy(s => s.Name)
            .Select(s => new SelectListItem(s.Name, s.Id.ToString()))
            .ToListAsync(ct);
}
