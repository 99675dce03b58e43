using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Web.Data;
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
        var municipality = await db.Municipalities.AsNoTracking()
            .Where(m => m.Id == municipalityId)
            .Select(m => m.Name)
            .SingleAsync(ct);

        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.MunicipalityId == municipalityId && a.PeriodId == period.Id)
            .OrderBy(a => a.LastName).ThenBy(a => a.FirstName).ThenBy(a => a.MiddleName)
            .Select(a => new
            {
                a.LastName,
                a.FirstName,
                a.MiddleName,
                a.ClaimedCategory,
                a.Form,
                a.ExpertAId,
                a.ExpertBId,
                Position = db.Positions.Where(p => p.Id == a.PositionId).Select(p => p.Name).FirstOrDefault(),
                Subject = db.Subjects.Where(s => s.Id == a.SubjectId).Select(s => s.Name).FirstOrDefault(),
                Organisation = db.Organisations.Where(o => o.Id == a.OrganisationId).Select(o => o.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var expertIds = applications.SelectMany(a => new[] { a.ExpertAId, a.ExpertBId }).OfType<Guid>().Distinct().ToList();
        var experts = await PeopleWithWorkAsync(db, expertIds, ct);

        var rows = applications.Select((a, index) => new MunicipalScheduleRow(
                index + 1,
                JoinName(a.LastName, a.FirstName, a.MiddleName),
                a.ClaimedCategory?.ToRussian() ?? "",
                a.Form?.ToRussian() ?? "",
                WithWorkplace(PositionWithSubject(a.Position, a.Subject), a.Organisation),
                new[] { a.ExpertAId, a.ExpertBId }.OfType<Guid>().Where(experts.ContainsKey).Select(id => experts[id]).ToList()))
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

    /// <summary>«учитель математики»: the position in small letters with its subject, if any.</summary>
    public static string PositionWithSubject(string? position, string? subject)
    {
        var name = string.IsNullOrWhiteSpace(position) ? "" : DocumentText.LowerFirst(position.Trim());
        return string.IsNullOrWhiteSpace(subject) ? name : $"{name} {subject.Trim()}".Trim();
    }

    /// <summary>«учитель математики, МАОУ лицей № 8».</summary>
    public static string WithWorkplace(string position, string? organisation) =>
        string.Join(", ", new[] { position, organisation?.Trim() }.Where(part => !string.IsNullOrEmpty(part)));

    private static string JoinName(string lastName, string firstName, string? middleName) =>
        string.IsNullOrWhiteSpace(middleName) ? $"{lastName} {firstName}" : $"{lastName} {firstName} {middleName}";

    /// <summary>«Фамилия Имя Отчество, должность предмет, место работы» of each user, as the schedule prints experts.</summary>
    public static async Task<Dictionary<Guid, string>> PeopleWithWorkAsync(AttestationDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
            return [];
        var people = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .Select(u => new
            {
                u.Id,
                u.LastName,
                u.FirstName,
                u.MiddleName,
                Position = db.Positions.Where(p => p.Id == u.PositionId).Select(p => p.Name).FirstOrDefault(),
                Subject = db.Subjects.Where(s => s.Id == u.SubjectId).Select(s => s.Name).FirstOrDefault(),
                Organisation = db.Organisations.Where(o => o.Id == u.OrganisationId).Select(o => o.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return people.ToDictionary(
            p => p.Id,
            p => PersonWithWork(JoinName(p.LastName, p.FirstName, p.MiddleName), p.Position, p.Subject, p.Organisation));
    }

    /// <summary>«Фёдоров Алексей Николаевич, учитель математики, МАОУ гимназия № 6 г. Томска»: how the schedules print an expert.</summary>
    public static string PersonWithWork(string fullName, string? position, string? subject, string? organisation) =>
        WithWorkplace($"{fullName}, {PositionWithSubject(position, subject)}".TrimEnd(',', ' '), organisation);
}
