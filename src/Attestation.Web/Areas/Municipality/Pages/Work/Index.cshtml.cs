using Attestation.Domain.Applications;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Municipality.Pages.Work;

/// <summary>«Работа с заявлениями»: the seed's list of sections, in the order of the work (шаг 1, 2, 3).</summary>
public sealed class IndexModel(AttestationDbContext db) : PageModel
{
    public int Waiting { get; private set; }

    public int PendingWithdrawals { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var applications = db.Applications.AsNoTracking().InMunicipalityOf(User);
        Waiting = await applications.CountAsync(ApplicationFilters.AwaitingConsideration, ct);
        PendingWithdrawals = await applications.CountAsync(ApplicationFilters.WithdrawalPending, ct);
    }
}
