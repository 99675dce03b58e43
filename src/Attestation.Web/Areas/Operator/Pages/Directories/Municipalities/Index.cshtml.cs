using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Directories.Municipalities;

/// <summary>
/// «Муниципальные образования» with their coordinators and the work phones printed on the schedules: a page at a time
/// in the Russian alphabet, the deactivated last, searched by a part of the name (a country has hundreds); as many a
/// page as the other tables of a row per municipality (<see cref="Paging.MunicipalitiesPageSize"/>).
/// </summary>
public sealed class IndexModel(AttestationDbContext db) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>A part of the name or of the short name.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerView.Parameter)]
    public int? PageNumber { get; set; }

    public PagerView? Pager { get; private set; }

    public int Total { get; private set; }

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
        var query = db.Municipalities.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var pattern = "%" + LikePattern.Escape(Search.Trim()) + "%";
            query = query.Where(m => EF.Functions.ILike(m.Name, pattern, "\\")
                || (m.ShortName != null && EF.Functions.ILike(m.ShortName, pattern, "\\")));
        }

        var page = await query
            .OrderBy(m => !m.IsActive).ThenBy(m => m.IsRegionalPseudo)
            .ThenBy(m => EF.Functions.Collate(m.Name, DataSetup.RussianCollation)).ThenBy(m => m.Id)
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
            .ToPagedAsync(PageNumber, ct, Paging.MunicipalitiesPageSize);
        Total = page.Total;
        Pager = PagerView.Of(page, Request);
        var ids = page.Items.Select(m => m.Id).ToList();
        var coordinators = (await db.CoordinatorsOf(ids).AsNoTracking().ToListAsync(ct)).ToLookup(c => c.MunicipalityId!.Value);
        Rows = page.Items
            .Select(m => new Row(m.Id, m.Name, m.ShortName, m.IsRegionalPseudo, m.HandsConclusionsToSubjectGroup,
                m.IsActive, m.Organisations, coordinators[m.Id].ToList()))
            .ToList();
    }
}
