using System.Globalization;
using System.Linq.Expressions;
using Attestation.Domain.Applications;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Directories;

/// <summary>The operator's drop-down lists: unlike everyone else's they may show deactivated entries, marked.</summary>
public static class OperatorLists
{
    /// <summary>
    /// The municipalities as the choices of a list's filter, deactivated ones included and marked, from the directories
    /// the instance holds (<see cref="DirectoryNameCache.CurrentAsync"/>): already in their order, no statement.
    /// </summary>
    public static async Task<List<SelectListItem>> MunicipalityChoicesAsync(this DirectoryNameCache directories,
        AttestationDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(directories);
        return (await directories.CurrentAsync(db, ct)).MunicipalityChoices();
    }

    /// <summary>The municipalities of <paramref name="held"/> as the choices of a list's filter, in their order.</summary>
    public static List<SelectListItem> MunicipalityChoices(this DirectoryNameSnapshot held)
    {
        ArgumentNullException.ThrowIfNull(held);
        return [.. held.MunicipalitiesInOrder.Select(m => Choice(m.Id, m.Name, m.IsActive))];
    }

    /// <param name="alsoId">An entry to list even when deactivated: the one the edited record already names.</param>
    public static async Task<List<SelectListItem>> MunicipalityChoicesAsync(this AttestationDbContext db,
        bool includeInactive, CancellationToken ct, int? alsoId = null) =>
        (await db.Municipalities.AsNoTracking()
            .Where(m => includeInactive || m.IsActive || m.Id == alsoId)
            .Select(m => new { m.Id, m.Name, m.IsActive, m.IsRegionalPseudo })
            .ToListAsync(ct))
        .InMunicipalityOrder(m => m.Id, m => m.IsRegionalPseudo, m => m.Name)
        .Select(m => Choice(m.Id, m.Name, m.IsActive))
        .ToList();

    private static SelectListItem Choice(int id, string name, bool isActive) =>
        new(isActive ? name : $"{name} (отключено)", Text(id));

    /// <summary>
    /// Every municipality as a choice, with the count of its applications under each condition, in one statement:
    /// the filter of an operator's list and its numbers («Город Томск — 12») read together.
    /// </summary>
    public static async Task<MunicipalityCounts> MunicipalityChoicesAsync(this AttestationDbContext db,
        IQueryable<Application> applications, IReadOnlyList<Expression<Func<Application, bool>>> conditions, CancellationToken ct) =>
        Choices(await db.MunicipalityRowsAsync(applications, conditions, ct), conditions.Count);

    /// <summary>Every municipality with the count of its applications under each condition, in one statement.</summary>
    public static async Task<List<MunicipalityChoice>> MunicipalityRowsAsync(this AttestationDbContext db,
        IQueryable<Application> applications, IReadOnlyList<Expression<Func<Application, bool>>> conditions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return WithCounts(await AllMunicipalities(db).WithCountsEachAsync(m => m.Id, applications, a => a.MunicipalityId, conditions, ct));
    }

    /// <summary>
    /// Every municipality with, under each condition, the sum of the <paramref name="count"/>s of the groups of
    /// <paramref name="kept"/> (counts PostgreSQL keeps, a row a group of applications) that meet it, in one statement.
    /// </summary>
    public static async Task<List<MunicipalityChoice>> MunicipalityRowsAsync<T>(this AttestationDbContext db,
        IQueryable<T> kept, Expression<Func<T, int>> municipality, Expression<Func<T, int>> count,
        IReadOnlyList<Expression<Func<T, bool>>> conditions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return WithCounts(await AllMunicipalities(db).WithSumsEachAsync(m => m.Id, kept, municipality, count, conditions, ct));
    }

    /// <summary>Every municipality as a choice, its counts still to come.</summary>
    private static IQueryable<MunicipalityChoice> AllMunicipalities(AttestationDbContext db) => db.Municipalities.AsNoTracking()
        .Select(m => new MunicipalityChoice { Id = m.Id, Name = m.Name, IsActive = m.IsActive, IsRegionalPseudo = m.IsRegionalPseudo });

    private static List<MunicipalityChoice> WithCounts(List<(MunicipalityChoice Row, int[] Counts)> rows) =>
    [
        .. rows.Select(r => new MunicipalityChoice
        {
            Id = r.Row.Id, Name = r.Row.Name, IsActive = r.Row.IsActive, IsRegionalPseudo = r.Row.IsRegionalPseudo, Counts = r.Counts,
        }),
    ];

    /// <summary>
    /// Every municipality as a choice, and the rows of <paramref name="found"/> counted up to <paramref name="limit"/>
    /// (<see cref="Paging.CountUpToAsync"/>), in one statement: a list whose count per municipality is not needed, only
    /// its total, which a search over a country's years would otherwise count to the last of its rows.
    /// </summary>
    public static async Task<(MunicipalityCounts Choices, RowCount Found)> MunicipalityChoicesAsync<T>(this AttestationDbContext db,
        IQueryable<T> found, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Municipalities.AsNoTracking()
            .Select(m => new { m.Id, m.Name, m.IsActive, m.IsRegionalPseudo, Found = found.Take(SqlLiteral.Number(limit + 1)).Count() })
            .ToListAsync(ct);
        var counted = rows.Count == 0 ? 0 : rows[0].Found;
        var choices = Choices(rows.Select(r => new MunicipalityChoice
        {
            Id = r.Id, Name = r.Name, IsActive = r.IsActive, IsRegionalPseudo = r.IsRegionalPseudo, Counts = [],
        }).ToList(), conditions: 0);
        return (choices, RowCount.UpTo(counted, limit));
    }

    /// <summary>The choices of a list's filter from <see cref="MunicipalityRowsAsync"/> (or those rows counted ahead).</summary>
    public static MunicipalityCounts Choices(IReadOnlyList<MunicipalityChoice> rows, int conditions)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ordered = rows.Select(r => (Row: r, r.Counts))
            .InMunicipalityOrder(r => r.Row.Id, r => r.Row.IsRegionalPseudo, r => r.Row.Name).ToList();
        return new MunicipalityCounts(
            ordered.Select(r => Choice(r.Row.Id, r.Row.Name, r.Row.IsActive)).ToList(),
            ordered.ToDictionary(r => r.Row.Id, r => r.Counts),
            ordered.ToDictionary(r => r.Row.Id, r => r.Row.Name),
            conditions);
    }

    public static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Marks the entry a list is filtered by: a filter's select has no asp-for, so without this it shows «Все» over a
    /// list filtered by a municipality or a period.
    /// </summary>
    public static List<SelectListItem> Choosing(this List<SelectListItem> items, object? chosen)
    {
        ArgumentNullException.ThrowIfNull(items);
        var value = Convert.ToString(chosen, CultureInfo.InvariantCulture);
        foreach (var item in items)
            item.Selected = value is not null && item.Value == value;
        return items;
    }
}

/// <summary>A municipality as a choice of an operator's list filter.</summary>
public sealed class MunicipalityChoice
{
    public int Id { get; init; }

    public string Name { get; init; } = "";

    public bool IsActive { get; init; }

    public bool IsRegionalPseudo { get; init; }

    /// <summary>Its applications under each condition of the list (<see cref="OperatorLists.MunicipalityRowsAsync"/>).</summary>
    public int[] Counts { get; init; } = [];
}

/// <summary>The municipalities as choices, with each one's counts under the list's conditions.</summary>
public sealed record MunicipalityCounts(
    List<SelectListItem> Choices,
    IReadOnlyDictionary<int, int[]> Counts,
    IReadOnlyDictionary<int, string> Names,
    int Conditions)
{
    /// <summary>The count under condition <paramref name="index"/> of one municipality, or of all when null.</summary>
    public int Count(int index, int? municipalityId) => municipalityId is { } id
        ? Counts.GetValueOrDefault(id)?[index] ?? 0
        : Counts.Values.Sum(c => c[index]);
}
