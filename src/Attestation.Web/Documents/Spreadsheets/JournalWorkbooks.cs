namespace Attestation.Web.Documents.Spreadsheets;

/// <summary>«Журнал регистрации заявлений педагогических работников на аттестацию» as an Excel file: the PDF's columns and rows.</summary>
public sealed class RegistrationJournalWorkbook
{
    /// <summary>In characters: the nine columns fill an A4 landscape page.</summary>
    private static readonly double[] Widths = [6, 30, 18, 14, 18, 14, 12, 22, 40];

    public byte[] Write(RegistrationJournalModel model) => SheetWriter.ToBytes(stream => Write(model, stream));

    public void Write(RegistrationJournalModel model, Stream output)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var sheet = SheetWriter.Start(output, "Журнал", RegistrationJournalModel.Title, model.Subtitle,
            RegistrationJournalModel.Columns, Widths);
        foreach (var group in model.Groups)
        {
            if (model.IsGrouped)
                sheet.Group(JournalText.GroupHeading(group, "заявление", "заявления", "заявлений"));
            foreach (var line in group.Rows)
            {
                sheet.Row(
                    SheetCell.Count(line.Number),
                    SheetCell.Text(line.FullName),
                    SheetCell.Centered(line.HeldCategory),
                    SheetCell.Day(line.HeldCategoryExpiresOn),
                    SheetCell.Centered(line.ClaimedCategory),
                    SheetCell.Centered(line.Form),
                    SheetCell.Day(line.SubmittedOn),
                    SheetCell.Centered(line.Registration),
                    SheetCell.Text(line.Status));
            }
        }
        if (model.IsGrouped)
            sheet.Note(model.TotalLine);
        sheet.Finish();
    }
}

/// <summary>«Журнал регистрации отозванных заявлений педагогических работников на аттестацию» as an Excel file.</summary>
public sealed class WithdrawalJournalWorkbook
{
    private static readonly double[] Widths = [6, 32, 44, 24, 18, 18];

    public byte[] Write(WithdrawalJournalModel model) => SheetWriter.ToBytes(stream => Write(model, stream));

    public void Write(WithdrawalJournalModel model, Stream output)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var sheet = SheetWriter.Start(output, "Журнал", WithdrawalJournalModel.Title, model.Subtitle,
            WithdrawalJournalModel.Columns, Widths);
        foreach (var group in model.Groups)
        {
            if (model.IsGrouped)
                sheet.Group(JournalText.GroupHeading(group, "заявление на отзыв", "заявления на отзыв", "заявлений на отзыв"));
            foreach (var line in group.Rows)
            {
                sheet.Row(
                    SheetCell.Count(line.Number),
                    SheetCell.Text(line.FullName),
                    SheetCell.Text(line.Reason),
                    SheetCell.Centered(line.FiledBy),
                    SheetCell.Day(line.FiledOn),
                    line.RegisteredOn is { } registered
                        ? SheetCell.Day(registered)
                        : SheetCell.Centered(WithdrawalJournalModel.NotRegistered));
            }
        }
        if (model.IsGrouped)
            sheet.Note(model.TotalLine);
        sheet.Finish();
    }
}
