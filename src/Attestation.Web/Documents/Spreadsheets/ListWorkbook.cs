using Attestation.Web.Infrastructure;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attestation.Web.Documents.Spreadsheets;

/// <summary>A column of a list's Excel file: its heading, its width in characters and its cell of a row.</summary>
public sealed record ListColumn<TRow>(string Heading, double Width, Func<TRow, SheetCell> Cell);

/// <summary>
/// A list a user sees on a page, as an Excel file with the same filters: the journals' layout (a title, the filters as
/// the subtitle, a frozen header repeated on every printed page) and «Всего: N» under the rows. The rows are written as
/// they are read from the database, so the region's whole list costs the memory of one row.
/// </summary>
/// <typeparam name="TRow">What the page's query yields for one line.</typeparam>
public sealed class ListWorkbook<TRow>
{
    private readonly string _sheetName;
    private readonly string _title;
    private readonly IReadOnlyList<ListColumn<TRow>> _columns;

    /// <param name="sheetName">The sheet's tab (at most 31 characters).</param>
    /// <param name="title">The list's title, also the start of the file's name.</param>
    public ListWorkbook(string sheetName, string title, params IReadOnlyList<ListColumn<TRow>> columns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sheetName);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(columns);
        _sheetName = sheetName;
        _title = title;
        _columns = columns;
    }

    public string Title => _title;

    /// <summary>Writes the list: <paramref name="subtitle"/> names the filters applied (the region, a year, a search).</summary>
    public async Task WriteAsync(Stream output, string? subtitle, IAsyncEnumerable<TRow> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var sheet = SheetWriter.Start(output, _sheetName, _title, subtitle,
            _columns.Select(c => c.Heading).ToList(), _columns.Select(c => c.Width).ToList());
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            sheet.Row(_columns.Select(c => c.Cell(row)).ToList());
            count++;
        }
        sheet.Note($"Всего: {count}");
        sheet.Finish();
    }

    /// <summary>A short list already read (a row per municipality) and the line of totals under it.</summary>
    public Task WriteAsync(Stream output, string? subtitle, IEnumerable<TRow> rows, TRow totals, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var sheet = SheetWriter.Start(output, _sheetName, _title, subtitle,
            _columns.Select(c => c.Heading).ToList(), _columns.Select(c => c.Width).ToList());
        foreach (var row in rows.Append(totals))
        {
            ct.ThrowIfCancellationRequested();
            sheet.Row(_columns.Select(c => c.Cell(row)).ToList());
        }
        sheet.Finish();
        return Task.CompletedTask;
    }

    /// <summary>The page's answer: the file, named after the title and the day it was made («… на 04.12.2026.xlsx»).</summary>
    public Task<IActionResult> DownloadAsync(PageModel page, RegionTime region, string? subtitle, IAsyncEnumerable<TRow> rows,
        CancellationToken ct) =>
        DownloadAsync(page, region, (stream, token) => WriteAsync(stream, subtitle, rows, token), ct);

    /// <summary>The page's answer for a short list already read, with its totals.</summary>
    public Task<IActionResult> DownloadAsync(PageModel page, RegionTime region, string? subtitle, IEnumerable<TRow> rows, TRow totals,
        CancellationToken ct) =>
        DownloadAsync(page, region, (stream, token) => WriteAsync(stream, subtitle, rows, totals, token), ct);

    private Task<IActionResult> DownloadAsync(PageModel page, RegionTime region, Func<Stream, CancellationToken, Task> write,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(region);
        return page.AttachmentAsync(write, Spreadsheet.ContentType, $"{_title} на {region.Today.ToRussianDate()}{Spreadsheet.Extension}", ct);
    }
}

/// <summary>The subtitle of a list's file from the filters a user chose: «Город Томск · 2026 год · поиск: «иван»».</summary>
public static class ListFilters
{
    public static string Describe(params IEnumerable<string?> parts) =>
        string.Join(" · ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>The search words as the subtitle shows them («поиск по ФИО: «иван»»); nothing when the user searched for nothing.</summary>
    public static string? Search(string? typed, string by = "по ФИО") =>
        string.IsNullOrWhiteSpace(typed) ? null : $"поиск {by}: «{typed.Trim()}»";
}
