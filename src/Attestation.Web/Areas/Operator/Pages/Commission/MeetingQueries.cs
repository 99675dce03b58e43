using Attestation.Domain.Applications;
using Attestation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Commission;

internal static class MeetingQueries
{
    /// <summary>
    /// Applications the commission can take: checked by the coordinator («Проверено»), with no withdrawal pending, and on
    /// no meeting's list yet.
    /// </summary>
    public static IQueryable<Application> WaitingForMeeting(AttestationDbContext db) =>
        db.Applications.AsNoTracking()
            .Where(ApplicationFilters.Can(ApplicationAction.Decide))
            .Where(a => !db.MeetingItems.Any(i => i.ApplicationId == a.Id));
}
