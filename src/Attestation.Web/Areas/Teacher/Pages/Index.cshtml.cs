using Attestation.Domain.Applications;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Teacher.Pages;

public sealed class IndexModel(AttestationDbContext db) : PageModel
{
    public IReadOnlyList<Current> Applications { get; private set; } = [];

    public sealed record Current(Guid Id, ApplicationStatus Status, string StatusText);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var applications = await db.Applications.AsNoTracking()
            .OwnedBy(User)
            .Where(ApplicationFilters.NotFinal)
            .OrderByDescending(a => a.CreatedAt)
            .ToListAsync(ct);
        Applications = applications.Select(a => new Current(a.Id, a.Status, a.StatusText)).ToList();
    }
}
