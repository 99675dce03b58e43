using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Documents;

/// <summary>One line of the schedule: the teacher and the two experts, as the seed's schedule prints them.</summary>
/// <param name="Experts">«Фёдоров Алексей Николаевич, учитель математики, МАОУ гимназия № 6 г. Томска», one per expert assigned.</param>
public sealed record MunicipalScheduleRow(
    int Number,
    string FullName,
    string ClaimedCategory,
    string Form,
    string PositionAndWorkplace,
    IReadOnlyList<string> Experts);

/// <summary>
/// «График проведения аттестации педагогических работников муниципального образования "…" в целях установления
/// квалификационной категории в январе-феврале 2026 г.» (SPEC §6): the same content for the PDF
/// (Templates/MunicipalSchedule.razor) and the Excel file (Spreadsheets/ScheduleWorkbook).
/// </summary>
public sealed record MunicipalScheduleModel
{
    /// <summary>The column headers, in the seed's words.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "№ п/п",
        "Фамилия Имя Отчество",
        "Заявленная кв. категория",
        "Форма аттестации (очно/дистанционно)",
        "Занимаемая должность, место работы",
        "Ф.И.О. (полностью), должность, место работы эксперта",
    ];

    /// <summary>The municipality's full name, printed in quotes.</summary>
    public required string Municipality { get; init; }

    /// <summary>«январь-февраль 2026».</summary>
    public required string PeriodName { get; init; }

    /// <summary>«в январе-феврале 2026 г.».</summary>
    public required string PeriodPrepositional { get; init; }

    /// <summary>
    /// The day of the operator's approval (with the consolidated schedule), in the region's calendar; null until then,
    /// and every schedule printed before is marked as not approved, so that a draft on paper is not taken for the final one.
    /// </summary>
    public DateOnly? ApprovedOn { get; init; }

    /// <summary>When the operator approved it; null before.</summary>
    public DateTimeOffset? ApprovedAt { get; init; }

    public bool Approved => ApprovedOn is not null;

    public string? CoordinatorName { get; init; }

    public string? CoordinatorPhone { get; init; }

    public required IReadOnlyList<MunicipalScheduleRow> Rows { get; init; }

    public string Title =>
        $"График проведения аттестации педагогических работников муниципального образования \"{Municipality}\" в целях установления квалификационной категории {PeriodPrepositional}";

    /// <summary>«Утверждён 05.12.2026», or null before the approval.</summary>
    public string? ApprovalStamp => ApprovedOn is { } on ? Stamp(on) : null;

    /// <summary>«Утверждён 05.12.2026».</summary>
    public static string Stamp(DateOnly approvedOn) => $"{ApprovedWord} {DocumentText.Date(approvedOn)}";

    /// <summary>The mark above the title: «Утверждён 05.12.2026» or «График не утверждён».</summary>
    public string ApprovalMark => ApprovalStamp ?? NotApproved;

    public const string ApprovedWord = "Утверждён";

    /// <summary>The day of an approval in the region's calendar: an approval at 01:00 in Tomsk is still that day there.</summary>
    public static DateOnly? ApprovalDay(ScheduleApproval? approval, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return approval is null ? null : RegionClock.Today(approval.ApprovedAt, zone);
    }

    public const string NotApproved = "График не утверждён";

    /// <summary>The line under the table: who answers questions about the schedule.</summary>
    public string CoordinatorLine =>
        $"Муниципальный координатор по аттестации: {CoordinatorName ?? DocumentText.Blank}, рабочий телефон: {CoordinatorPhone ?? DocumentText.Blank}";

    /// <summary>Without the extension: «График (не утверждён) — Город Томск — январь-февраль 2026».</summary>
    public string FileName => $"График{(Approved ? "" : " (не утверждён)")} — {Municipality} — {PeriodName}";

    /// <summary>
    /// The schedule of one municipality for one period as it stands, in two statements: the municipality with its
    /// approval and coordinator (<paramref name="preferredCoordinator"/> when one of them), and every application put
    /// into the period (with or without its experts yet) in alphabetical order with its experts. A registered withdrawal
    /// takes the application out of the period.
    /// </summary>
    public static async Task<MunicipalScheduleModel> LoadAsync(
        AttestationDbContext db,
        int municipalityId,
        AttestationPeriod period,
        Guid? preferredCoordinator,
        TimeZoneInfo zone,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var summary = (await db.SummariesAsync(period.Id, municipalityId, preferredCoordinator, ct)).Single();
        var lines = await db.Lines(period.Id, municipalityId).ToListAsync(ct);
        return From(summary, period, lines.Select((line, index) => line.ToRow(index + 1)).ToList(), zone);
    }

    /// <summary>The schedule of a municipality from its summary and its rows.</summary>
    public static MunicipalScheduleModel From(ScheduleSummary summary, AttestationPeriod period,
        IReadOnlyList<MunicipalScheduleRow> rows, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(period);
        return new MunicipalScheduleModel
        {
            Municipality = summary.Municipality,
            PeriodName = period.Name,
            PeriodPrepositional = period.PrepositionalName,
            ApprovedAt = summary.ApprovedAt,
            ApprovedOn = summary.ApprovedAt is { } at ? RegionClock.Today(at, zone) : null,
            CoordinatorName = summary.CoordinatorName,
            CoordinatorPhone = summary.CoordinatorPhone,
            Rows = rows,
        };
    }
}
