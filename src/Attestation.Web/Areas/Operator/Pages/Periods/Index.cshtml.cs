using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Attestation.Domain.Periods;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Periods;

/// <summary>
/// «Периоды аттестации» of a school year: their state and deadlines; the year's periods generated (сентябрь-октябрь …
/// апрель-май), or one added by hand.
/// </summary>
public sealed class IndexModel(AttestationDbContext db, RegionTime region, CountedAheadStore countedAhead) : PageModel
{
    /// <summary>The first calendar year of the school year shown; the current school year when absent.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public SchoolYear SchoolYear { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>How many of the year's usual periods are not there yet: the «Сформировать» button says it.</summary>
    public int MissingCount { get; private set; }

    /// <summary>When the applications per period were counted ahead (<see cref="AheadCounting"/>); null when counted now.</summary>
    public DateTimeOffset? CountedAt { get; private set; }

    public sealed record Row(
        Guid Id,
        string Name,
        string State,
        string StateCss,
        PeriodDeadlines Deadlines,
        int Applications);

    public sealed class InputModel
    {
        /// <summary>The first month as «2027-05».</summary>
        [Required(ErrorMessage = "Выберите период.")]
        [RegularExpression(@"^\d{4}-\d{1,2}$", ErrorMessage = "Выберите период из списка.")]
        [Display(Name = "Период")]
        public string? Start { get; set; }
    }

    /// <summary>The periods of the shown school year that can still be added, by their first month.</summary>
    public IReadOnlyList<(string Value, string Text)> Addable { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>«Сформировать периоды»: adds the year's usual periods that are missing; a second click adds nothing.</summary>
    public async Task<IActionResult> OnPostGenerateAsync(CancellationToken ct)
    {
        var year = ChosenYear();
        var existing = await db.Periods.Of(year).ToListAsync(ct);
        var missing = PeriodCalendar.Missing(year, existing);
        if (missing.Count == 0)
        {
            StatusMessage = $"Все периоды {year} учебного года уже есть: ничего не добавлено.";
            return RedirectToPage(new { year = year.StartYear });
        }

        db.Periods.AddRange(missing);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (DbErrors.IsUniqueViolation(error))
        {
            StatusMessage = "Периоды этого учебного года только что сформировал другой пользователь. Проверьте список.";
            return RedirectToPage(new { year = year.StartYear });
        }

        StatusMessage = $"Добавлены периоды {year} учебного года: {string.Join(", ", missing.Select(p => p.Name))}.";
        return RedirectToPage(new { year = year.StartYear });
    }

    /// <summary>«Добавить период»: one period by its first month, refused when it exists.</summary>
    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var parts = Input.Start!.Split('-');
        var (startYear, startMonth) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
        if (startYear is < SchoolYear.MinStartYear or > SchoolYear.MaxStartYear || startMonth is < 1 or > 12)
        {
            ModelState.AddModelError("Input.Start", "Выберите период из списка.");
            await LoadAsync(ct);
            return Page();
        }

        var name = AttestationPeriod.NameOf(startYear, startMonth);
        if (await db.Periods.AnyAsync(p => p.StartYear == startYear && p.StartMonth == startMonth, ct))
        {
            ModelState.AddModelError(string.Empty, $"Период «{name}» уже есть.");
            await LoadAsync(ct);
            return Page();
        }

        var period = new AttestationPeriod(startYear, startMonth);
        db.Periods.Add(period);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (DbErrors.IsUniqueViolation(error))
        {
            db.Entry(period).State = EntityState.Detached;
            ModelState.AddModelError(string.Empty, $"Период «{name}» уже есть.");
            await LoadAsync(ct);
            return Page();
        }

        StatusMessage = $"Добавлен период «{name}».";
        return RedirectToPage(new { year = period.SchoolYear.StartYear });
    }

    private SchoolYear ChosenYear() =>
        Year is >= SchoolYear.MinStartYear and <= SchoolYear.MaxStartYear
            ? new SchoolYear(Year.Value)
            : SchoolYear.Containing(region.Today);

    private async Task LoadAsync(CancellationToken ct)
    {
        SchoolYear = ChosenYear();
        var periods = await db.Periods.AsNoTracking().Of(SchoolYear)
            .OrderBy(p => p.StartYear).ThenBy(p => p.StartMonth)
            .ToListAsync(ct);
        var ids = periods.Select(p => p.Id).ToList();
        // The school year of today as counted ahead (a country's year is 200,000 applications), while fresh and for
        // the same periods; any other year, or a period added since, counted now.
        var counted = SchoolYear == SchoolYear.Containing(region.Today)
            ? await countedAhead.ReadAsync<Dictionary<Guid, int>>(AheadKeys.Periods(SchoolYear.StartYear), ct)
            : null;
        Dictionary<Guid, int> counts;
        if (counted is not null && ids.TrueForAll(counted.Value.ContainsKey))
            (counts, CountedAt) = (counted.Value, counted.CountedAt);
        else
            counts = await AheadCounting.CountByPeriodAsync(db, ids, ct);

        Rows = periods.Select(p =>
            {
                var (state, css) = PeriodState.Badge(p, region.Now, region.Zone);
                return new Row(p.Id, PeriodState.ListName(p, region.Now, region.Zone), state, css,
                    PeriodCalendar.Deadlines(p), counts.GetValueOrDefault(p.Id));
            })
            .ToList();
        MissingCount = PeriodCalendar.Missing(SchoolYear, periods).Count;
        var existing = periods.Select(p => (p.StartYear, p.StartMonth)).ToHashSet();
        Addable = Enumerable.Range(0, 12)
            .Select(i => SchoolYear.FirstDay.AddMonths(i))
            .Where(d => !existing.Contains((d.Year, d.Month)))
            .Select(d => (string.Create(CultureInfo.InvariantCulture, $"{d.Year}-{d.Month:00}"), AttestationPeriod.NameOf(d.Year, d.Month)))
            .ToList();
    }


}
