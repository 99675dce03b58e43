using Attestation.Domain;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Pages;

/// <summary>
/// The load harness's yardstick (bench/run.sh): a page of the same layout, sign-in and middleware as every other, that
/// reads one row by its primary key. Every page's throughput is given as a ratio to this one's, measured in the same
/// run, since this machine's absolute speed varies. Harmless to anyone signed in: it shows their own name.
/// </summary>
[Authorize]
public sealed class CalibrationModel(AttestationDbContext db) : PageModel
{
    public string? FullName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var id = User.UserId();
        FullName = await db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new PersonName(u.LastName, u.FirstName, u.MiddleName).FullName)
            .SingleOrDefaultAsync(ct);
    }
}
