using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Documents;

/// <summary>A line of «Журнал регистрации заявлений педагогических работников на аттестацию».</summary>
/// <param name="Registration">«№ 12/2026 от 05.11.2026»; null while the application is not registered.</param>
public sealed record RegistrationJournalRow(
    int Number,
    string FullName,
    string HeldCategory,
    DateOnly? HeldCategoryExpiresOn,
    string ClaimedCategory,
    string Form,
    DateOnly SubmittedOn,
    string? Registration,
    string Status);

/// <summary>
/// «Журнал регистрации заявлений педагогических работников на аттестацию» of one municipality (SPEC §6): every
/// application that has been submitted, in the order of submission.
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

    public required string Municipality { get; init; }

    /// <summary>Applications submitted in this calendar year only; null for all years.</summary>
    public int? Year { get; init; }

    public required IReadOnlyList<RegistrationJournalRow> Rows { get; init; }

    /// <summary>«муниципальное образование "Город Томск", 2026 год».</summary>
    public string Subtitle => JournalText.Subtitle(Municipality, Year);

    public string FileName => JournalText.FileName("Журнал регистрации заявлений", Municipality, Year);

    public static async Task<RegistrationJournalModel> LoadAsync(
        AttestationDbContext db, int municipalityId, int? year, TimeZoneInfo zone, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(zone);
        var municipality = await JournalText.MunicipalityNameAsync(db, municipalityId, ct);
        var query = db.Applications.AsNoTracking().Where(a => a.MunicipalityId == municipalityId && a.SubmittedAt != null);
        if (year is { } y)
        {
            var (from, to) = JournalText.YearBounds(y, zone);
            query = query.Where(a => a.SubmittedAt >= from && a.SubmittedAt < to);
        }

        // Whole entities: the status text reads the withdrawal, the mark and the decision.
        var applications = await query.OrderBy(a => a.SubmittedAt).ThenBy(a => a.LastName).ToListAsync(ct);
        var rows = applications.Select((a, index) => new RegistrationJournalRow(
                index + 1,
                a.FullName,
                a.CurrentCategory.ToRussian(),
                a.CurrentCategoryExpiresOn,
                a.ClaimedCategory?.ToRussian() ?? "",
                a.Form?.ToRussian() ?? "",
                RegionClock.Today(a.SubmittedAt!.Value, zone),
                a.RegistrationNumber is { } number && a.RegisteredOn is { } on
                    ? $"№ {number} от {DocumentText.Date(on)}"
                    : null,
                a.StatusText))
            .ToList();
        return new RegistrationJournalModel { Municipality = municipality, Year = year, Rows = rows };
    }
}

/// <summary>A line of «Журнал регистрации отозванных заявлений».</summary>
/// <param name="FiledBy">«педагогический работник» or «муниципальный координатор».</param>
public sealed record WithdrawalJournalRow(
    int Number,
    string FullName,
    string Reason,
    string FiledBy,
    DateOnly FiledOn,
    DateOnly? RegisteredOn);

/// <summary>«Журнал регистрации отозванных заявлений» of one municipality (SPEC §6), in the order of filing.</summary>
public sealed record WithdrawalJournalModel
{
    public const string Title = "Журнал регистрации отозванных заявлений";

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

    public required string Municipality { get; init; }

    /// <summary>Withdrawals filed in this calendar year only; null for all years.</summary>
    public int? Year { get; init; }

    public required IReadOnlyList<WithdrawalJournalRow> Rows { get; init; }

    public string Subtitle => JournalText.Subtitle(Municipality, Year);

    public string FileName => JournalText.FileName("Журнал регистрации отозванных заявлений", Municipality, Year);

    public static async Task<WithdrawalJournalModel> LoadAsync(
        AttestationDbContext db, int municipalityId, int? year, TimeZoneInfo zone, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(zone);
        var municipality = await JournalText.MunicipalityNameAsync(db, municipalityId, ct);
        var query = db.Applications.AsNoTracking().Where(a => a.MunicipalityId == municipalityId && a.Withdrawal != null);
        if (year is { } y)
        {
            var (from, to) = JournalText.YearBounds(y, zone);
            query = query.Where(a => a.Withdrawal!.FiledAt >= from && a.Withdrawal.FiledAt < to);
        }

        var applications = await query.OrderBy(a => a.Withdrawal!.FiledAt).ThenBy(a => a.LastName).ToListAsync(ct);
        var rows = applications.Select((a, index) => new WithdrawalJournalRow(
                index + 1,
                a.FullName,
                a.Withdrawal!.ReasonDisplay,
                a.Withdrawal.ByCoordinator ? "муниципальный координатор" : "педагогический работник",
                RegionClock.Today(a.Withdrawal.FiledAt, zone),
                a.Withdrawal.RegisteredAt is { } registered ? RegionClock.Today(registered, zone) : null))
            .ToList();
        return new WithdrawalJournalModel { Municipality = municipality, Year = year, Rows = rows };
    }
}

/// <summary>What both journals share: the subtitle, the file name, the year's bounds in the region's time.</summary>
internal static class JournalText
{
    public static string Subtitle(string municipality, int? year) =>
        year is { } y ? $"муниципальное образование \"{municipality}\", {y} год" : $"муниципальное образование \"{municipality}\"";

    public static string FileName(string title, string municipality, int? year) =>
        year is { } y ? $"{title} — {municipality} — {y}" : $"{title} — {municipality}";

    /// <summary>From 1 January 00:00 of the year to 1 January of the next, in the region's zone.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) YearBounds(int year, TimeZoneInfo zone) =>
        (RegionClock.StartOfDay(new DateOnly(year, 1, 1), zone), RegionClock.StartOfDay(new DateOnly(year + 1, 1, 1), zone));

    public static Task<string> MunicipalityNameAsync(AttestationDbContext db, int municipalityId, CancellationToken ct) =>
        db.Municipalities.AsNoTracking().Where(m => m.Id == municipalityId).Select(m => m.Name).SingleAsync(ct);
}
