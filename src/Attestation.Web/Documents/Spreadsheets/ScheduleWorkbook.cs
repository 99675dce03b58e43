using ClosedXML.Excel;

namespace Attestation.Web.Documents.Spreadsheets;

/// <summary>
/// The municipal schedule of a period as an Excel file, and the operator's consolidated one made of them: the same
/// title, columns and rows as the PDFs.
/// </summary>
public sealed class ScheduleWorkbook
{
    /// <summary>In characters: the six columns fill an A4 landscape page; «педагог-наставник» fits its column.</summary>
    private static readonly double[] Widths = [6, 28, 18, 16, 40, 56];

    public byte[] Write(MunicipalScheduleModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var book = new XLWorkbook();
        var columns = MunicipalScheduleModel.Columns;
        var sheet = SheetLayout.Start(book, "График", model.Title, model.ApprovalMark, columns, Widths);
        sheet.Cell(SheetLayout.SubtitleRow, 1).Style.Font.Bold = true;

        var row = SheetLayout.FirstDataRow;
        foreach (var line in model.Rows)
            WriteRow(sheet, row++, line);

        var lastRow = row - 1;
        SheetLayout.Finish(sheet, lastRow, columns.Count);
        SheetLayout.Note(sheet, lastRow + 2, columns.Count, model.CoordinatorLine);
        return SheetLayout.Save(book);
    }

    /// <summary>
    /// «Сводный график»: one sheet, the municipalities one after another, each headed by its name and approval, its
    /// rows numbered as in its own schedule, and its coordinator's name and work phone under them.
    /// </summary>
    public byte[] WriteConsolidated(ConsolidatedScheduleModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var book = new XLWorkbook();
        var columns = MunicipalScheduleModel.Columns;
        var sheet = SheetLayout.Start(book, "Сводный график", model.Title, model.ApprovalMark, columns, Widths);
        sheet.Cell(SheetLayout.SubtitleRow, 1).Style.Font.Bold = true;

        var row = SheetLayout.FirstDataRow;
        var groupRows = new List<int>();
        foreach (var part in model.Printed)
        {
            groupRows.Add(row);
            var header = sheet.Range(row, 1, row, columns.Count).Merge();
            header.FirstCell().Value = $"Муниципальное образование \"{part.Schedule.Municipality}\" — {part.ApprovalStamp}";
            header.Style.Font.Bold = true;
            header.Style.Fill.BackgroundColor = XLColor.FromHtml("#F2F2F2");
            row++;
            foreach (var line in part.Schedule.Rows)
                WriteRow(sheet, row++, line);
            groupRows.Add(row);
            var note = sheet.Range(row, 1, row, columns.Count).Merge();
            note.FirstCell().Value = part.Schedule.CoordinatorLine;
            note.Style.Font.Italic = true;
            row++;
        }

        if (model.Printed.Count == 0)
        {
            groupRows.Add(row);
            sheet.Range(row, 1, row, columns.Count).Merge().FirstCell().Value = "В периоде нет аттестуемых.";
            row++;
        }

        var lastRow = row - 1;
        SheetLayout.Finish(sheet, lastRow, columns.Count);
        // Finish measures a row by its first cell's column; a line merged across the table fits one line.
        foreach (var merged in groupRows)
            sheet.Row(merged).Height = 18;
        SheetLayout.Note(sheet, lastRow + 2, columns.Count,
            $"Всего аттестуемых: {model.Total.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        return SheetLayout.Save(book);
    }

    private static void WriteRow(IXLWorksheet sheet, int row, MunicipalScheduleRow line)
    {
        sheet.Cell(row, 1).Value = line.Number;
        SheetLayout.Center(sheet.Cell(row, 1));
        sheet.Cell(row, 2).Value = line.FullName;
        sheet.Cell(row, 3).Value = line.ClaimedCategory;
        SheetLayout.Center(sheet.Cell(row, 3));
        sheet.Cell(row, 4).Value = line.Form;
        SheetLayout.Center(sheet.Cell(row, 4));
        sheet.Cell(row, 5).Value = line.PositionAndWorkplace;
        sheet.Cell(row, 6).Value = string.Join("\n", line.Experts);
    }
}
