using ClosedXML.Excel;

namespace Attestation.Web.Documents.Spreadsheets;

/// <summary>How a generated spreadsheet is sent: <c>this.Attachment(bytes, Spreadsheet.ContentType, name + Spreadsheet.Extension)</c>.</summary>
public static class Spreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Extension = ".xlsx";
}

/// <summary>
/// The layout every portal spreadsheet shares, like the ruled grid of the PDFs: the title merged across the table in
/// row 1, a subtitle in row 2, the bold header in row 3 (frozen, and repeated on every printed page), the rows below,
/// thin borders, A4 landscape fitted to the page width, page numbers in the footer. Column widths are set by hand:
/// measuring text (AdjustToContents) needs GDI+, which Linux does not have.
/// </summary>
internal static class SheetLayout
{
    public const int TitleRow = 1;
    public const int SubtitleRow = 2;
    public const int HeaderRow = 3;
    public const int FirstDataRow = 4;

    /// <summary>An Excel number format: «mm» is the month here.</summary>
    private const string DateFormat = "dd.mm.yyyy";

    /// <summary>A bold 13 pt letter of the title takes about this many column-width characters (for the title row height: Excel does not grow merged cells).</summary>
    private const double CharactersPerTitleLine = 1.1;

    public static IXLWorksheet Start(XLWorkbook book, string sheetName, string title, string? subtitle,
        IReadOnlyList<string> columns, IReadOnlyList<double> widths)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(widths);
        if (columns.Count != widths.Count)
            throw new ArgumentException("Each column needs its width.", nameof(widths));

        var sheet = book.Worksheets.Add(sheetName);
        sheet.Style.Font.FontName = "Times New Roman";
        sheet.Style.Font.FontSize = 11;
        sheet.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        sheet.Style.Alignment.WrapText = true;
        for (var i = 0; i < widths.Count; i++)
            sheet.Column(i + 1).Width = widths[i];

        var titleRange = sheet.Range(TitleRow, 1, TitleRow, columns.Count).Merge();
        titleRange.FirstCell().Value = title;
        titleRange.Style.Font.Bold = true;
        titleRange.Style.Font.FontSize = 13;
        titleRange.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        titleRange.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        var lines = Math.Ceiling(title.Length * CharactersPerTitleLine / widths.Sum());
        sheet.Row(TitleRow).Height = Math.Max(1, lines) * 18 + 6;

        var subtitleRange = sheet.Range(SubtitleRow, 1, SubtitleRow, columns.Count).Merge();
        subtitleRange.FirstCell().Value = subtitle ?? "";
        subtitleRange.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;

        for (var i = 0; i < columns.Count; i++)
            sheet.Cell(HeaderRow, i + 1).Value = columns[i];
        var header = sheet.Range(HeaderRow, 1, HeaderRow, columns.Count);
        header.Style.Font.Bold = true;
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#F2F2F2");
        return sheet;
    }

    /// <summary>A date cell that Excel sorts and filters as a date.</summary>
    public static void SetDate(IXLCell cell, DateOnly? date)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (date is not { } value)
            return;
        cell.Value = value.ToDateTime(TimeOnly.MinValue);
        cell.Style.DateFormat.Format = DateFormat;
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
    }

    public static void Center(IXLCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
    }

    /// <summary>Points per line of 11 pt text, with the cell's padding.</summary>
    private const double LineHeight = 14.5;

    /// <summary>
    /// Borders round the header and the rows, row heights that show every wrapped line, the frozen header, and the
    /// print set-up.
    /// </summary>
    public static void Finish(IXLWorksheet sheet, int lastRow, int columnCount)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        for (var row = HeaderRow; row <= lastRow; row++)
            FitHeight(sheet, row, columnCount, row == HeaderRow ? 1.15 : 1.0);

        var table = sheet.Range(HeaderRow, 1, Math.Max(lastRow, HeaderRow), columnCount);
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;

        sheet.SheetView.FreezeRows(HeaderRow);

        var page = sheet.PageSetup;
        page.PaperSize = XLPaperSize.A4Paper;
        page.PageOrientation = XLPageOrientation.Landscape;
        page.FitToPages(1, 0);
        page.SetRowsToRepeatAtTop(HeaderRow, HeaderRow);
        page.Margins.Left = 0.6;
        page.Margins.Right = 0.4;
        page.Margins.Top = 0.6;
        page.Margins.Bottom = 0.6;
        page.CenterHorizontally = true;
        page.Footer.Center.AddText("стр. ", XLHFOccurrence.AllPages);
        page.Footer.Center.AddText(XLHFPredefinedText.PageNumber, XLHFOccurrence.AllPages);
        page.Footer.Center.AddText(" из ", XLHFOccurrence.AllPages);
        page.Footer.Center.AddText(XLHFPredefinedText.NumberOfPages, XLHFOccurrence.AllPages);
    }

    /// <summary>
    /// Excel and LibreOffice keep a row at the default height when it is opened, whatever its wrapped cells hold, and
    /// text cannot be measured here (no GDI+): the height is estimated from the text's length and the column widths.
    /// <paramref name="letterWidth"/> is the width of a letter in column-width units (bold letters are wider).
    /// </summary>
    private static void FitHeight(IXLWorksheet sheet, int row, int columnCount, double letterWidth)
    {
        var lines = 1;
        for (var column = 1; column <= columnCount; column++)
        {
            var cell = sheet.Cell(row, column);
            if (cell.IsEmpty())
                continue;
            // A little less than the column: the cell's padding and the ragged end of wrapped lines.
            var perLine = Math.Max(1, (sheet.Column(column).Width - 1.5) / letterWidth);
            var needed = cell.GetFormattedString()
                .Split('\n')
                .Sum(line => Math.Max(1, (int)Math.Ceiling(line.Length / perLine)));
            lines = Math.Max(lines, needed);
        }
        sheet.Row(row).Height = lines * LineHeight + 2;
    }

    /// <summary>A line of text under the table, merged across it.</summary>
    public static void Note(IXLWorksheet sheet, int row, int columnCount, string text)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var range = sheet.Range(row, 1, row, columnCount).Merge();
        range.FirstCell().Value = text;
        range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
    }

    public static byte[] Save(XLWorkbook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }
}
