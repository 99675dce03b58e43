using System.Globalization;
using Attestation.Domain.Periods;
using Attestation.Web.Areas.Operator.Pages;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Documents;
using Attestation.Web.Documents.Spreadsheets;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Infrastructure;

/// <summary>The municipalities a «Мониторинг» page may show: one, or the region's (then <see cref="MunicipalityId"/> is null).</summary>
public sealed record MonitoringScope(int? MunicipalityId, IReadOnlyList<(int Id, string Name)> Municipalities)
{
    /// <summary>«муниципальное образование "Город Томск"», «все муниципальные образования».</summary>
    public string Text => MunicipalityId is { } id
        ? $"муниципальное образование \"{Municipalities.First(m => m.Id == id).Name}\""
        : "все муниципальные образования";
}

/// <summary>
/// A table as a «Мониторинг» page shows it: all its rows, or a page of them with its pager where the table has a row for
/// each of more municipalities than a page holds (a country's few hundred). Its Excel file has every row.
/// </summary>
public sealed record MonitoringTableShown(MonitoringTable Table, IReadOnlyList<IReadOnlyList<MonitoringCell>> Rows, PagerView? Pager);

/// <summary>
/// «Мониторинг» of the operator (the region or any municipality) and of the municipal coordinator (his own): the dates
/// chosen (by default the twelve months up to today), the figures of <see cref="MonitoringQuery"/>, the tables with
/// their charts, and each table as Excel (<c>?handler=Excel&amp;table=…</c> with the same choice). The two areas differ
/// only in the scope they allow: an id outside it is 404.
/// </summary>
public abstract class MonitoringPageModel(MonitoringQuery query, MonitoringReports kept, RegionTime region, IOptions<MonitoringOptions> options)
    : PageModel
{
    /// <summary>As typed («01.09.2025») or picked («2025-09-01»).</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <summary>The municipality chosen; empty for the whole region (the operator).</summary>
    [BindProperty(SupportsGet = true)]
    public int? MunicipalityId { get; set; }

    public MonitoringScope? Scope { get; private set; }

    /// <summary>The operator's choice of municipality; empty for the coordinator.</summary>
    public List<SelectListItem> MunicipalityChoices { get; private set; } = [];

    public MonitoringReport? Report { get; private set; }

    public IReadOnlyList<MonitoringTable> Tables { get; private set; } = [];

    /// <summary>The most rows of a table the page shows at once: a page of municipalities.</summary>
    public const int TableRowsPerPage = Paging.MunicipalitiesPageSize;

    /// <summary>The tables as the page shows them: a long one (by municipality, at a country's size) a page at a time.</summary>
    public IReadOnlyList<MonitoringTableShown> Shown { get; private set; } = [];

    /// <summary>The query parameter of a table's page number («p-consideration-municipalities»): each table pages on its own.</summary>
    public static string PageParameter(string table) => $"{PagerView.Parameter}-{table}";

    /// <summary>
    /// When the figures shown were counted, for the default dates: ahead by the job (<see cref="AheadCounting"/>) for the
    /// region, by an earlier request for a municipality (<see cref="MonitoringReports"/>); null when counted for this request.
    /// </summary>
    public DateTimeOffset? CountedAt { get; private set; }

    /// <summary>«с 01.09.2025 по 05.12.2026».</summary>
    public string? RangeText { get; private set; }

    /// <summary>Ready choices of dates: the school years and the last twelve months.</summary>
    public IReadOnlyList<(string Label, string From, string To)> QuickRanges { get; private set; } = [];

    /// <summary>The municipalities this user may see, with the one chosen; null when the choice is outside them (404).</summary>
    protected abstract Task<MonitoringScope?> ScopeAsync(CancellationToken ct);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) is { } refusal ? refusal : Page();

    public async Task<IActionResult> OnGetExcelAsync(string? table, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal)
            return refusal;
        if (Report is null)
            return Page();
        var chosen = Tables.FirstOrDefault(t => t.Key == table);
        if (chosen is null)
            return NotFound();
        var subtitle = $"{Scope!.Text}, заявления, поданные {RangeText}";
        var fileName = $"{chosen.Title} — {Scope.Text} — {Date(Report.Range.From)}-{Date(Report.Range.To)}";
        return await this.AttachmentAsync((stream, token) => MonitoringWorkbook.WriteAsync(chosen, subtitle, stream, token),
            Spreadsheet.ContentType, fileName + Spreadsheet.Extension, ct);
    }

    /// <summary>The address of a table's Excel file with the current choice.</summary>
    public string? ExcelUrl(string table) => Url.Page(null, "Excel", new
    {
        table,
        from = Report is null ? From : Iso(Report.Range.From),
        to = Report is null ? To : Iso(Report.Range.To),
        municipalityId = MunicipalityId,
    });

    /// <summary>Null when the page (or its messages) can be shown; 404 for a municipality outside the user's scope.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Scope = await ScopeAsync(ct);
        if (Scope is null)
            return NotFound();
        MunicipalityChoices = Scope.Municipalities
            .Select(m => new SelectListItem(m.Name, m.Id.ToString(CultureInfo.InvariantCulture), m.Id == MunicipalityId))
            .ToList();

        var today = region.Today;
        var year = SchoolYear.Containing(today);
        var twelveMonths = MonitoringRange.LastTwelveMonths(null, today).From;
        QuickRanges =
        [
            ("Последние 12 месяцев", Iso(twelveMonths), Iso(today)),
            ($"{year} учебный год", Iso(year.FirstDay), Iso(today)),
            ($"{year.Preceding()} учебный год", Iso(year.Preceding().FirstDay), Iso(year.Preceding().LastDay)),
        ];
        // By default the last twelve months: a whole cycle of periods, decisions included, whatever the month.
        if (string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To))
            (From, To) = (Iso(twelveMonths), Iso(today));

        var from = ParseDate(nameof(From), From, "Укажите, с какой даты.");
        var to = ParseDate(nameof(To), To, "Укажите, по какую дату.");
        if (from is not null && to is not null)
        {
            if (from > to)
                ModelState.AddModelError(nameof(To), "Дата окончания раньше даты начала.");
            else if (MonitoringFigures.MonthNumber(to.Value) - MonitoringFigures.MonthNumber(from.Value) >= MonitoringRange.MaxMonths)
                ModelState.AddModelError(nameof(To), "Выберите промежуток не длиннее пяти лет.");
        }
        if (!ModelState.IsValid)
            return null;

        var range = new MonitoringRange(Scope.MunicipalityId, from!.Value, to!.Value);
        var shown = Scope.MunicipalityId is { } id ? Scope.Municipalities.Where(m => m.Id == id).ToList() : Scope.Municipalities;
        var limit = options.Value.ExpertLoadLimit;
        if (await kept.ReadAsync(range, shown, limit, ct) is { } counted)
            (Report, CountedAt) = (counted.Value, counted.CountedAt);
        else
        {
            var countedAt = region.Now;
            Report = await query.LoadAsync(range, shown, limit, ct);
            await kept.KeepAsync(Report, countedAt, ct);
        }
        Tables = MonitoringTables.From(Report);
        Shown = Tables.Select(Show).ToList();
        RangeText = $"с {range.From.ToRussianDate()} по {range.To.ToRussianDate()}";
        return null;
    }

    private MonitoringTableShown Show(MonitoringTable table)
    {
        if (table.Rows.Count <= TableRowsPerPage)
            return new MonitoringTableShown(table, table.Rows, null);
        var parameter = PageParameter(table.Key);
        var number = int.TryParse(Request.Query[parameter], NumberStyles.None, CultureInfo.InvariantCulture, out var chosen) ? chosen : (int?)null;
        var page = table.Rows.ToPaged(number, TableRowsPerPage);
        var pager = PagerView.Of(page, Request, parameter);
        // The pages of a table are links back to it, not to the top of the page.
        return new MonitoringTableShown(table, page.Items,
            pager with { Id = $"pager-{table.Key}", Url = n => $"{pager.Url(n)}#table-{table.Key}" });
    }

    private DateOnly? ParseDate(string field, string? text, string missing)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError(field, missing);
            return null;
        }
        if (!DateInput.TryParse(text, out var date) || date.Year is < SchoolYear.MinStartYear or > SchoolYear.MaxStartYear)
        {
            ModelState.AddModelError(field, DateInput.Invalid);
            return null;
        }
        return date;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
