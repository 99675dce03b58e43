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
    /// The schedule of one municipality for one period as it stands: every application put into the period (with or
    /// without its experts yet), in alphabetical order. A registered withdrawal takes the application out of the period.
    /// </summary>
    public static async Task<MunicipalScheduleModel> LoadAsync(
        AttestationDbContext db,
        int municipalityId,
        AttestationPeriod period,
        AppUser? coordinator,
        DateOnly? approvedOn,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var municipality = await db.MunicipalityNameAsync(municipalityId, ct);

        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.MunicipalityId == municipalityId && a.PeriodId == period.Id)
            .ToRows(db)
            .OrderBy(a => a.LastName).ThenBy(a => a.FirstName).ThenBy(a => a.MiddleName)
            .ToListAsync(ct);

        var experts = await db.PeopleAsync(applications.SelectMany(a => a.ExpertIds), ct);

        var rows = applications.Select((a, index) => new MunicipalScheduleRow(
                index + 1,
                a.FullName,
                a.ClaimedCategory?.ToRussian() ?? "",
                a.Form?.ToRussian() ?? "",
                a.Work,
                a.ExpertIds.Where(experts.ContainsKey).Select(id => experts[id].WithWork).ToList()))
            .ToList();

        return new MunicipalScheduleModel
        {
            Municipality = municipality,
            PeriodName = period.Name,
            PeriodPrepositional = period.PrepositionalName,
            ApprovedOn = approvedOn,
            CoordinatorName = coordinator?.FullName,
            CoordinatorPhone = string.IsNullOrWhiteSpace(coordinator?.WorkPhone) ? null : coordinator.WorkPhone.Trim(),
            Rows = rows,
        };
    }
}
