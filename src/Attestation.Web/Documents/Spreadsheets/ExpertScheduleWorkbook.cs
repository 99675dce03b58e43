using ClosedXML.Excel;

namespace Attestation.Web.Documents.Spreadsheets;

/// <summary>
/// «Индивидуальный график проведения аттестации» as an Excel file: the same title, columns and rows as the PDF, the
/// expert and the period in the subtitle, the procedure's steps with their dates under the table.
/// </summary>
public sealed class ExpertScheduleWorkbook
{
    private static readonly double[] Widths = [6, 26, 36, 18, 16, 40, 34];

    public byte[] Write(ExpertScheduleModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var book = new XLWorkbook();
        var columns = ExpertScheduleModel.Columns;
        var sheet = SheetLayout.Start(book, "Индивидуальный график", model.FullTitle,
            $"{model.ExpertLine}. {model.PeriodLine}", columns, Widths);

        var row = SheetLayout.FirstDataRow;
        foreach (var line in model.Rows)
        {
            sheet.Cell(row, 1).Value = line.Number;
            SheetLayout.Center(sheet.Cell(row, 1));
            sheet.Cell(row, 2).Value = line.WithdrawalPending
                ? $"{line.FullName}\n({ExpertScheduleModel.PendingWithdrawal})"
                : line.FullName;
            sheet.Cell(row, 3).Value = line.PositionAndWorkplace;
            sheet.Cell(row, 4).Value = line.ClaimedCategory;
            SheetLayout.Center(sheet.Cell(row, 4));
            sheet.Cell(row, 5).Value = line.Form;
            SheetLayout.Center(sheet.Cell(row, 5));
            sheet.Cell(row, 6).Value = line.SecondExpert ?? "не назначен";
            sheet.Cell(row, 7).Value = line.SchoolCoordinators.Count == 0
                ? "не назначен"
                : string.Join("\n", line.SchoolCoordinators.Select(ExpertScheduleModel.ContactLine));
            row++;
        }

        var lastRow = row - 1;
        SheetLayout.Finish(sheet, lastRow, columns.Count);

        var next = lastRow + 2;
        SheetLayout.Note(sheet, next, columns.Count, "Процедурные мероприятия и сроки");
        sheet.Cell(next++, 1).Style.Font.Bold = true;
        foreach (var stage in model.Stages)
        {
            SheetLayout.Note(sheet, next, columns.Count, stage.Title);
            sheet.Cell(next++, 1).Style.Font.Italic = true;
            foreach (var step in stage.Steps)
            {
                var text = $"до {DocumentText.Date(step.DueBy)} — {step.Text}"
                    + (step.AppliesTo is { } applies ? $" ({applies})" : "") + "."
                    + (step.Note is { } note ? $" {note}" : "");
                SheetLayout.Note(sheet, next++, columns.Count, text);
            }
        }

        return SheetLayout.Save(book);
    }
}
