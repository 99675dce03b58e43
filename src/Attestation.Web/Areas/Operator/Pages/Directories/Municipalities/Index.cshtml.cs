using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Directories.Municipalities;

/// <summary>«Муниципальные образования» with their coordinators and the work phones printed on the schedules.</summary>
public sealed class IndexModel(AttestationDbContext db) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public sealed record Row(
        int Id,
        string Name,
        string? ShortName,
        bool IsRegionalPseudo,
        bool HandsConclusionsToSubjectGroup,
        bool IsActive,
        int Organisations,
        IReadOnlyList<PersonRow> Coordinators);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var municipalities = await db.Municipalities.AsNoTracking()
            .Select(m => new
            {
                m.Id,
                m.Name,
                m.ShortName,
                m.IsRegionalPseudo,
                m.HandsConclusionsToSubjectGroup,
                m.IsActive,
                Organisations = db.Organisations.Count(o => o.MunicipalityId == m.Id && o.IsActive),
            })
            .ToListAsync(ct);
        var ids = municipalities.Select(m => m.Id).ToList();
        var coordinators = (await db.CoordinatorsOf(ids).AsNoTracking().ToListAsync(ct)).ToLookup(c => c.MunicipalityId!.Value);

        Rows = municipalities
            .OrderBy(m => !m.IsActive).ThenBy(m => m.IsRegionalPseudo).ThenBy(m => m.Name, OperatorLists.Alphabetical)
            .Select(m => new Row(m.Id, m.Name, m.ShortName, m.IsRegionalPseudo, m.HandsConclusionsToSubjectGroup,
                m.IsActive, m.Organisations, coordinators[m.Id].ToList()))
            .ToList();
    }
}
