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
    /// rows numbered as in its own schedule, and its coordinator's name and work phone under them. The rows of each
    /// municipality come from <paramref name="rowsOf"/> as they are written, so that a country's period (22,000 rows)
    /// is written in the memory of one row; the model itself holds the municipalities only.
    /// </summary>
    public static async Task WriteConsolidatedAsync(Stream output, ConsolidatedScheduleModel model,
        Func<ConsolidatedSchedulePart, IAsyncEnumerable<MunicipalScheduleRow>> rowsOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rowsOf);
        using var sheet = SheetWriter.Start(output, "Сводный график", model.Title, model.ApprovalMark,
            MunicipalScheduleModel.Columns, Widths, boldSubtitle: true);
        var total = 0;
        foreach (var part in model.Parts.Where(p => p.Attestees > 0))
        {
            var headed = false;
            await foreach (var line in rowsOf(part).WithCancellation(ct))
            {
                if (!headed)
                    sheet.Group($"Муниципальное образование \"{part.Schedule.Municipality}\" — {part.ApprovalStamp}");
                headed = true;
                WriteRow(sheet, line);
                total++;
            }
            if (headed)
                sheet.Group(part.Schedule.CoordinatorLine, italic: true);
        }
        if (total == 0)
            sheet.Group("В периоде нет аттестуемых.", italic: true);
        sheet.Note($"Всего аттестуемых: {total.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        sheet.Finish();
    }

    /// <summary>The consolidated schedule of a model read whole (its rows in its parts).</summary>
    public static Task WriteConsolidatedAsync(Stream output, ConsolidatedScheduleModel model, CancellationToken ct) =>
        WriteConsolidatedAsync(output, model, part => part.Schedule.Rows.ToAsyncEnumerable(), ct);

    private static void WriteRow(SheetWriter sheet, MunicipalScheduleRow line) =>
        sheet.Row(
            SheetCell.Count(line.Number),
            SheetCell.Text(line.FullName),
            SheetCell.Centered(line.ClaimedCategory),
            SheetCell.Centered(line.Form),
            SheetCell.Text(line.PositionAndWorkplace),
            SheetCell.Text(string.Join("\n", line.Experts)));
}
