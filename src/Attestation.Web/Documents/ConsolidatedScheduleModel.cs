using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Web.Areas.Operator.Pages.Directories;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Documents;

/// <summary>What the operator's page needs of a row beyond its printed text: which application, and whether its experts can be replaced.</summary>
public sealed record ScheduledApplication(Guid Id, ApplicationStatus Status, bool HasTwoExperts, bool WithdrawalPending = false)
{
    /// <summary>Replacing an expert is for a scheduled attestee whose conclusion is not in yet (<see cref="ApplicationRules"/>).</summary>
    public bool CanReplaceExpert =>
        ApplicationRules.Allows(ApplicationAction.ReplaceExpert, Status, WithdrawalPending, simplified: false, HasTwoExperts);
}

/// <summary>The operator's approval of one municipality's schedule: by whom and when.</summary>
public sealed record ScheduleApprovalInfo(DateTimeOffset ApprovedAt, string ApprovedBy);

/// <summary>
/// One municipality in the consolidated schedule: its schedule in the layout of the municipal one (SPEC §6), the
/// numbers the operator checks before approving, and the approval.
/// </summary>
/// <param name="Applications">The application behind each row of <c>Schedule.Rows</c>, in the same order.</param>
/// <param name="Incomplete">In the period with fewer than two experts.</param>
/// <param name="WithoutPeriod">Registered on general grounds and put into no period yet.</param>
public sealed record ConsolidatedSchedulePart(
    int MunicipalityId,
    MunicipalScheduleModel Schedule,
    IReadOnlyList<ScheduledApplication> Applications,
    int Scheduled,
    int Incomplete,
    int WithoutPeriod,
    ScheduleApprovalInfo? Approval)
{
    public bool IsApproved => Approval is not null;

    /// <summary>Only a schedule with someone in it is approved: an empty one has nothing for experts to see.</summary>
    public bool HasSchedule => Scheduled > 0;

    /// <summary>«График утверждён 20.11.2026» / «График не утверждён»: the operator's page.</summary>
    public string ApprovalText => Schedule.ApprovedOn is { } on
        ? $"График утверждён {DocumentText.Date(on)}"
        : MunicipalScheduleModel.NotApproved;

    /// <summary>The documents head the municipality with «Утверждён 20.11.2026» or this.</summary>
    public const string NotApproved = "Не утверждён";

    /// <summary>«Утверждён 20.11.2026» / «Не утверждён»: the municipality's heading in the PDF and the Excel file.</summary>
    public string ApprovalStamp => Schedule.ApprovalStamp ?? NotApproved;
}

/// <summary>
/// «Сводный график» (SPEC §6): the schedules of all municipalities of the region for one period, grouped by
/// municipality, for the operator's page, the PDF (Templates/ConsolidatedSchedule.razor) and the Excel file
/// (Spreadsheets/ScheduleWorkbook).
/// </summary>
public sealed record ConsolidatedScheduleModel
{
    public required string PeriodName { get; init; }

    /// <summary>«в декабре 2025-январе 2026 г.».</summary>
    public required string PeriodPrepositional { get; init; }

    /// <summary>Every active municipality, and any other with applications in the period; the regional pseudo-municipality last.</summary>
    public required IReadOnlyList<ConsolidatedSchedulePart> Parts { get; init; }

    /// <summary>The date of the last approval once every municipality with a schedule is approved; null until then.</summary>
    public DateOnly? ApprovedOn { get; init; }

    public bool Approved => ApprovedOn is not null;

    /// <summary>The municipalities that have someone in the schedule: the documents print these.</summary>
    public IReadOnlyList<ConsolidatedSchedulePart> Printed => Parts.Where(p => p.Schedule.Rows.Count > 0).ToList();

    public int Total => Parts.Sum(p => p.Schedule.Rows.Count);

    public string Title =>
        $"Сводный график проведения аттестации педагогических работников в целях установления квалификационной категории {PeriodPrepositional}";

    /// <summary>The mark above the title: «Утверждён 20.11.2026» or «Сводный график не утверждён».</summary>
    public string ApprovalMark => ApprovedOn is { } on ? MunicipalScheduleModel.Stamp(on) : "Сводный график не утверждён";

    /// <summary>Without the extension: «Сводный график — декабрь 2025-январь 2026».</summary>
    public string FileName => $"Сводный график{(Approved ? "" : " (не утверждён)")} — {PeriodName}";

    /// <summary>
    /// The consolidated schedule of <paramref name="period"/> as it stands, in a fixed number of queries whatever the
    /// number of municipalities: the rows as the municipal schedule lists them (everyone put into the period, in
    /// alphabetical order), the municipality's coordinator with a work phone, the counts and the approvals.
    /// </summary>
    public static async Task<ConsolidatedScheduleModel> LoadAsync(AttestationDbContext db, AttestationPeriod period,
        TimeZoneInfo zone, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.PeriodId == period.Id)
            .ToRows(db)
            .OrderBy(a => a.LastName).ThenBy(a => a.FirstName).ThenBy(a => a.MiddleName)
            .ToListAsync(ct);
        var withoutPeriod = await db.Applications.AsNoTracking()
            .Where(ApplicationFilters.AwaitingPeriod)
            .GroupBy(a => a.MunicipalityId)
            .Select(g => new { MunicipalityId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.MunicipalityId, g => g.Count, ct);
        var approvalRows = await db.ScheduleApprovals.AsNoTracking()
            .Where(s => s.PeriodId == period.Id)
            .Select(s => new { s.MunicipalityId, s.ApprovedAt, s.ApprovedBy })
            .ToListAsync(ct);
        var approvers = await db.PeopleAsync(approvalRows.Select(s => s.ApprovedBy), ct);
        var approvals = approvalRows.ToDictionary(
            s => s.MunicipalityId,
            s => new ScheduleApprovalInfo(s.ApprovedAt, approvers.GetValueOrDefault(s.ApprovedBy)?.FullName ?? "удалённый пользователь"));

        var withRows = applications.Select(a => a.MunicipalityId).Concat(approvals.Keys).Distinct().ToList();
        var municipalities = (await db.Municipalities.AsNoTracking()
                .Where(m => m.IsActive || withRows.Contains(m.Id))
                .Select(m => new { m.Id, m.Name, m.IsRegionalPseudo })
                .ToListAsync(ct))
            .OrderBy(m => m.IsRegionalPseudo).ThenBy(m => m.Name, StringComparer.Create(Infrastructure.WebSetup.Russian, ignoreCase: true))
            .ToList();
        var municipalityIds = municipalities.Select(m => m.Id).ToList();
        var coordinators = (await db.CoordinatorsOf(municipalityIds).ToListAsync(ct))
            .GroupBy(c => c.MunicipalityId!.Value)
            // The phone is printed on the schedule: a coordinator who gave one is the one to call.
            .ToDictionary(g => g.Key, g => g.OrderBy(c => string.IsNullOrWhiteSpace(c.WorkPhone)).First());

        var experts = await db.PeopleAsync(applications.SelectMany(a => a.ExpertIds), ct);
        var byMunicipality = applications.ToLookup(a => a.MunicipalityId);

        var parts = municipalities.Select(m =>
        {
            var own = byMunicipality[m.Id].ToList();
            var rows = own.Select((a, index) => new MunicipalScheduleRow(
                    index + 1,
                    a.FullName,
                    a.ClaimedCategory?.ToRussian() ?? "",
                    a.Form?.ToRussian() ?? "",
                    a.Work,
                    a.ExpertIds.Where(experts.ContainsKey).Select(id => experts[id].WithWork).ToList()))
                .ToList();
            var approval = approvals.GetValueOrDefault(m.Id);
            var coordinator = coordinators.GetValueOrDefault(m.Id);
            var schedule = new MunicipalScheduleModel
            {
                Municipality = m.Name,
                PeriodName = period.Name,
                PeriodPrepositional = period.PrepositionalName,
                ApprovedOn = approval is null ? null : RegionClock.Today(approval.ApprovedAt, zone),
                CoordinatorName = coordinator?.FullName,
                CoordinatorPhone = string.IsNullOrWhiteSpace(coordinator?.WorkPhone) ? null : coordinator.WorkPhone.Trim(),
                Rows = rows,
            };
            var complete = own.Count(a => a.ExpertAId is not null && a.ExpertBId is not null);
            var facts = own.Select(a => new ScheduledApplication(a.Id, a.Status, a.ExpertAId is not null && a.ExpertBId is not null, a.WithdrawalPending)).ToList();
            return new ConsolidatedSchedulePart(m.Id, schedule, facts, complete, own.Count - complete,
                withoutPeriod.GetValueOrDefault(m.Id), approval);
        }).ToList();

        var scheduled = parts.Where(p => p.HasSchedule).ToList();
        return new ConsolidatedScheduleModel
        {
            PeriodName = period.Name,
            PeriodPrepositional = period.PrepositionalName,
            Parts = parts,
            ApprovedOn = scheduled.Count > 0 && scheduled.All(p => p.IsApproved)
                ? RegionClock.Today(scheduled.Max(p => p.Approval!.ApprovedAt), zone)
                : null,
        };
    }
}
