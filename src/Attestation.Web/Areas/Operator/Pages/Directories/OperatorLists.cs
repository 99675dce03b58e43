using System.Globalization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Directories;

/// <summary>The operator's drop-down lists: unlike everyone else's they may show deactivated entries, marked.</summary>
public static class OperatorLists
{
    /// <param name="alsoId">An entry to list even when deactivated: the one the edited record already names.</param>
    public static async Task<List<SelectListItem>> MunicipalityChoicesAsync(this AttestationDbContext db,
        bool includeInactive, CancellationToken ct, int? alsoId = null) =>
        (await db.Municipalities.AsNoTracking()
            .Where(m => includeInactive || m.IsActive || m.Id == alsoId)
            .Select(m => new { m.Id, m.Name, m.IsActive, m.IsRegionalPseudo })
            .ToListAsync(ct))
        .OrderBy(m => m.IsRegionalPseudo).ThenBy(m => m.Name, Alphabetical)
        .Select(m => new SelectListItem(m.IsActive ? m.Name : $"{m.Name} (отключено)", Text(m.Id)))
        .ToList();

    public static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Names in the order of the Russian alphabet, case ignored: the database's byte order would put «г. Томск» after
    /// «Шегарский район».
    /// </summary>
    public static StringComparer Alphabetical { get; } = StringComparer.Create(WebSetup.Russian, ignoreCase: true);
}
