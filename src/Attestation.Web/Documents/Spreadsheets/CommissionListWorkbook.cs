namespace Attestation.Web.Documents.Spreadsheets;

/// <summary>
/// «Список аттестуемых на заседание аттестационной комиссии» as an Excel file: the PDF's columns, a heading row per
/// claimed category, the totals under the table.
/// </summary>
public sealed class CommissionListWorkbook
{
    private static readonly double[] Widths = [6, 30, 22, 36, 22, 16, 18, 18, 18];

    public byte[] Write(CommissionListModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return SheetWriter.ToBytes(output =>
        {
            var subtitle = model.OrderLine is { } order ? $"{model.Subtitle}; {order}" : model.Subtitle;
            using var sheet = SheetWriter.Start(output, "Список", CommissionListModel.Title, subtitle, CommissionListModel.Columns, Widths);
            foreach (var group in model.Groups)
            {
                sheet.Group(group.Heading);
                foreach (var line in group.Rows)
                {
                    sheet.Row(
                        SheetCell.Count(line.Number),
                        SheetCell.Text(line.FullName),
                        SheetCell.Text(line.Position),
                        SheetCell.Text(line.Organisation),
                        SheetCell.Text(line.Municipality),
                        SheetCell.Centered(line.Attendance),
                        SheetCell.Centered(line.Recommendation),
                        SheetCell.Centered(line.CoordinatorMark),
                        SheetCell.Centered(line.Decision));
                }
            }
            sheet.Note(model.Totals);
            sheet.Finish();
        });
    }
}
