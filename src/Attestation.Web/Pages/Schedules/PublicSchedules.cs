using Attestation.Domain.Periods;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Pages.Schedules;

/// <summary>
/// What the public may know of a schedule: whether the operator approved it, and the coordinator who answers for it
/// (his name and work phone are printed on it: «Номер телефона должен быть рабочий, так как он отражается в графике, а
/// графики размещаются в открытом доступе», seed 001).
/// </summary>
public static class PublicSchedules
{
    public static Task<ScheduleApproval?> ApprovalAsync(this AttestationDbContext db, Guid periodId, int municipalityId,
        CancellationToken ct) =>
        db.Set<ScheduleApproval>().AsNoTracking()
            .SingleOrDefaultAsync(a => a.PeriodId == periodId && a.MunicipalityId == municipalityId, ct);
}
