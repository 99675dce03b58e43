using System.Linq.Expressions;
using Attestation.Domain.Applications;
using Attestation.Domain.Directory;
using Attestation.Domain.Periods;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Data.ReadModel;

/// <summary>The one projection of applications into <see cref="ApplicationRow"/>: joins on the foreign keys, no lookups.</summary>
public static class ApplicationRows
{
    /// <summary>
    /// The rows of already scoped and filtered applications. Order, page and filter the result further as needed (by
    /// the row's columns, not by its names, which may come from memory): it stays one SQL query, joined to the period
    /// only (its start orders lists by period); outside a signed-in request the names of the
    /// municipality, organisation, position and subject are scalar subqueries, which PostgreSQL runs for the rows
    /// returned only (after the sort and the LIMIT). Each table joined multiplies the join orders PostgreSQL weighs: a
    /// list statement re-planned on every request (a page's LIMIT and OFFSET are parameters, which keeps its generic
    /// plan out) spent as long planning as executing with the five joins (the fill list: 2.7 ms planned, 2.6 ms run;
    /// 0.8 and 1.8 ms with the lookups). <c>Max</c> of the one row, not <c>FirstOrDefault</c>: EF Core turns a
    /// first row found by key back into a join.
    /// </summary>
    /// <remarks>
    /// In a signed-in request the names come from <see cref="DirectoryNameSnapshot.Ambient"/> (the directories read
    /// once per version) and the statement reads the ids only: the lookups were most of PostgreSQL's work for a list.
    /// </remarks>
    public static IQueryable<ApplicationRow> ToRows(this IQueryable<Application> applications, AttestationDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var joined =
            from a in applications
            join period in db.Periods on a.PeriodId equals (Guid?)period.Id into periods
            from period in periods.DefaultIfEmpty()
            select new { a, period };
        if (DirectoryNameSnapshot.Ambient is { } names)
        {
            return joined
                .Select(j => new Joined
                {
                    Application = j.a,
                    Municipality = names.Municipality(j.a.MunicipalityId),
                    Organisation = names.Organisation(j.a.OrganisationId),
                    Position = names.Position(j.a.PositionId),
                    Subject = names.Subject(j.a.SubjectId),
                    Period = j.period,
                })
                .Select(Projection);
        }
        return joined
            .Select(j => new Joined
            {
                Application = j.a,
                Municipality = db.Municipalities.Where(m => m.Id == j.a.MunicipalityId).Max(m => m.Name)!,
                Organisation = db.Organisations.Where(o => o.Id == j.a.OrganisationId).Max(o => o.Name)!,
                Position = db.Positions.Where(p => p.Id == j.a.PositionId).Max(p => p.Name)!,
                Subject = db.Subjects.Where(s => s.Id == j.a.SubjectId).Max(s => s.Name),
                Period = j.period,
            })
            .Select(Projection);
    }

    /// <summary>An application with its names and period, between the lookups and <see cref="Projection"/>.</summary>
    private sealed class Joined
    {
        public required Application Application { get; init; }
        public required string Municipality { get; init; }
        public required string Organisation { get; init; }
        public required string Position { get; init; }
        public string? Subject { get; init; }
        public AttestationPeriod? Period { get; init; }
    }

    /// <summary>
    /// The columns of a row, built once: a query expression written inline is rebuilt (some 150 nodes, each looked up by
    /// reflection) on every call, a tenth of a list page's time.
    /// </summary>
    private static readonly Expression<Func<Joined, ApplicationRow>> Projection = j => new ApplicationRow
    {
        Id = j.Application.Id,
        TeacherId = j.Application.TeacherId,
        Status = j.Application.Status,
        LastName = j.Application.LastName,
        FirstName = j.Application.FirstName,
        MiddleName = j.Application.MiddleName,
        MunicipalityId = j.Application.MunicipalityId,
        Municipality = j.Municipality,
        OrganisationId = j.Application.OrganisationId,
        Organisation = j.Organisation,
        PositionId = j.Application.PositionId,
        Position = j.Position,
        SubjectId = j.Application.SubjectId,
        Subject = j.Subject,
        CurrentCategory = j.Application.CurrentCategory,
        CurrentCategoryExpiresOn = j.Application.CurrentCategoryExpiresOn,
        ClaimedCategory = j.Application.ClaimedCategory,
        Form = j.Application.Form,
        WantsToAttendMeeting = j.Application.WantsToAttendMeeting,
        SimplifiedGrounds = j.Application.SimplifiedGrounds,
        CreatedAt = j.Application.CreatedAt,
        UpdatedAt = j.Application.UpdatedAt,
        FirstSubmittedAt = j.Application.FirstSubmittedAt,
        SubmittedAt = j.Application.SubmittedAt,
        ConsideredAt = j.Application.ConsideredAt,
        RegisteredAt = j.Application.RegisteredAt,
        RegistrationNumber = j.Application.RegistrationNumber,
        RegisteredOn = j.Application.RegisteredOn,
        RejectedAt = j.Application.RejectedAt,
        RejectionReason = j.Application.RejectionReason,
        PeriodId = j.Application.PeriodId,
        PeriodStartYear = j.Period == null ? null : j.Period.StartYear,
        PeriodStartMonth = j.Period == null ? null : j.Period.StartMonth,
        ExpertAId = j.Application.ExpertAId,
        ExpertBId = j.Application.ExpertBId,
        ScheduledAt = j.Application.ScheduledAt,
        Conclusion = j.Application.Conclusion == null
            ? null
            : new ConclusionRow
            {
                FileId = j.Application.Conclusion.FileId,
                Recommendation = j.Application.Conclusion.Recommendation,
                Comment = j.Application.Conclusion.Comment,
                UploadedBy = j.Application.Conclusion.UploadedBy,
                UploadedAt = j.Application.Conclusion.UploadedAt,
                SignedFileId = j.Application.Conclusion.SignedFileId,
                SignedAt = j.Application.Conclusion.SignedAt,
                SignedBy = j.Application.Conclusion.SignedBy,
            },
        VerifiedAt = j.Application.VerifiedAt,
        VerifiedBy = j.Application.VerifiedBy,
        CoordinatorMark = j.Application.CoordinatorMark,
        Decision = j.Application.Decision == null
            ? null
            : new DecisionRow
            {
                MeetingDate = j.Application.Decision.MeetingDate,
                ProtocolNumber = j.Application.Decision.ProtocolNumber,
                Outcome = j.Application.Decision.Outcome,
                OrderNumber = j.Application.Decision.OrderNumber,
                OrderDate = j.Application.Decision.OrderDate,
            },
        Withdrawal = j.Application.Withdrawal == null
            ? null
            : new WithdrawalRow
            {
                ReasonKind = j.Application.Withdrawal.ReasonKind,
                ReasonText = j.Application.Withdrawal.ReasonText,
                ByCoordinator = j.Application.Withdrawal.ByCoordinator,
                DocumentFileId = j.Application.Withdrawal.DocumentFileId,
                StatusWhenFiled = j.Application.Withdrawal.StatusWhenFiled,
                FiledBy = j.Application.Withdrawal.FiledBy,
                FiledAt = j.Application.Withdrawal.FiledAt,
                RegisteredAt = j.Application.Withdrawal.RegisteredAt,
                RegisteredBy = j.Application.Withdrawal.RegisteredBy,
                PeriodId = j.Application.Withdrawal.PeriodId,
            },
        LastEventNumber = j.Application.LastEventNumber,
    };

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
