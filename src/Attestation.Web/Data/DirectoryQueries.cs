using System.Globalization;
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
            .Select(m => new Option(m.Id, m.Name))
                .ToSelectListAsync(ct);

    public static async Task<List<SelectListItem>> OrganisationOptionsAsync(this AttestationDbContext db, int? municipalityId,
        CancellationToken ct) =>
        municipalityId is null
            ? []
            : await db.Organisations.AsNoTracking()
                .Where(o => o.MunicipalityId == municipalityId && o.IsActive)
                .OrderBy(o => o.Name)
                .Select(o => new Option(o.Id, o.Name))
                .ToSelectListAsync(ct);

    public static async Task<List<SelectListItem>> PositionOptionsAsync(this AttestationDbContext db, CancellationToken ct) =>
        await db.Positions.AsNoTracking()
            .Where(p => p.IsActive)
            .OrderBy(p => p.Name)
            .Select(p => new Option(p.Id, p.Name))
                .ToSelectListAsync(ct);

    public static async Task<List<SelectListItem>> SubjectOptionsAsync(this AttestationDbContext db, CancellationToken ct) =>
        await db.Subjects.AsNoTracking()
            .Where(s => s.IsActive)
            .OrderBy(s => s.Name)
            .Select(s => new Option(s.Id, s.Name))
                .ToSelectListAsync(ct);

    private sealed record Option(int Id, string Name);

    private static async Task<List<SelectListItem>> ToSelectListAsync(this IQueryable<Option> query, CancellationToken ct) =>
        (await query.ToListAsync(ct))
            .Select(o => new SelectListItem(o.Name, o.Id.ToString(CultureInfo.InvariantCulture)))
            .ToList();
}
