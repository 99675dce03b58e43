using ClosedXML.Excel;

namespace Attestation.Web.Documents.Spreadsheets;

/// <summary>The municipal schedule of a period as an Excel file: the same title, columns and rows as the PDF.</summary>
public sealed class ScheduleWorkbook
{
    /// <summary>In characters: the six columns fill an A4 landscape page.</summary>
    private static readonly double[] Widths = [6, 28, 14, 16, 40, 56];

    public byte[] Write(MunicipalScheduleModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var book = new XLWorkbook();
        var columns = MunicipalScheduleModel.Columns;
        var sheet = SheetLayout.Start(book, "График", model.Title, model.Approved ? null : model.ApprovalMark, columns, Widths);
        if (!model.Approved)
            sheet.Cell(SheetLayout.SubtitleRow, 1).Style.Font.Bold = true;

        var row = SheetLayout.FirstDataRow;
        foreach (var line in model.Rows)
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
            row++;
        }

        var lastRow = row - 1;
        SheetLayout.Finish(sheet, lastRow, columns.Count);
        SheetLayout.Note(sheet, lastRow + 2, columns.Count, model.CoordinatorLine);
        return SheetLayout.Save(book);
    }
}
