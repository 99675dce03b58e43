namespace Attestation.Web.Documents.Spreadsheets;

/// <summary>«Журнал регистрации заявлений педагогических работников на аттестацию» as an Excel file: the PDF's columns and rows.</summary>
public sealed class RegistrationJournalWorkbook
{
    /// <summary>In characters: the nine columns fill an A4 landscape page.</summary>
    private static readonly double[] Widths = [6, 30, 18, 14, 18, 14, 12, 22, 40];

    private const string One = "заявление", Few = "заявления", Many = "заявлений";

    public byte[] Write(RegistrationJournalModel model) => SheetWriter.ToBytes(stream => Write(model, stream));

    /// <summary>A journal held in memory.</summary>
    public void Write(RegistrationJournalModel model, Stream output)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var sheet = SheetWriter.Start(output, "Журнал", RegistrationJournalModel.Title, model.Subtitle,
            RegistrationJournalModel.Columns, Widths);
        foreach (var group in model.Groups)
        {
            if (model.IsGrouped)
                sheet.Group(JournalText.GroupHeading(group.Heading, group.Rows.Count, One, Few, Many));
            foreach (var line in group.Rows)
                Line(sheet, line);
        }
        if (model.IsGrouped)
            sheet.Note(model.TotalLine);
        sheet.Finish();
    }

    /// <summary>A journal of any length, its lines written as they are read.</summary>
    public async Task WriteAsync(JournalExport<RegistrationJournalRow> journal, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(journal);
        using var sheet = SheetWriter.Start(output, "Журнал", RegistrationJournalModel.Title, journal.Subtitle,
            RegistrationJournalModel.Columns, Widths);
        foreach (var group in journal.Groups)
        {
            if (journal.IsGrouped)
                sheet.Group(JournalText.GroupHeading(group.Heading, group.Count, One, Few, Many));
            await foreach (var line in journal.Lines(group, ct))
                Line(sheet, line);
        }
        if (journal.IsGrouped)
            sheet.Note(JournalText.TotalLine(RegistrationJournalModel.TotalWhat, journal.Total));
        sheet.Finish();
    }

    private static void Line(SheetWriter sheet, RegistrationJournalRow line) =>
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

/// <summary>«Журнал регистрации отозванных заявлений педагогических работников на аттестацию» as an Excel file.</summary>
public sealed class WithdrawalJournalWorkbook
{
    private static readonly double[] Widths = [6, 32, 44, 24, 18, 18];

    private const string One = "заявление на отзыв", Few = "заявления на отзыв", Many = "заявлений на отзыв";

    public byte[] Write(WithdrawalJournalModel model) => SheetWriter.ToBytes(stream => Write(model, stream));

    /// <summary>A journal held in memory.</summary>
    public void Write(WithdrawalJournalModel model, Stream output)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var sheet = SheetWriter.Start(output, "Журнал", WithdrawalJournalModel.Title, model.Subtitle,
            WithdrawalJournalModel.Columns, Widths);
        foreach (var group in model.Groups)
        {
            if (model.IsGrouped)
                sheet.Group(JournalText.GroupHeading(group.Heading, group.Rows.Count, One, Few, Many));
            foreach (var line in group.Rows)
                Line(sheet, line);
        }
        if (model.IsGrouped)
            sheet.Note(model.TotalLine);
        sheet.Finish();
    }

    /// <summary>A journal of any length, its lines written as they are read.</summary>
    public async Task WriteAsync(JournalExport<WithdrawalJournalRow> journal, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(journal);
        using var sheet = SheetWriter.Start(output, "Журнал", WithdrawalJournalModel.Title, journal.Subtitle,
            WithdrawalJournalModel.Columns, Widths);
        foreach (var group in journal.Groups)
        {
            if (journal.IsGrouped)
                sheet.Group(JournalText.GroupHeading(group.Heading, group.Count, One, Few, Many));
            await foreach (var line in journal.Lines(group, ct))
                Line(sheet, line);
        }
        if (journal.IsGrouped)
            sheet.Note(JournalText.TotalLine(WithdrawalJournalModel.TotalWhat, journal.Total));
        sheet.Finish();
    }

    private static void Line(SheetWriter sheet, WithdrawalJournalRow line) =>
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
