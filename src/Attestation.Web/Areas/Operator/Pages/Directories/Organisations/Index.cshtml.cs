using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Directories.Organisations;

/// <summary>«Образовательные организации» of the region, by municipality.</summary>
public sealed class IndexModel(AttestationDbContext db) : PageModel
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
        Municipalities = (await db.MunicipalityChoicesAsync(includeInactive: true, ct)).Choosing(MunicipalityId);

        var query = from o in db.Organisations.AsNoTracking()
                    join m in db.Municipalities on o.MunicipalityId equals m.Id
                    select new { o, Municipality = m.Name };
        if (MunicipalityId is { } municipalityId)
            query = query.Where(x => x.o.MunicipalityId == municipalityId);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = "%" + Q.Trim().Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(x => EF.Functions.ILike(x.o.Name, pattern, "\\")
                || (x.o.ShortName != null && EF.Functions.ILike(x.o.ShortName, pattern, "\\")));
        }

        // A page at a time in the Russian alphabet: the country's directory is thousands of organisations.
        var page = await query
            .OrderBy(x => EF.Functions.Collate(x.Municipality, DataSetup.RussianCollation))
            .ThenBy(x => !x.o.IsActive)
            .ThenBy(x => EF.Functions.Collate(x.o.Name, DataSetup.RussianCollation))
            .ThenBy(x => x.o.Id)
            .Select(x => new Row(x.o.Id, x.Municipality, x.o.Name, x.o.ShortName, x.o.IsVocational, x.o.IsActive))
            .ToPagedAsync(PageNumber, ct);
        Rows = page.Items;
        Total = page.Total;
        Pager = PagerView.Of(page, Request);
    }
}
