using Attestation.Domain.Applications;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Data.ReadModel;

/// <summary>The one projection of applications into <see cref="ApplicationRow"/>: joins on the foreign keys, no lookups.</summary>
public static class ApplicationRows
{
    /// <summary>
    /// The rows of already scoped and filtered applications. Order, page and filter the result further as needed: it
    /// stays one SQL query with five joins.
    /// </summary>
    public static IQueryable<ApplicationRow> ToRows(this IQueryable<Application> applications, AttestationDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return
            from a in applications
            join m in db.Municipalities on a.MunicipalityId equals m.Id
            join o in db.Organisations on a.OrganisationId equals o.Id
            join p in db.Positions on a.PositionId equals p.Id
            join s in db.Subjects on a.SubjectId equals (int?)s.Id into subjects
            from s in subjects.DefaultIfEmpty()
            join period in db.Periods on a.PeriodId equals (Guid?)period.Id into periods
            from period in periods.DefaultIfEmpty()
            select new ApplicationRow
            {
                Id = a.Id,
                TeacherId = a.TeacherId,
                Status = a.Status,
                LastName = a.LastName,
                FirstName = a.FirstName,
                MiddleName = a.MiddleName,
                MunicipalityId = a.MunicipalityId,
                Municipality = m.Name,
                OrganisationId = a.OrganisationId,
                Organisation = o.Name,
                PositionId = a.PositionId,
                Position = p.Name,
                SubjectId = a.SubjectId,
                Subject = s == null ? null : s.Name,
                CurrentCategory = a.CurrentCategory,
                CurrentCategoryExpiresOn = a.CurrentCategoryExpiresOn,
                ClaimedCategory = a.ClaimedCategory,
                Form = a.Form,
                WantsToAttendMeeting = a.WantsToAttendMeeting,
                SimplifiedGrounds = a.SimplifiedGrounds,
                CreatedAt = a.CreatedAt,
                UpdatedAt = a.UpdatedAt,
                FirstSubmittedAt = a.FirstSubmittedAt,
                SubmittedAt = a.SubmittedAt,
                ConsideredAt = a.ConsideredAt,
                RegisteredAt = a.RegisteredAt,
                RegistrationNumber = a.RegistrationNumber,
                RegisteredOn = a.RegisteredOn,
                RejectedAt = a.RejectedAt,
                RejectionReason = a.RejectionReason,
                PeriodId = a.PeriodId,
                PeriodStartYear = period == null ? null : period.StartYear,
                PeriodStartMonth = period == null ? null : period.StartMonth,
                ExpertAId = a.ExpertAId,
                ExpertBId = a.ExpertBId,
                ScheduledAt = a.ScheduledAt,
                Conclusion = a.Conclusion,
                VerifiedAt = a.VerifiedAt,
                VerifiedBy = a.VerifiedBy,
                CoordinatorMark = a.CoordinatorMark,
                Decision = a.Decision,
                Withdrawal = a.Withdrawal,
                LastEventNumber = a.LastEventNumber,
            };
    }

    /// <summary>The row of one application the page has already found in its scope.</summary>
    public static Task<ApplicationRow> RowOfAsync(this AttestationDbContext db, Guid applicationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Applications.AsNoTracking().Where(a => a.Id == applicationId).ToRows(db).SingleAsync(ct);
    }

    /// <summary>
    /// The rows of applications a page has already loaded as aggregates (for their capabilities and clocks), by id: the
    /// names of a list in one query.
    /// </summary>
    public static async Task<Dictionary<Guid, ApplicationRow>> RowsOfAsync(this AttestationDbContext db,
        IEnumerable<Application> applications, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = applications.Select(a => a.Id).Distinct().ToList();
        return ids.Count == 0
            ? []
            : await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id)).ToRows(db).ToDictionaryAsync(r => r.Id, ct);
    }
}
