namespace Attestation.Web.Documents.Spreadsheets;

/// <summary>«Журнал регистрации заявлений педагогических работников на аттестацию» as an Excel file: the PDF's columns and rows.</summary>
public sealed class RegistrationJournalWorkbook
{
    private static readonly JournalSheet<RegistrationJournalRow> Sheet = new(
        RegistrationJournalModel.Title,
        RegistrationJournalModel.Columns,
        // In characters: the nine columns fill an A4 landscape page.
        [6, 30, 18, 14, 18, 14, 12, 22, 40],
        ("заявление", "заявления", "заявлений"),
        RegistrationJournalModel.TotalWhat,
        line =>
        [
            SheetCell.Count(line.Number),
            SheetCell.Text(line.FullName),
            SheetCell.Centered(line.HeldCategory),
            SheetCell.Day(line.HeldCategoryExpiresOn),
            SheetCell.Centered(line.ClaimedCategory),
            SheetCell.Centered(line.Form),
            SheetCell.Day(line.SubmittedOn),
            SheetCell.Centered(line.Registration),
            SheetCell.Text(line.Status),
        ]);

    /// <summary>A journal of any length, its lines written as they are read.</summary>
    public Task WriteAsync(JournalExport<RegistrationJournalRow> journal, Stream output, CancellationToken ct) =>
        Sheet.WriteAsync(journal, output, ct);

    /// <summary>A journal held in memory, into bytes.</summary>
    public Task<byte[]> WriteAsync(RegistrationJournalModel model, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Sheet.ToBytesAsync(JournalExport.InMemory(model.Filter, model.Municipality, model.Groups), ct);
    }
}

/// <summary>«Журнал регистрации отозванных заявлений педагогических работников на аттестацию» as an Excel file.</summary>
public sealed class WithdrawalJournalWorkbook
{
    private static readonly JournalSheet<WithdrawalJournalRow> Sheet = new(
        WithdrawalJournalModel.Title,
        WithdrawalJournalModel.Columns,
        [6, 32, 44, 24, 18, 18],
        ("заявление на отзыв", "заявления на отзыв", "заявлений на отзыв"),
        WithdrawalJournalModel.TotalWhat,
        line =>
        [
            SheetCell.Count(line.Number),
            SheetCell.Text(line.FullName),
            SheetCell.Text(line.Reason),
            SheetCell.Centered(line.FiledBy),
            SheetCell.Day(line.FiledOn),
            line.RegisteredOn is { } registered
                ? SheetCell.Day(registered)
                : SheetCell.Centered(WithdrawalJournalModel.NotRegistered),
        ]);

    /// <summary>A journal of any length, its lines written as they are read.</summary>
    public Task WriteAsync(JournalExport<WithdrawalJournalRow> journal, Stream output, CancellationToken ct) =>
        Sheet.WriteAsync(journal, output, ct);
}

/// <summary>
/// The sheet both journals share: title, subtitle, header, a heading per municipality in the region's journal
/// («Муниципальное образование "Город Томск" — 12 заявлений»), the lines, the total under the region's journal.
/// </summary>
internal sealed class JournalSheet<TRow>(
    string title,
    IReadOnlyList<string> columns,
    double[] widths,
    (string One, string Few, string Many) noun,
    string totalWhat,
    Func<TRow, IReadOnlyList<SheetCell>> cells)
{
    public async Task WriteAsync(JournalExport<TRow> journal, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(journal);
        using var sheet = SheetWriter.Start(output, "Журнал", title, journal.Subtitle, columns, widths);
        foreach (var group in journal.Groups)
        {
            if (journal.IsGrouped)
                sheet.Group(JournalText.GroupHeading(group.Heading, group.Count, noun.One, noun.Few, noun.Many));
            await foreach (var line in journal.Lines(group, ct))
                sheet.Row(cells(line));
        }
        if (journal.IsGrouped)
            sheet.Note(JournalText.TotalLine(totalWhat, journal.Total));
        sheet.Finish();
    }

    public async Task<byte[]> ToBytesAsync(JournalExport<TRow> journal, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        await WriteAsync(journal, stream, ct);
        return stream.ToArray();
    }
}
