using System.IO.Compression;
using Attestation.Web.Documents.Spreadsheets;
using Attestation.Web.Storage;
using ClosedXML.Excel;

namespace Attestation.Web.Areas.Operator.Pages.Directories.Import;

/// <summary>
/// A column of an import file: its header in the template, width, and the value of the example row. A header the
/// template had before (<paramref name="FormerHeader"/>) is still read, so that a file made from an older template loads.
/// </summary>
public sealed record ImportColumn(string Header, double Width, string Example, string Hint, string? FormerHeader = null)
{
    public bool IsHeadedBy(string header) =>
        DirectoryNames.Same(header, Header) || (FormerHeader is not null && DirectoryNames.Same(header, FormerHeader));
}

/// <summary>A filled row of the import sheet: its number as Excel shows it and the trimmed text of each column.</summary>
public sealed record SheetRow(int Number, IReadOnlyList<string> Cells)
{
    public string this[int column] => Cells[column];
}

/// <summary>A problem of one row, shown in the preview: «Строка 5, „Муниципальное образование“: … не найдено».</summary>
public sealed record ImportProblem(int Row, string Column, string Message);

/// <summary>
/// The Excel side of the imports: the check that an upload is really an .xlsx workbook (UploadValidator takes only PDF
/// and images), reading the rows under the header, and the downloadable template.
/// </summary>
public static class ImportWorkbook
{
    /// <summary>A list of a few thousand rows is some hundreds of kilobytes.</summary>
    public const long MaxBytes = 2 * 1024 * 1024;

    public const int MaxRows = 5000;

    /// <summary>An .xlsx is a ZIP: a small file that unpacks to gigabytes is refused before ClosedXML reads it.</summary>
    private const long MaxUnpackedBytes = 100 * 1024 * 1024;

    private const int HeaderRow = 1;

    private static ReadOnlySpan<byte> ZipSignature => [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The uploaded file's bytes (scanned for viruses by <paramref name="uploads"/>), or a Russian message for the file field.</summary>
    public static async Task<(byte[]? Content, string? Error)> ReadUploadAsync(UploadValidator uploads, IFormFile? file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        if (file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName)))
            return (null, "Выберите файл Excel (.xlsx).");
        if (file.Length == 0)
            return (null, "Файл пуст.");
        var tooLarge = $"Файл больше {UploadValidator.SizeText(MaxBytes)}: разделите список на несколько файлов.";
        if (file.Length > MaxBytes)
            return (null, tooLarge);

        var (content, error) = await uploads.ReadAsync(file, MaxBytes, tooLarge, ct);
        if (content is null)
            return (null, error);
        if (content.Length == 0)
            return (null, "Файл пуст.");
        error = Check(content);
        return error is null ? (content, null) : (null, error);
    }

    /// <summary>Null when <paramref name="content"/> is an .xlsx workbook ClosedXML can open; a Russian message otherwise.</summary>
    public static string? Check(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        const string notXlsx = "Файл не является книгой Excel в формате .xlsx. Сохраните его в Excel как «Книга Excel (*.xlsx)» и загрузите снова.";
        if (!content.AsSpan().StartsWith(ZipSignature))
            return notXlsx;
        try
        {
            using (var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read))
            {
                if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
                    return "Файл слишком велик в распакованном виде.";
            }

            using var book = Open(content);
            return book.Worksheets.Count == 0 ? "В книге нет ни одного листа." : null;
        }
        // ClosedXML, System.IO.Packaging and the ZIP reader throw many types for a damaged file; all mean the same here.
        catch (Exception)
        {
            return notXlsx;
        }
    }

    public static XLWorkbook Open(byte[] content) => new(new MemoryStream(content, writable: false));

    /// <summary>
    /// The filled rows of the first sheet under the header; an error instead when the header is not the template's or
    /// there are too many rows. Empty rows are skipped; so is the template's example row left in place.
    /// </summary>
    public static (IReadOnlyList<SheetRow> Rows, IReadOnlyList<int> ExampleRows, string? Error) ReadRows(
        XLWorkbook book, IReadOnlyList<ImportColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(columns);
        var sheet = book.Worksheets.First();
        var headers = columns.Select((_, i) => Text(sheet.Cell(HeaderRow, i + 1))).ToList();
        if (!headers.Select((header, i) => columns[i].IsHeadedBy(header)).All(same => same))
            return ([], [], $"В первой строке листа «{sheet.Name}» должны быть заголовки шаблона: "
                + string.Join(", ", columns.Select(c => $"«{c.Header}»"))
                + ". Скачайте шаблон и перенесите данные в него.");

        var last = sheet.LastRowUsed()?.RowNumber() ?? HeaderRow;
        if (last - HeaderRow > MaxRows)
            return ([], [], $"В файле больше {MaxRows} строк: разделите список на несколько файлов.");

        var rows = new List<SheetRow>();
        var examples = new List<int>();
        for (var number = HeaderRow + 1; number <= last; number++)
        {
            var cells = columns.Select((_, i) => Text(sheet.Cell(number, i + 1))).ToList();
            if (cells.All(c => c.Length == 0))
                continue;
            if (cells.Select((c, i) => DirectoryNames.Same(c, columns[i].Example)).All(same => same))
            {
                examples.Add(number);
                continue;
            }
            rows.Add(new SheetRow(number, cells));
        }
        return (rows, examples, null);
    }

    /// <summary>
    /// The template: the header and one example row on the first sheet (what the import reads), column widths set by
    /// hand (measuring text needs GDI+, absent on Linux), and a second sheet with the hints and the values the
    /// directory accepts, to copy from.
    /// </summary>
    public static byte[] Template(string sheetName, IReadOnlyList<ImportColumn> columns,
        IReadOnlyList<(string Title, IReadOnlyList<string> Values)> references)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(references);
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add(sheetName);
        sheet.Style.Font.FontName = "Times New Roman";
        sheet.Style.Font.FontSize = 11;
        for (var i = 0; i < columns.Count; i++)
        {
            sheet.Column(i + 1).Width = columns[i].Width;
            sheet.Cell(HeaderRow, i + 1).Value = columns[i].Header;
            var example = sheet.Cell(HeaderRow + 1, i + 1);
            example.SetValue(columns[i].Example);
        }

        var header = sheet.Range(HeaderRow, 1, HeaderRow, columns.Count);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#F2F2F2");
        header.Style.Alignment.WrapText = true;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        header.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        header.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        var exampleRow = sheet.Range(HeaderRow + 1, 1, HeaderRow + 1, columns.Count);
        exampleRow.Style.Font.Italic = true;
        exampleRow.Style.Font.FontColor = XLColor.FromHtml("#666666");
        sheet.SheetView.FreezeRows(HeaderRow);

        var help = book.Worksheets.Add("Справка");
        help.Style.Font.FontName = "Times New Roman";
        help.Style.Font.FontSize = 11;
        help.Column(1).Width = 34;
        help.Column(2).Width = 90;
        help.Cell(1, 1).Value = "Как заполнять";
        help.Cell(1, 1).Style.Font.Bold = true;
        help.Cell(2, 1).Value = $"Заполняйте лист «{sheetName}» начиная со второй строки; первую строку (заголовки) не меняйте. Строку-пример можно заменить или оставить: она не загружается.";
        help.Range(2, 1, 2, 2).Merge().Style.Alignment.WrapText = true;
        help.Row(2).Height = 30;
        var row = 4;
        foreach (var column in columns)
        {
            help.Cell(row, 1).Value = column.Header;
            help.Cell(row, 1).Style.Font.Bold = true;
            help.Cell(row, 2).Value = column.Hint;
            help.Cell(row, 2).Style.Alignment.WrapText = true;
            row++;
        }

        foreach (var (title, values) in references)
        {
            row++;
            help.Cell(row, 1).Value = title;
            help.Cell(row, 1).Style.Font.Bold = true;
            row++;
            foreach (var value in values)
                help.Cell(row++, 1).SetValue(value);
        }

        book.Worksheet(1).SetTabActive();
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    public static string TemplateFileName(string name) => name + Spreadsheet.Extension;

    /// <summary>«да» / «нет» (also 1/0, +/−, true/false); null when the text is none of them.</summary>
    public static bool? YesNo(string text) => DirectoryNames.Key(text) switch
    {
        "" or "НЕТ" or "0" or "-" or "−" or "FALSE" or "ЛОЖЬ" => false,
        "ДА" or "1" or "+" or "TRUE" or "ИСТИНА" => true,
        _ => null,
    };

    private static string Text(IXLCell cell) => cell.GetFormattedString().Trim();
}
