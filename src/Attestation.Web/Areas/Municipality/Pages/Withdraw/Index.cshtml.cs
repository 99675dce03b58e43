using Attestation.Domain.Applications;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Municipality.Pages.Withdraw;

/// <summary>
/// «Общий список педагогических работников для отзыва заявления муниципальным координатором»: the registered
/// applications of the municipality that are not decided yet.
/// </summary>
public sealed class IndexModel(AttestationDbContext db) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public sealed record Row(Guid Id, string FullName, string Position, string Organisation, string Status, bool WithdrawalFiled);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.Applications.AsNoTracking().InMunicipalityOf(User)
            // The statuses a coordinator may withdraw from, with the ones whose withdrawal is already filed.
            .Where(ApplicationFilters.StatusIn(ApplicationRules.StatusesFor(ApplicationAction.FileWithdrawalForTeacher)))
            .Select(a => new
            {
                a.Id,
                a.LastName,
                a.FirstName,
                a.MiddleName,
                a.Status,
                Filed = a.Withdrawal != null && a.Withdrawal.RegisteredAt == null,
                Position = db.Positions.Where(p => p.Id == a.PositionId).Select(p => p.Name).FirstOrDefault(),
                Organisation = db.Organisations.Where(o => o.Id == a.OrganisationId).Select(o => o.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var russian = StringComparer.Create(WebSetup.Russian, ignoreCase: true);
        Rows = rows
            .Select(a => new Row(
                a.Id,
                string.IsNullOrEmpty(a.MiddleName) ? $"{a.LastName} {a.FirstName}" : $"{a.LastName} {a.FirstName} {a.MiddleName}",
                a.Position ?? "",
                a.Organisation ?? "",
                a.Status.ToShortRussian(),
                a.Filed))
            .OrderBy(r => r.FullName, russian)
            .ToList();
    }
}
