using Attestation.Domain.Periods;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Attestation.Web.Data.ReadModel;

namespace Attestation.Web.Pages.Schedules;

/// <summary>
/// «Графики проведения аттестации» for everyone, without signing in: for a chosen period, each municipality with its
/// approved schedule or the note that it is not approved yet (SPEC §8: a public page of approved schedules).
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(AttestationDbContext db, RegionTime region) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Period { get; set; }

    public IReadOnlyList<AttestationPeriod> Periods { get; private set; } = [];

    public AttestationPeriod? Chosen { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public sealed record Row(int MunicipalityId, string Municipality, DateTimeOffset? ApprovedAt);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Periods = await db.Periods.AsNoTracking().OrderBy(p => p.StartYear).ThenBy(p => p.StartMonth).ToListAsync(ct);
        if (Period is null)
        {
            var today = region.Today;
            Chosen = Periods.FirstOrDefault(p => p.EndDate >= today) ?? (Periods.Count > 0 ? Periods[^1] : null);
        }
        else
        {
            Chosen = Periods.FirstOrDefault(p => p.Id == Period);
            if (Chosen is null)
                return NotFound();
        }

        if (Chosen is null)
            return Page();

        var periodId = Chosen.Id;
        var approvals = await db.Set<ScheduleApproval>().AsNoTracking()
            .Where(a => a.PeriodId == periodId)
            .ToDictionaryAsync(a => a.MunicipalityId, a => a.ApprovedAt, ct);
        var approved = approvals.Keys.ToList();
        var municipalities = await db.Municipalities.AsNoTracking()
            .Where(m => m.IsActive || approved.Contains(m.Id))
            .Select(m => new { m.Id, m.Name, m.IsRegionalPseudo })
            .ToListAsync(ct);
        Rows = municipalities
            .InMunicipalityOrder(m => m.Id, m => m.IsRegionalPseudo, m => m.Name)
            .Select(m => new Row(m.Id, m.Name, approvals.TryGetValue(m.Id, out var at) ? at : null))
            .ToList();
        return Page();
    }
}
