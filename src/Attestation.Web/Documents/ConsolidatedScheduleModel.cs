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

    /// <summary>Everyone in the period, with two experts or not: the rows of its schedule.</summary>
    public int Attestees => Scheduled + Incomplete;

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

    /// <summary>
    /// Every active municipality, and any other with applications in the period (<see cref="Shown"/>); the regional
    /// pseudo-municipality last. All of them in the files; the operator's page builds only the ones it shows.
    /// </summary>
    public required IReadOnlyList<ConsolidatedSchedulePart> Parts { get; init; }

    /// <summary>Municipalities with someone scheduled with both experts whose schedule is not approved yet.</summary>
    public int AwaitingApproval { get; init; }

    /// <summary>The date of the last approval once every municipality with a schedule is approved; null until then.</summary>
    public DateOnly? ApprovedOn { get; init; }

    public bool Approved => ApprovedOn is not null;

    /// <summary>The municipalities that have someone in the schedule: the documents print these.</summary>
    public IReadOnlyList<ConsolidatedSchedulePart> Printed => Parts.Where(p => p.Schedule.Rows.Count > 0).ToList();

    /// <summary>Everyone in the period, of every municipality shown (whether or not its part is built).</summary>
    public required int Total { get; init; }

    public string Title =>
        $"Сводный график проведения аттестации педагогических работников в целях установления квалификационной категории {PeriodPrepositional}";

    /// <summary>The mark above the title: «Утверждён 20.11.2026» or «Сводный график не утверждён».</summary>
    public string ApprovalMark => ApprovedOn is { } on ? MunicipalScheduleModel.Stamp(on) : "Сводный график не утверждён";

    /// <summary>Without the extension: «Сводный график — декабрь 2025-январь 2026».</summary>
    public string FileName => $"Сводный график{(Approved ? "" : " (не утверждён)")} — {PeriodName}";

    /// <summary>
    /// The consolidated schedule of <paramref name="period"/> as it stands, in two statements whatever the number of
    /// municipalities: each municipality with its coordinator, approval and counts (<see cref="ScheduleQueries.SummariesAsync"/>),
    /// and every row of the period with its experts, as the municipal schedules list them (alphabetical).
    /// </summary>
    public static async Task<ConsolidatedScheduleModel> LoadAsync(AttestationDbContext db, AttestationPeriod period,
        TimeZoneInfo zone, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var summaries = await db.SummariesAsync(period.Id, municipalityId: null, preferredCoordinator: null, ct);
        var lines = (await db.Lines(period.Id, municipalityId: null).ToListAsync(ct)).ToLookup(l => l.Application.MunicipalityId);
        return From(period, summaries, m => lines[m].ToList(), zone);
    }

    /// <summary>
    /// The consolidated schedule's municipalities with their coordinators, approvals and counts, without their rows: one
    /// statement. The Excel file reads the rows of each municipality as it writes them; the PDF is refused from the count.
    /// </summary>
    public static async Task<ConsolidatedScheduleModel> OutlineAsync(AttestationDbContext db, AttestationPeriod period,
        TimeZoneInfo zone, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        return From(period, await db.SummariesAsync(period.Id, municipalityId: null, preferredCoordinator: null, ct), _ => [], zone);
    }

    /// <summary>
    /// The consolidated schedule from the municipalities' summaries, with the rows <paramref name="linesOf"/> gives for
    /// each (all of them for the files; the operator's page reads one municipality's).
    /// </summary>
    /// <param name="firstNumber">The number of the first row given: 51 for a second page of 50.</param>
    /// <param name="built">
    /// The municipalities whose parts are built (the page's, of a country's hundreds); null for all. The totals and the
    /// approval count every municipality shown either way.
    /// </param>
    public static ConsolidatedScheduleModel From(AttestationPeriod period, IReadOnlyList<ScheduleSummary> summaries,
        Func<int, IReadOnlyList<ScheduleLine>> linesOf, TimeZoneInfo zone, int firstNumber = 1, IReadOnlySet<int>? built = null)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(summaries);
        ArgumentNullException.ThrowIfNull(linesOf);
        var shown = Shown(summaries);
        var parts = shown
            .Where(m => built is null || built.Contains(m.MunicipalityId))
            .Select(m =>
            {
                var own = linesOf(m.MunicipalityId);
                var schedule = MunicipalScheduleModel.From(m, period, own.Select((l, index) => l.ToRow(firstNumber + index)).ToList(), zone);
                return new ConsolidatedSchedulePart(m.MunicipalityId, schedule, own.Select(l => l.Facts).ToList(), m.Complete,
                    m.Incomplete, m.WithoutPeriod, m.Approval);
            })
            .ToList();

        // A municipality has a schedule to approve once someone in it has both experts (ConsolidatedSchedulePart.HasSchedule).
        var scheduled = shown.Where(m => m.Complete > 0).ToList();
        return new ConsolidatedScheduleModel
        {
            PeriodName = period.Name,
            PeriodPrepositional = period.PrepositionalName,
            Parts = parts,
            Total = shown.Sum(m => m.Scheduled),
            AwaitingApproval = scheduled.Count(m => m.ApprovedAt is null),
            ApprovedOn = scheduled.Count > 0 && scheduled.All(m => m.ApprovedAt is not null)
                ? RegionClock.Today(scheduled.Max(m => m.ApprovedAt!.Value), zone)
                : null,
        };
    }

    /// <summary>The municipalities the consolidated schedule has a part for: every active one, and any other with someone in the period or an approval.</summary>
    public static List<ScheduleSummary> Shown(IReadOnlyList<ScheduleSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        return summaries.Where(m => m.IsActive || m.Scheduled > 0 || m.ApprovedAt is not null).ToList();
    }
}
