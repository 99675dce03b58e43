using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Web.Areas.Operator.Pages.Directories;
using Attestation.Web.Data;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Attestation.Web.Data.ReadModel;

namespace Attestation.Web.Documents;

/// <summary>
/// Which lines a journal holds: those of one municipality (the coordinator's journal, or the operator's choice of one)
/// or of the whole region, submitted (filed, for withdrawals) between two dates of the region's calendar, inclusive.
/// A bound left out is open.
/// </summary>
public sealed record JournalFilter(int? MunicipalityId, DateOnly? From, DateOnly? To)
{
    /// <summary>One municipality's journal (the region's when null) of a calendar year; of all years when <paramref name="year"/> is null.</summary>
    public static JournalFilter Year(int? municipalityId, int? year) =>
        year is { } y
            ? new JournalFilter(municipalityId, new DateOnly(y, 1, 1), new DateOnly(y, 12, 31))
            : new JournalFilter(municipalityId, null, null);

    /// <summary>«2026 год», «с 01.02.2026 по 31.03.2026», or null for no bounds at all.</summary>
    public string? PeriodText => (From, To) switch
    {
        ({ Month: 1, Day: 1 } from, { Month: 12, Day: 31 } to) when from.Year == to.Year => $"{from.Year} год",
        ({ } from, { } to) => $"с {DocumentText.Date(from)} по {DocumentText.Date(to)}",
        ({ } from, null) => $"с {DocumentText.Date(from)}",
        (null, { } to) => $"по {DocumentText.Date(to)}",
        _ => null,
    };

    /// <summary>From 00:00 of the first day to 00:00 of the day after the last one, in the region's zone.</summary>
    internal (DateTimeOffset? From, DateTimeOffset? To) Instants(TimeZoneInfo zone) =>
        (From is { } from ? RegionClock.StartOfDay(from, zone) : null,
            To is { } to ? RegionClock.StartOfDay(to.AddDays(1), zone) : null);
}

/// <summary>
/// The lines of one municipality in a journal. The region's journal has one group per municipality, each numbered
/// from 1 like that municipality's own journal (registration numbers run per municipality, «12/2026», so a
/// regional operator checks a group against the coordinator's journal line by line); a municipality's journal is one group.
/// </summary>
public sealed record JournalGroup<TRow>(int MunicipalityId, string Municipality, IReadOnlyList<TRow> Rows)
{
    /// <summary>«Муниципальное образование "Город Томск"», as the consolidated schedule heads its groups.</summary>
    public string Heading => $"Муниципальное образование \"{Municipality}\"";
}

/// <summary>A line of «Журнал регистрации заявлений педагогических работников на аттестацию».</summary>
/// <param name="RegistrationNumber">«12/2026»; null while the application is not registered.</param>
public sealed record RegistrationJournalRow(
    int Number,
    string FullName,
    string HeldCategory,
    DateOnly? HeldCategoryExpiresOn,
    string ClaimedCategory,
    string Form,
    DateOnly SubmittedOn,
    string? RegistrationNumber,
    DateOnly? RegisteredOn,
    string Status)
{
    /// <summary>«№ 12/2026», the number as the column prints it; null while the application is not registered.</summary>
    public string? NumberText => RegistrationNumber is { } number && RegisteredOn is not null ? $"№ {number}" : null;

    /// <summary>«от 05.11.2026».</summary>
    public string? DateText => RegistrationNumber is not null && RegisteredOn is { } on ? $"от {DocumentText.Date(on)}" : null;

    /// <summary>«№ 12/2026 от 05.11.2026»; null while the application is not registered.</summary>
    public string? Registration => NumberText is { } number ? $"{number} {DateText}" : null;
}

/// <summary>
/// «Журнал регистрации заявлений педагогических работников на аттестацию» (SPEC §6) of one municipality or of the
/// region grouped by municipality: every application submitted in the filter's dates, in the order of submission.
/// </summary>
public sealed record RegistrationJournalModel
{
    public const string Title = "Журнал регистрации заявлений педагогических работников на аттестацию";

    public static IReadOnlyList<string> Columns { get; } =
    [
        "№ п/п",
        "Фамилия Имя Отчество",
        "Имеющаяся (имевшаяся, в случае истечения срока действия) квалификационная категория",
        "Дата окончания срока действия квалификационной категории",
        "Заявленная квалификационная категория",
        "Форма аттестации",
        "Дата подачи заявления",
        "Дата и номер регистрации",
        "Статус заявления",
    ];

    public required JournalFilter Filter { get; init; }

    /// <summary>The municipality's name when the filter names one; null for the region.</summary>
    public string? Municipality { get; init; }

    public required IReadOnlyList<JournalGroup<RegistrationJournalRow>> Groups { get; init; }

    /// <summary>The region's journal heads each municipality's lines; a municipality's own has its name in the subtitle.</summary>
    public bool IsGrouped => Municipality is null;

    public int Total => Groups.Sum(g => g.Rows.Count);

    /// <summary>«муниципальное образование "Город Томск", 2026 год».</summary>
    public string Subtitle => JournalText.Subtitle(Municipality, Filter);

    public string FileName => JournalText.FileName(Title, Municipality, Filter);

    /// <summary>«Всего заявлений: 1 234», under the region's journal.</summary>
    public string TotalLine => JournalText.TotalLine(TotalWhat, Total);

    public const string TotalWhat = "Всего заявлений";

    /// <summary>The applications the journal lists: submitted, of the filter's municipality and dates.</summary>
    public static IQueryable<Application> Lines(IQueryable<Application> applications, JournalFilter filter, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(filter);
        var (from, to) = filter.Instants(zone);
        var query = applications.Where(a => a.SubmittedAt != null);
        if (filter.MunicipalityId is { } municipalityId)
            query = query.Where(a => a.MunicipalityId == municipalityId);
        if (from is { } start)
            query = query.Where(a => a.SubmittedAt >= start);
        if (to is { } end)
            query = query.Where(a => a.SubmittedAt < end);
        return query;
    }

    /// <summary>
    /// The journal as it is written out: the count of each municipality's lines in one GROUP BY, and the lines of one
    /// municipality at a time, read as they are written (the index on the municipality and the submission serves both),
    /// so that a journal of any length takes the memory of one line.
    /// </summary>
    public static async Task<JournalExport<RegistrationJournalRow>> OpenAsync(
        AttestationDbContext db, JournalFilter filter, TimeZoneInfo zone, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(zone);
        var lines = Lines(db.Applications.AsNoTracking(), filter, zone);
        return await JournalText.OpenAsync(db, filter, lines, municipalityId => lines
                .Where(a => a.MunicipalityId == municipalityId)
                .OrderBy(a => a.SubmittedAt).ThenBy(a => a.LastName).ThenBy(a => a.Id)
                .Select(a => new RegistrationLine(
                    a.LastName,
                    a.FirstName,
                    a.MiddleName,
                    a.CurrentCategory,
                    a.CurrentCategoryExpiresOn,
                    a.ClaimedCategory,
                    a.Form,
                    a.SubmittedAt!.Value,
                    a.RegistrationNumber,
                    a.RegisteredOn,
                    new StatusFacts(a.Status, a.RegistrationNumber, a.RegisteredOn, a.RejectionReason, a.CoordinatorMark,
                        a.Decision != null ? (DecisionOutcome?)a.Decision.Outcome : null, a.ClaimedCategory,
                        a.Withdrawal != null && a.Withdrawal.RegisteredAt == null)))
                .AsAsyncEnumerable(),
            (a, index) => new RegistrationJournalRow(
                index + 1,
                PersonName.Join(a.LastName, a.FirstName, a.MiddleName),
                a.CurrentCategory.ToRussian(),
                a.CurrentCategoryExpiresOn,
                a.ClaimedCategory?.ToRussian() ?? "",
                a.Form?.ToRussian() ?? "",
                RegionClock.Today(a.SubmittedAt, zone),
                a.RegistrationNumber,
                a.RegisteredOn,
                a.Status.Text),
            ct);
    }

    /// <summary>The whole journal in memory, for the PDF (at most <see cref="DocumentLimits.PdfLines"/> lines).</summary>
    public static async Task<RegistrationJournalModel> LoadAsync(JournalExport<RegistrationJournalRow> journal, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(journal);
        return new RegistrationJournalModel
        {
            Filter = journal.Filter,
            Municipality = journal.Municipality,
            Groups = await journal.ToGroupsAsync(ct),
        };
    }

    private sealed record RegistrationLine(
        string LastName,
        string FirstName,
        string? MiddleName,
        QualificationCategory CurrentCategory,
        DateOnly? CurrentCategoryExpiresOn,
        QualificationCategory? ClaimedCategory,
        AttestationForm? Form,
        DateTimeOffset SubmittedAt,
        string? RegistrationNumber,
        DateOnly? RegisteredOn,
        StatusFacts Status);
}

/// <summary>A line of «Журнал регистрации отозванных заявлений педагогических работников на аттестацию».</summary>
/// <param name="FiledBy">«педагогический работник» or «муниципальный координатор».</param>
public sealed record WithdrawalJournalRow(
    int Number,
    string FullName,
    string Reason,
    string FiledBy,
    DateOnly FiledOn,
    DateOnly? RegisteredOn);

/// <summary>
/// «Журнал регистрации отозванных заявлений педагогических работников на аттестацию» (the seed's heading of «Регистрация
/// заявлений на отзыв»; SPEC §6 shortens it) of one municipality or of the region grouped by municipality, in the
/// order of filing.
/// </summary>
public sealed record WithdrawalJournalModel
{
    public const string Title = "Журнал регистрации отозванных заявлений педагогических работников на аттестацию";

    public const string NotRegistered = "не зарегистрировано";

    public static IReadOnlyList<string> Columns { get; } =
    [
        "№ п/п",
        "Фамилия Имя Отчество",
        "Причина отзыва заявления",
        "Кем подано",
        "Дата подачи заявления на отзыв",
        "Дата регистрации",
    ];

    public required JournalFilter Filter { get; init; }

    /// <summary>The municipality's name when the filter names one; null for the region.</summary>
    public string? Municipality { get; init; }

    public required IReadOnlyList<JournalGroup<WithdrawalJournalRow>> Groups { get; init; }

    public bool IsGrouped => Municipality is null;

    public int Total => Groups.Sum(g => g.Rows.Count);

    public string Subtitle => JournalText.Subtitle(Municipality, Filter);

    public string FileName => JournalText.FileName(Title, Municipality, Filter);

    public string TotalLine => JournalText.TotalLine(TotalWhat, Total);

    public const string TotalWhat = "Всего заявлений на отзыв";

    /// <summary>The applications the journal lists: with a withdrawal filed, of the filter's municipality and dates.</summary>
    public static IQueryable<Application> Lines(IQueryable<Application> applications, JournalFilter filter, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(filter);
        var (from, to) = filter.Instants(zone);
        var query = applications.Where(a => a.Withdrawal != null);
        if (filter.MunicipalityId is { } municipalityId)
            query = query.Where(a => a.MunicipalityId == municipalityId);
        if (from is { } start)
            query = query.Where(a => a.Withdrawal!.FiledAt >= start);
        if (to is { } end)
            query = query.Where(a => a.Withdrawal!.FiledAt < end);
        return query;
    }

    /// <summary>The journal as it is written out, a municipality at a time (see <see cref="RegistrationJournalModel.OpenAsync"/>).</summary>
    public static async Task<JournalExport<WithdrawalJournalRow>> OpenAsync(
        AttestationDbContext db, JournalFilter filter, TimeZoneInfo zone, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(zone);
        var lines = Lines(db.Applications.AsNoTracking(), filter, zone);
        return await JournalText.OpenAsync(db, filter, lines, municipalityId => lines
                .Where(a => a.MunicipalityId == municipalityId)
                .OrderBy(a => a.Withdrawal!.FiledAt).ThenBy(a => a.LastName).ThenBy(a => a.Id)
                .Select(a => new WithdrawalLine(
                    a.LastName,
                    a.FirstName,
                    a.MiddleName,
                    a.Withdrawal!.ReasonKind,
                    a.Withdrawal.ReasonText,
                    a.Withdrawal.ByCoordinator,
                    a.Withdrawal.FiledAt,
                    a.Withdrawal.RegisteredAt))
                .AsAsyncEnumerable(),
            (a, index) => new WithdrawalJournalRow(
                index + 1,
                PersonName.Join(a.LastName, a.FirstName, a.MiddleName),
                Withdrawal.Describe(a.ReasonKind, a.ReasonText),
                a.ByCoordinator ? "муниципальный координатор" : "педагогический работник",
                RegionClock.Today(a.FiledAt, zone),
                a.RegisteredAt is { } registered ? RegionClock.Today(registered, zone) : null),
            ct);
    }

    /// <summary>The whole journal in memory, for the PDF.</summary>
    public static async Task<WithdrawalJournalModel> LoadAsync(JournalExport<WithdrawalJournalRow> journal, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(journal);
        return new WithdrawalJournalModel
        {
            Filter = journal.Filter,
            Municipality = journal.Municipality,
            Groups = await journal.ToGroupsAsync(ct),
        };
    }

    private sealed record WithdrawalLine(
        string LastName,
        string FirstName,
        string? MiddleName,
        WithdrawalReason ReasonKind,
        string? ReasonText,
        bool ByCoordinator,
        DateTimeOffset FiledAt,
        DateTimeOffset? RegisteredAt);
}

/// <summary>What both journals share: the subtitle, the file name, the municipality's name, the grouping.</summary>
internal static class JournalText
{
    public const string Region = "все муниципальные образования";

    public static string Subtitle(string? municipality, JournalFilter filter)
    {
        var who = municipality is null ? Region : $"муниципальное образование \"{municipality}\"";
        return filter.PeriodText is { } period ? $"{who}, {period}" : who;
    }

    /// <summary>«… — Город Томск — 2026», «… — все муниципальные образования — 01.02.2026-31.03.2026».</summary>
    public static string FileName(string title, string? municipality, JournalFilter filter)
    {
        var period = (filter.From, filter.To) switch
        {
            ({ Month: 1, Day: 1 } from, { Month: 12, Day: 31 } to) when from.Year == to.Year =>
                from.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ({ } from, { } to) => $"{DocumentText.Date(from)}-{DocumentText.Date(to)}",
            _ => filter.PeriodText,
        };
        return string.Join(" — ", new[] { title, municipality ?? Region, period }.Where(part => part is not null));
    }

    /// <summary>«Муниципальное образование "Город Томск" — 12 заявлений»: a group's heading in the region's Excel journal.</summary>
    public static string GroupHeading(string heading, int count, string one, string few, string many) =>
        $"{heading} — {count} {DocumentText.Plural(count, one, few, many)}";

    /// <summary>«Всего заявлений: 1 234», under the region's journal.</summary>
    public static string TotalLine(string what, int total) => $"{what}: {DocumentLimits.Count(total)}";

    /// <summary>The name of the filter's municipality; null for the region.</summary>
    public static async Task<string?> MunicipalityNameAsync(AttestationDbContext db, JournalFilter filter, CancellationToken ct) =>
        filter.MunicipalityId is { } id
            ? await db.MunicipalityNameAsync(id, ct)
            : null;

    /// <summary>
    /// The municipalities with lines, in the order of the operator's lists (alphabetical, the regional institutions
    /// last), with their counts: two statements. <paramref name="linesOf"/> reads one municipality's lines in order.
    /// </summary>
    public static async Task<JournalExport<TRow>> OpenAsync<TLine, TRow>(AttestationDbContext db, JournalFilter filter,
        IQueryable<Application> lines, Func<int, IAsyncEnumerable<TLine>> linesOf, Func<TLine, int, TRow> row, CancellationToken ct)
    {
        var municipality = await MunicipalityNameAsync(db, filter, ct);
        var counts = await lines.GroupBy(a => a.MunicipalityId)
            .Select(g => new { MunicipalityId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.MunicipalityId, g => g.Count, ct);
        var ids = counts.Keys.ToList();
        var municipalities = await db.Municipalities.AsNoTracking()
            .Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Name, m.IsRegionalPseudo })
            .ToListAsync(ct);
        var groups = municipalities
            .InMunicipalityOrder(m => m.Id, m => m.IsRegionalPseudo, m => m.Name)
            .Select(m => new JournalGroupHead(m.Id, m.Name, counts[m.Id]))
            .ToList();
        return new JournalExport<TRow>(filter, municipality, groups, (id, token) => Numbered(linesOf(id), row, token));
    }

    private static async IAsyncEnumerable<TRow> Numbered<TLine, TRow>(IAsyncEnumerable<TLine> lines, Func<TLine, int, TRow> row,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var index = 0;
        await foreach (var line in lines.WithCancellation(ct))
            yield return row(line, index++);
    }
}

/// <summary>One municipality's part of a journal before its lines are read: «Муниципальное образование "Город Томск" — 12 заявлений».</summary>
public sealed record JournalGroupHead(int MunicipalityId, string Municipality, int Count)
{
    public string Heading => $"Муниципальное образование \"{Municipality}\"";
}

/// <summary>
/// A journal being written out: its choice, its municipalities with their line counts, and the lines of each read as
/// they are written (<see cref="Lines"/>: one statement per municipality, streamed, never held). The Excel files are
/// written from it in bounded memory; the PDF, limited to <see cref="DocumentLimits.PdfLines"/> lines, loads it whole.
/// </summary>
public sealed class JournalExport<TRow>(
    JournalFilter filter,
    string? municipality,
    IReadOnlyList<JournalGroupHead> groups,
    Func<int, CancellationToken, IAsyncEnumerable<TRow>> lines)
{
    public JournalFilter Filter { get; } = filter;

    /// <summary>The municipality's name when the filter names one; null for the region.</summary>
    public string? Municipality { get; } = municipality;

    public IReadOnlyList<JournalGroupHead> Groups { get; } = groups;

    public bool IsGrouped => Municipality is null;

    public int Total => Groups.Sum(g => g.Count);

    public string Subtitle => JournalText.Subtitle(Municipality, Filter);

    /// <summary>Without the extension: «Журнал … — Город Томск — 2026».</summary>
    public string FileName(string title) => JournalText.FileName(title, Municipality, Filter);

    /// <summary>The group's lines in order, numbered from 1.</summary>
    public IAsyncEnumerable<TRow> Lines(JournalGroupHead group, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(group);
        return lines(group.MunicipalityId, ct);
    }

    /// <summary>Every group with its lines in memory.</summary>
    public async Task<IReadOnlyList<JournalGroup<TRow>>> ToGroupsAsync(CancellationToken ct)
    {
        var result = new List<JournalGroup<TRow>>(Groups.Count);
        foreach (var group in Groups)
            result.Add(new JournalGroup<TRow>(group.MunicipalityId, group.Municipality, await Lines(group, ct).ToListAsync(ct)));
        return result;
    }
}

/// <summary>Journals to write out that are not read from the database.</summary>
public static class JournalExport
{
    /// <summary>A journal already in memory (a sample), written the same way.</summary>
    public static JournalExport<TRow> InMemory<TRow>(JournalFilter filter, string? municipality, IReadOnlyList<JournalGroup<TRow>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var rows = groups.ToDictionary(g => g.MunicipalityId, g => g.Rows);
        return new JournalExport<TRow>(filter, municipality,
            groups.Select(g => new JournalGroupHead(g.MunicipalityId, g.Municipality, g.Rows.Count)).ToList(),
            (id, _) => rows[id].ToAsyncEnumerable());
    }
}

/// <summary>How long a document may be printed as PDF, and what a user is told of a longer one.</summary>
public static class DocumentLimits
{
    /// <summary>
    /// The most table lines a document is printed as PDF with: some eighty pages, which Chromium prints in a few seconds
    /// within the renderer's time limit and memory. A longer one (a year of the region's journal is some 15,000 lines) is for Excel.
    /// </summary>
    public const int PdfLines = 2000;

    public static bool TooLongForPdf(int lines) => lines > PdfLines;

    /// <summary>«В журнале 15 000 строк: в PDF выгружается не более 2 000. Выберите …».</summary>
    public static string TooLongForPdfMessage(string document, int lines, string narrower) =>
        $"В {document} {Count(lines)} {DocumentText.Plural(lines, "строка", "строки", "строк")}: "
        + $"в PDF выгружается не более {Count(PdfLines)}. {narrower}";

    /// <summary>«2 000», with the non-breaking space of Russian numbers.</summary>
    public static string Count(int value) => value.ToString("N0", Infrastructure.WebSetup.Russian);
}
