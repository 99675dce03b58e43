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
        return SheetWriter.ToBytes(output =>
        {
            using var sheet = SheetWriter.Start(output, "Индивидуальный график", model.FullTitle,
                $"{model.ExpertLine}. {model.PeriodLine}", ExpertScheduleModel.Columns, Widths);
            foreach (var line in model.Rows)
            {
                sheet.Row(
                    SheetCell.Count(line.Number),
                    SheetCell.Text(line.WithdrawalPending
                        ? $"{line.FullName}\n({ExpertScheduleModel.PendingWithdrawal})"
                        : line.FullName),
                    SheetCell.Text(line.PositionAndWorkplace),
                    SheetCell.Centered(line.ClaimedCategory),
                    SheetCell.Centered(line.Form),
                    SheetCell.Text(line.SecondExpert ?? ExpertScheduleModel.NotAssigned),
                    SheetCell.Text(line.SchoolCoordinators.Count == 0
                        ? ExpertScheduleModel.NotAssigned
                        : string.Join("\n", line.SchoolCoordinators.Select(ExpertScheduleModel.ContactLine))));
            }

            sheet.Note(ExpertScheduleModel.StepsTitle);
            foreach (var stage in model.Stages)
            {
                sheet.Line(stage.Title, italic: true);
                foreach (var step in stage.Steps)
                    sheet.Line(ExpertScheduleModel.StepLine(step));
            }
            sheet.Finish();
        });
    }
}
