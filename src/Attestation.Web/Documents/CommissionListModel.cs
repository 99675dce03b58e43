using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Commission;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Documents;

/// <summary>One attestee on the meeting's list.</summary>
/// <param name="Position">«учитель математики».</param>
/// <param name="Recommendation">The experts' «соответствует / не соответствует»; «упрощенная форма» when there are no experts.</param>
/// <param name="CoordinatorMark">The municipal coordinator's «соответствует / не соответствует» after checking.</param>
/// <param name="Recommended">Both say «соответствует»: «установить всем, кому рекомендовано» applies.</param>
/// <param name="WantsToAttend">The application's «желаю присутствовать на заседании аттестационной комиссии».</param>
public sealed record CommissionListRow(
    int Number,
    Guid ApplicationId,
    string FullName,
    string Position,
    string Organisation,
    string Municipality,
    string Recommendation,
    string CoordinatorMark,
    bool Recommended,
    DecisionOutcome? Outcome,
    bool WantsToAttend = false)
{
    /// <summary>«желает присутствовать», or empty: the commission invites those who asked to attend.</summary>
    public string Attendance => WantsToAttend ? "желает присутствовать" : "";

    /// <summary>«установить», «отказать», or empty until the commission decides.</summary>
    public string Decision => Outcome?.ToRussian() ?? "";
}

/// <summary>The attestees who claim one category.</summary>
public sealed record CommissionListGroup(QualificationCategory Category, IReadOnlyList<CommissionListRow> Rows)
{
    public string Heading => CommissionListModel.Heading(Category);
}

/// <summary>
/// «Список аттестуемых на заседание аттестационной комиссии» (SPEC §6): the applications of one meeting grouped by the
/// claimed category, each with the experts' recommendation and the coordinator's mark, then the decisions. The same
/// content for the PDF (Templates/CommissionList.razor), the Excel file (Spreadsheets/CommissionListWorkbook) and the
/// operator's meeting page.
/// </summary>
public sealed record CommissionListModel
{
    public const string Title = "Список аттестуемых на заседание аттестационной комиссии";

    public static IReadOnlyList<string> Columns { get; } =
    [
        "№ п/п",
        "Фамилия Имя Отчество",
        "Должность",
        "Образовательная организация",
        "Муниципальное образование",
        "Присутствие на заседании",
        "Рекомендация специалистов по аттестации",
        "Отметка муниципального координатора",
        "Решение аттестационной комиссии",
    ];

    /// <summary>The groups in the order of the categories, first to «педагог-наставник».</summary>
    public static IReadOnlyList<QualificationCategory> Categories { get; } =
        [QualificationCategory.First, QualificationCategory.Highest, QualificationCategory.Methodist, QualificationCategory.Mentor];

    public required Guid MeetingId { get; init; }

    public required DateOnly MeetingDate { get; init; }

    public required string ProtocolNumber { get; init; }

    public string? OrderNumber { get; init; }

    public DateOnly? OrderDate { get; init; }

    /// <summary>Only the categories someone claims, in <see cref="Categories"/> order.</summary>
    public required IReadOnlyList<CommissionListGroup> Groups { get; init; }

    public int Count => Groups.Sum(g => g.Rows.Count);

    public int Decided => Groups.Sum(g => g.Rows.Count(r => r.Outcome is not null));

    public int Established => Groups.Sum(g => g.Rows.Count(r => r.Outcome == DecisionOutcome.Established));

    public int Refused => Groups.Sum(g => g.Rows.Count(r => r.Outcome == DecisionOutcome.Refused));

    /// <summary>«заседание 26.02.2026, протокол № 3».</summary>
    public string Subtitle => $"заседание {DocumentText.Date(MeetingDate)}, протокол № {ProtocolNumber}";

    /// <summary>«Распоряжение № 125-р от 03.03.2026» once recorded.</summary>
    public string? OrderLine => OrderNumber is null ? null : $"Распоряжение № {OrderNumber} от {DocumentText.Date(OrderDate)}";

    /// <summary>The totals under the list: how many, and once decided, how.</summary>
    public string Totals => Decided == 0
        ? $"Всего аттестуемых: {Count}."
        : $"Всего аттестуемых: {Count}; установить: {Established}; отказать: {Refused}; без решения: {Count - Decided}.";

    /// <summary>Without the extension; a protocol number may hold a slash («3/2026»), which a file name cannot.</summary>
    public string FileName =>
        $"Список аттестуемых — заседание {DocumentText.Date(MeetingDate)} — протокол № {ProtocolNumber.Replace('/', '-').Replace('\\', '-')}";

    public static string Heading(QualificationCategory category) => category switch
    {
        QualificationCategory.First => "Первая квалификационная категория",
        QualificationCategory.Highest => "Высшая квалификационная категория",
        _ => $"Квалификационная категория {category.ToRussianGenitive()}",
    };

    /// <summary>
    /// «установить высшую квалификационную категорию», «установить квалификационную категорию «педагог-методист»» (the
    /// new categories are names, not adjectives), «отказать в установлении квалификационной категории».
    /// </summary>
    public static string DecisionText(QualificationCategory? claimed, DecisionOutcome outcome) =>
        (outcome, claimed) switch
        {
            (DecisionOutcome.Refused, _) => "отказать в установлении квалификационной категории",
            (_, { } category) when category.IsIntroducedIn2023() => $"установить квалификационную категорию {category.ToRussianAccusative()}",
            (_, { } category) => $"установить {category.ToRussianAccusative()} квалификационную категорию",
            _ => "установить квалификационную категорию",
        };

    /// <summary>The meeting's list as it stands; null when there is no such meeting.</summary>
    public static async Task<CommissionListModel?> LoadAsync(AttestationDbContext db, Guid meetingId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var meeting = await db.CommissionMeetings.AsNoTracking()
            .Where(m => m.Id == meetingId)
            .Select(m => new { m.MeetingDate, m.ProtocolNumber, m.OrderNumber, m.OrderDate })
            .SingleOrDefaultAsync(ct);
        if (meeting is null)
            return null;

        var outcomes = await db.MeetingItems.AsNoTracking()
            .Where(item => item.MeetingId == meetingId)
            .ToDictionaryAsync(item => item.ApplicationId, item => item.Outcome, ct);
        var items = await db.Applications.AsNoTracking()
            .Where(a => db.MeetingItems.Any(item => item.MeetingId == meetingId && item.ApplicationId == a.Id))
            .ToRows(db)
            .ToListAsync(ct);

        var number = 0;
        var groups = Categories
            .Select(category => new CommissionListGroup(category, items
                .Where(i => i.ClaimedCategory == category)
                .OrderBy(i => i.FullName, Alphabet.Russian)
                .ThenBy(i => i.Municipality, Alphabet.Russian)
                .Select(i => new CommissionListRow(
                    ++number,
                    i.Id,
                    i.FullName,
                    i.PositionWithSubject,
                    i.Organisation,
                    i.Municipality,
                    i.Conclusion?.Recommendation.ToRussian() ?? (i.Simplified ? "упрощенная форма" : "—"),
                    i.CoordinatorMark?.ToRussian() ?? "—",
                    i.CoordinatorMark == Conformity.Corresponds
                        && (i.Conclusion?.Recommendation ?? Conformity.Corresponds) == Conformity.Corresponds,
                    outcomes[i.Id],
                    i.WantsToAttendMeeting))
                .ToList()))
            .Where(g => g.Rows.Count > 0)
            .ToList();

        return new CommissionListModel
        {
            MeetingId = meetingId,
            MeetingDate = meeting.MeetingDate,
            ProtocolNumber = meeting.ProtocolNumber,
            OrderNumber = meeting.OrderNumber,
            OrderDate = meeting.OrderDate,
            Groups = groups,
        };
    }
}
