using ClosedXML.Excel;

namespace Attestation.Web.Documents.Spreadsheets;

/// <summary>«Журнал регистрации заявлений педагогических работников на аттестацию» as an Excel file.</summary>
public sealed class RegistrationJournalWorkbook
{
    private static readonly double[] Widths = [6, 30, 18, 14, 18, 14, 12, 22, 40];

    public byte[] Write(RegistrationJournalModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var book = new XLWorkbook();
        var columns = RegistrationJournalModel.Columns;
        var sheet = SheetLayout.Start(book, "Журнал", RegistrationJournalModel.Title, model.Subtitle, columns, Widths);

        var groups = new JournalGroups(sheet, columns.Count, model.IsGrouped);
        foreach (var group in model.Groups)
        {
            groups.Head(group, "заявление", "заявления", "заявлений");
            foreach (var line in group.Rows)
            {
                var row = groups.NextRow();
                sheet.Cell(row, 1).Value = line.Number;
                SheetLayout.Center(sheet.Cell(row, 1));
                sheet.Cell(row, 2).Value = line.FullName;
                sheet.Cell(row, 3).Value = line.HeldCategory;
                SheetLayout.Center(sheet.Cell(row, 3));
                SheetLayout.SetDate(sheet.Cell(row, 4), line.HeldCategoryExpiresOn);
                sheet.Cell(row, 5).Value = line.ClaimedCategory;
                SheetLayout.Center(sheet.Cell(row, 5));
                sheet.Cell(row, 6).Value = line.Form;
                SheetLayout.Center(sheet.Cell(row, 6));
                SheetLayout.SetDate(sheet.Cell(row, 7), line.SubmittedOn);
                sheet.Cell(row, 8).Value = line.Registration ?? "";
                SheetLayout.Center(sheet.Cell(row, 8));
                sheet.Cell(row, 9).Value = line.Status;
            }
        }

        groups.Finish(model.IsGrouped ? model.TotalLine : null);
        return SheetLayout.Save(book);
    }
}

/// <summary>«Журнал регистрации отозванных заявлений педагогических работников на аттестацию» as an Excel file.</summary>
public sealed class WithdrawalJournalWorkbook
{
    private static readonly double[] Widths = [6, 32, 44, 24, 18, 18];

    public byte[] Write(WithdrawalJournalModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var book = new XLWorkbook();
        var columns = WithdrawalJournalModel.Columns;
        var sheet = SheetLayout.Start(book, "Журнал", WithdrawalJournalModel.Title, model.Subtitle, columns, Widths);

        var groups = new JournalGroups(sheet, columns.Count, model.IsGrouped);
        foreach (var group in model.Groups)
        {
            groups.Head(group, "заявление на отзыв", "заявления на отзыв", "заявлений на отзыв");
            foreach (var line in group.Rows)
            {
                var row = groups.NextRow();
                sheet.Cell(row, 1).Value = line.Number;
                SheetLayout.Center(sheet.Cell(row, 1));
                sheet.Cell(row, 2).Value = line.FullName;
                sheet.Cell(row, 3).Value = line.Reason;
                sheet.Cell(row, 4).Value = line.FiledBy;
                SheetLayout.Center(sheet.Cell(row, 4));
                SheetLayout.SetDate(sheet.Cell(row, 5), line.FiledOn);
                if (line.RegisteredOn is { } registered)
                {
                    SheetLayout.SetDate(sheet.Cell(row, 6), registered);
                }
                else
                {
                    sheet.Cell(row, 6).Value = WithdrawalJournalModel.NotRegistered;
                    SheetLayout.Center(sheet.Cell(row, 6));
                }
            }
        }

        groups.Finish(model.IsGrouped ? model.TotalLine : null);
        return SheetLayout.Save(book);
    }
}

/// <summary>
/// The rows of a journal sheet: in the region's journal each municipality's lines under a merged, shaded heading row
/// with its count, as the consolidated schedule heads its municipalities.
/// </summary>
internal sealed class JournalGroups(IXLWorksheet sheet, int columnCount, bool grouped)
{
    private readonly List<int> _headings = [];
    private int _next = SheetLayout.FirstDataRow;

    public void Head<TRow>(JournalGroup<TRow> group, string one, string few, string many)
    {
        if (!grouped)
            return;
        var count = group.Rows.Count;
        var heading = sheet.Range(_next, 1, _next, columnCount).Merge();
        heading.FirstCell().Value = $"{group.Heading} — {count} {DocumentText.Plural(count, one, few, many)}";
        heading.Style.Font.Bold = true;
        heading.Style.Fill.BackgroundColor = XLColor.FromHtml("#F2F2F2");
        _headings.Add(_next++);
    }

    public int NextRow() => _next++;

    /// <summary>Borders and print set-up round the rows written, and the total line under them.</summary>
    public void Finish(string? totalLine)
    {
        var lastRow = _next - 1;
        SheetLayout.Finish(sheet, lastRow, columnCount);
        // Finish measures a row by its first cell's column; a heading merged across the table fits one line.
        foreach (var row in _headings)
            sheet.Row(row).Height = 18;
        if (totalLine is not null)
            SheetLayout.Note(sheet, lastRow + 2, columnCount, totalLine);
    }
}
