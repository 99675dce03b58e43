using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Documents;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
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
    /// <summary>A part of the teacher's full name («ё» as «е», any case).</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerView.Parameter)]
    public int? PageNumber { get; set; }

    /// <summary>The pages of the decisions.</summary>
    public PagerView? Pager { get; private set; }

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
        var organisation = await OwnOrganisation.OfAsync(db, User, ct);
        if (organisation is null)
            return;

        Organisation = organisation.Name;
        // The row's columns chosen in the statement (the names joined by plain functions, not the row's properties, which
        // need the whole row): the whole application row, sorted by the meeting's date, carried every column of the
        // organisation's decided applications through the sort.
        var page = await db.Applications.AsNoTracking()
            .OfOrganisation(organisation.Id)
            .Where(ApplicationFilters.Decided)
            .WhoseNameContains(Search)
            .ToRows(db)
            .OrderByDescending(a => a.Decision!.MeetingDate).ThenBy(a => a.LastName).ThenBy(a => a.FirstName).ThenBy(a => a.Id)
            .Select(r => new DecisionRow(
                r.Id,
                PersonName.Join(r.LastName, r.FirstName, r.MiddleName),
                WorkText.PositionWithSubject(r.Position, r.Subject),
                r.ClaimedCategory,
                r.Decision!.MeetingDate,
                r.Decision.ProtocolNumber,
                r.Decision.Outcome,
                r.Decision.OrderNumber,
                r.Decision.OrderDate))
            .ToPagedAsync(PageNumber, ct);
        Pager = PagerView.Of(page, Request);
        Decisions = page.Items;
    }
}
