using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Data;

/// <summary>The drop-down lists of the directory, active entries only, in the order users look for them.</summary>
public static class DirectoryQueries
{
    /// <summary>The name of a municipality (of any state: a closed one still names its old records).</summary>
    public static Task<string> MunicipalityNameAsync(this AttestationDbContext db, int id, CancellationToken ct) =>
        db.Municipalities.AsNoTracking().Where(m => m.Id == id).Select(m => m.Name).SingleAsync(ct);

    /// <summary>The name of a municipality, or null for an id that names none (a forged or stale link).</summary>
    public static Task<string?> FindMunicipalityNameAsync(this AttestationDbContext db, int id, CancellationToken ct) =>
        db.MunicipalityName(id).SingleOrDefaultAsync(ct);

    /// <summary>The name of a municipality as a query of at most one row.</summary>
    public static IQueryable<string> MunicipalityName(this AttestationDbContext db, int? id) =>
        db.Municipalities.AsNoTracking().Where(m => m.Id == id).Select(m => m.Name);

    /// <summary>The name of an organisation, or null without one.</summary>
    public static async Task<string?> OrganisationNameAsync(this AttestationDbContext db, int? id, CancellationToken ct) =>
        id is null ? null : await db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).SingleAsync(ct);

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

    /// <summary>
    /// The server's check of the directory choices a person makes about his own work: the lists are a convenience, a
    /// forged post must not attach anyone to a foreign organisation or an inactive entry.
    /// </summary>
    public static async Task CheckWorkplaceAsync(this AttestationDbContext db, ModelStateDictionary modelState, string prefix,
        int? municipalityId, int? organisationId, int? positionId, int? subjectId, CancellationToken ct)
    {
        if (municipalityId is { } m && !await db.Municipalities.AnyAsync(x => x.Id == m && x.IsActive, ct))
            modelState.AddModelError($"{prefix}.MunicipalityId", "Выберите муниципальное образование из списка.");
        if (organisationId is { } o
            && !await db.Organisations.AnyAsync(x => x.Id == o && x.MunicipalityId == municipalityId && x.IsActive, ct))
            modelState.AddModelError($"{prefix}.OrganisationId", "Выберите образовательную организацию выбранного муниципалитета.");
        if (positionId is { } p && !await db.Positions.AnyAsync(x => x.Id == p && x.IsActive, ct))
            modelState.AddModelError($"{prefix}.PositionId", "Выберите должность из списка.");
        if (subjectId is { } s && !await db.Subjects.AnyAsync(x => x.Id == s && x.IsActive, ct))
            modelState.AddModelError($"{prefix}.SubjectId", "Выберите предмет из списка.");
    }

    private sealed record Option(int Id, string Name);

    private static async Task<List<SelectListItem>> ToSelectListAsync(this IQueryable<Option> query, CancellationToken ct) =>
        (await query.ToListAsync(ct))
            .Select(o => new SelectListItem(o.Name, o.Id.ToString(CultureInfo.InvariantCulture)))
            .ToList();
}
