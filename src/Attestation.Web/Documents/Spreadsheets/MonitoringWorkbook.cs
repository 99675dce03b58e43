namespace Attestation.Web.Documents.Spreadsheets;

/// <summary>
/// A table of «Мониторинг» as an Excel file, with the journals' layout (<see cref="SheetWriter"/>): the table's title,
/// the scope and dates as the subtitle, the bold header, the rows, the total row, the note under the table.
/// </summary>
public static class MonitoringWorkbook
{
    public static Task WriteAsync(MonitoringTable table, string subtitle, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        ct.ThrowIfCancellationRequested();
        using var sheet = SheetWriter.Start(output, "Мониторинг", table.Title, subtitle, table.Columns, table.Widths);
        foreach (var row in table.Rows)
            sheet.Row(Cells(row));
        if (table.Total is { } total)
            sheet.Row(Cells(total));
        if (table.Rows.Count == 0)
            sheet.Group("Нет данных за выбранные даты.", italic: true);
        if (table.Note is { } note)
            sheet.Note(note);
        sheet.Finish();
        return Task.CompletedTask;
    }

    private static List<SheetCell> Cells(IReadOnlyList<MonitoringCell> row) =>
        row.Select((cell, index) => cell.Number is { } number
                ? SheetCell.Fraction(number)
                : index == 0 ? SheetCell.Text(cell.Text) : SheetCell.Centered(cell.Text))
            .ToList();
}
