using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Attestation.Web.Areas.Operator.Pages.Directories.Organisations;

/// <summary>«Образовательные организации» of the region, by municipality.</summary>
public sealed class IndexModel(AttestationDbContext db, DirectoryNameCache directories) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? MunicipalityId { get; set; }

    /// <summary>Part of the name, as typed into the search field.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public List<SelectListItem> Municipalities { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    [BindProperty(SupportsGet = true, Name = PagerView.Parameter)]
    public int? PageNumber { get; set; }

    public PagerView? Pager { get; private set; }

    public sealed record Row(int Id, string Municipality, string Name, string? ShortName, bool IsVocational, bool IsActive);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The directory as the instance holds it for this version: already in its order (by municipality, those in use
        // first, by name), searched and paged in memory. Sorting a country's 8,000 organisations in SQL to show fifty
        // cost each page 4.5 ms of PostgreSQL.
        var held = await directories.CurrentAsync(db, ct);
        Municipalities = held.MunicipalityChoices().Choosing(MunicipalityId);

        IEnumerable<HeldOrganisation> found = held.OrganisationsInOrder;
        if (MunicipalityId is { } municipalityId)
            found = found.Where(o => o.MunicipalityId == municipalityId);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            // As PostgreSQL's ILIKE: a part of the name or of the short name, case aside.
            var text = Q.Trim();
            found = found.Where(o => o.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
                || (o.ShortName?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false));
        }
        var page = (found as IReadOnlyList<HeldOrganisation> ?? found.ToList()).ToPaged(PageNumber);
        Rows = page.Items
            .Select(o => new Row(o.Id, held.Municipality(o.MunicipalityId), o.Name, o.ShortName, o.IsVocational, o.IsActive))
            .ToList();
        Total = page.Total;
        Pager = PagerView.Of(page, Request);
    }
}
