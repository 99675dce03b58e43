using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Documents;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.School.Pages;

/// <summary>
/// The school coordinator's cabinet: «Решения аттестационной комиссии» about the teachers of his own organisation (the
/// organisation named in the application), the latest first. Nothing of another organisation, and nothing at all for a
/// coordinator whose organisation is not set.
/// </summary>
public sealed class IndexModel(AttestationDbContext db) : PageModel
{
    /// <summary>Enough for a school's several years; older decisions are in the teachers' own cabinets.</summary>
    public const int MaxRows = 200;

    public string? Organisation { get; private set; }

    public IReadOnlyList<DecisionRow> Decisions { get; private set; } = [];

    public sealed record DecisionRow(
        Guid Id,
        string FullName,
        string Position,
        QualificationCategory? ClaimedCategory,
        DateOnly MeetingDate,
        string ProtocolNumber,
        DecisionOutcome Outcome,
        string? OrderNumber,
        DateOnly? OrderDate)
    {
        public string DecisionText => CommissionListModel.DecisionText(ClaimedCategory, Outcome);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        // The organisation is not in the sign-in cookie: read it, so that a change of workplace applies at once.
        var organisationId = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.OrganisationId).SingleOrDefaultAsync(ct);
        if (organisationId is not { } id)
            return;

        Organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).SingleOrDefaultAsync(ct);
        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.OrganisationId == id && a.Status == ApplicationStatus.Decided && a.Decision != null)
            .OrderByDescending(a => a.Decision!.MeetingDate).ThenBy(a => a.LastName).ThenBy(a => a.FirstName)
            .Take(MaxRows)
            .Select(a => new
            {
                a.Id,
                a.LastName,
                a.FirstName,
                a.MiddleName,
                Position = db.Positions.Where(p => p.Id == a.PositionId).Select(p => p.Name).FirstOrDefault(),
                Subject = db.Subjects.Where(s => s.Id == a.SubjectId).Select(s => s.Name).FirstOrDefault(),
                a.ClaimedCategory,
                a.Decision!.MeetingDate,
                a.Decision.ProtocolNumber,
                a.Decision.Outcome,
                a.Decision.OrderNumber,
                a.Decision.OrderDate,
            })
            .ToListAsync(ct);
        Decisions = rows
            .Select(r => new DecisionRow(
                r.Id,
                string.IsNullOrWhiteSpace(r.MiddleName) ? $"{r.LastName} {r.FirstName}" : $"{r.LastName} {r.FirstName} {r.MiddleName}",
                MunicipalScheduleModel.PositionWithSubject(r.Position, r.Subject),
                r.ClaimedCategory,
                r.MeetingDate,
                r.ProtocolNumber,
                r.Outcome,
                r.OrderNumber,
                r.OrderDate))
            .ToList();
    }
}
