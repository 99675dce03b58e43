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
        return SheetWriter.ToBytes(output =>
        {
            using var sheet = SheetWriter.Start(output, "График", model.Title, model.ApprovalMark,
                MunicipalScheduleModel.Columns, Widths, boldSubtitle: true);
            foreach (var line in model.Rows)
                WriteRow(sheet, line);
            if (model.Rows.Count == 0)
                sheet.Group("В периоде нет аттестуемых.", italic: true);
            sheet.Note(model.CoordinatorLine);
            sheet.Finish();
        });
    }

    /// <summary>
    /// «Сводный график»: one sheet, the municipalities one after another, each headed by its name and approval, its
    /// rows numbered as in its own schedule, and its coordinator's name and work phone under them.
    /// </summary>
    public byte[] WriteConsolidated(ConsolidatedScheduleModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return SheetWriter.ToBytes(output =>
        {
            using var sheet = SheetWriter.Start(output, "Сводный график", model.Title, model.ApprovalMark,
                MunicipalScheduleModel.Columns, Widths, boldSubtitle: true);
            foreach (var part in model.Printed)
            {
                sheet.Group($"Муниципальное образование \"{part.Schedule.Municipality}\" — {part.ApprovalStamp}");
                foreach (var line in part.Schedule.Rows)
                    WriteRow(sheet, line);
                sheet.Group(part.Schedule.CoordinatorLine, italic: true);
            }
            if (model.Printed.Count == 0)
                sheet.Group("В периоде нет аттестуемых.", italic: true);
            sheet.Note($"Всего аттестуемых: {model.Total.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            sheet.Finish();
        });
    }

    private static void WriteRow(SheetWriter sheet, MunicipalScheduleRow line) =>
        sheet.Row(
            SheetCell.Count(line.Number),
            SheetCell.Text(line.FullName),
            SheetCell.Centered(line.ClaimedCategory),
            SheetCell.Centered(line.Form),
            SheetCell.Text(line.PositionAndWorkplace),
            SheetCell.Text(string.Join("\n", line.Experts)));
}
