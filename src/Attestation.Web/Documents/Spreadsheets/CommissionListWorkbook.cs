using ClosedXML.Excel;

namespace Attestation.Web.Documents.Spreadsheets;

/// <summary>
/// «Список аттестуемых на заседание аттестационной комиссии» as an Excel file: the columns of the PDF, each category's
/// heading on a row of its own merged across the table, the totals under it.
/// </summary>
public sealed class CommissionListWorkbook
{
    private static readonly double[] Widths = [6, 30, 22, 36, 22, 18, 18, 18];

    /// <summary>The height of a one-line heading row, in points.</summary>
    private const double GroupRowHeight = 18;

    public byte[] Write(CommissionListModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var book = new XLWorkbook();
        var columns = CommissionListModel.Columns;
        var subtitle = model.OrderLine is { } order ? $"{model.Subtitle}; {order}" : model.Subtitle;
        var sheet = SheetLayout.Start(book, "Список", CommissionListModel.Title, subtitle, columns, Widths);

        var row = SheetLayout.FirstDataRow;
        var groupRows = new List<int>();
        foreach (var group in model.Groups)
        {
            var heading = sheet.Range(row, 1, row, columns.Count).Merge();
            heading.FirstCell().Value = group.Heading;
            heading.Style.Font.Bold = true;
            heading.Style.Fill.BackgroundColor = XLColor.FromHtml("#F2F2F2");
            groupRows.Add(row);
            row++;

            foreach (var line in group.Rows)
            {
                sheet.Cell(row, 1).Value = line.Number;
                SheetLayout.Center(sheet.Cell(row, 1));
                sheet.Cell(row, 2).Value = line.FullName;
                sheet.Cell(row, 3).Value = line.Position;
                sheet.Cell(row, 4).Value = line.Organisation;
                sheet.Cell(row, 5).Value = line.Municipality;
                sheet.Cell(row, 6).Value = line.Recommendation;
                SheetLayout.Center(sheet.Cell(row, 6));
                sheet.Cell(row, 7).Value = line.CoordinatorMark;
                SheetLayout.Center(sheet.Cell(row, 7));
                sheet.Cell(row, 8).Value = line.Decision;
                SheetLayout.Center(sheet.Cell(row, 8));
                row++;
            }
        }

        var lastRow = row - 1;
        SheetLayout.Finish(sheet, lastRow, columns.Count);
        // The heading sits in merged cells, which the fitting measures against the narrow first column alone.
        foreach (var groupRow in groupRows)
            sheet.Row(groupRow).Height = GroupRowHeight;
        SheetLayout.Note(sheet, lastRow + 2, columns.Count, model.Totals);
        return SheetLayout.Save(book);
    }
}
