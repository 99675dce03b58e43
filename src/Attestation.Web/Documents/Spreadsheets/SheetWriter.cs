using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Attestation.Web.Documents.Spreadsheets;

/// <summary>
/// Writes the one-sheet Excel documents the users know (journals, schedules, lists) straight to a stream with the Open
/// XML SDK's forward-only writer: a merged bold title, a subtitle, a bold grey header row that is frozen and repeated on
/// every printed page, ruled data rows, group rows merged across the table, notes under it; A4 landscape, one page
/// wide, «стр. N из M» in the footer. Rows are written as they come and never held, so 5,000 rows take a fraction of a
/// second where ClosedXML's cell-by-cell model took five (bench/RESULTS.md).
/// </summary>
/// <remarks>
/// Create with <see cref="Start"/>, add rows top to bottom, then <see cref="Finish"/>. Row heights are estimated from
/// the text and the column widths (text cannot be measured on the server); Excel and LibreOffice keep them.
/// </remarks>
public sealed class SheetWriter : IDisposable
{
    public const int TitleRow = 1;
    public const int SubtitleRow = 2;
    public const int HeaderRow = 3;
    public const int FirstDataRow = 4;

    private const double LineHeight = 14.5;
    private const double CharactersPerTitleLine = 1.1;

    private readonly ZipArchive _package;
    private readonly Stream _sheetStream;
    private readonly OpenXmlWriter _writer;
    private readonly IReadOnlyList<double> _widths;
    private readonly List<string> _merged = [];
    private int _row;
    private bool _finished;

    private SheetWriter(Stream output, string sheetName, IReadOnlyList<double> widths)
    {
        _widths = widths;
        // The package is written by hand as a zip in create mode: the SDK's packaging holds every part uncompressed in
        // memory until it is saved (dotnet/Open-XML-SDK#807), a journal of 400,000 lines some 400 MB. Every part but the
        // sheet is known before the first row, so the sheet is the last entry and streams straight into the output.
        _package = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Entry("[Content_Types].xml", Package.ContentTypes);
        Entry("_rels/.rels", Package.RootRelationships);
        Entry("xl/_rels/workbook.xml.rels", Package.WorkbookRelationships);
        Entry("xl/styles.xml", Package.Xml(Styles.Sheet()));
        Entry("xl/workbook.xml", Package.Xml(Package.Workbook(sheetName)));
        _sheetStream = _package.CreateEntry(Package.SheetPath, CompressionLevel.Fastest).Open();
        _writer = OpenXmlWriter.Create(_sheetStream);
    }

    /// <summary>The column count of the table.</summary>
    public int Columns => _widths.Count;

    /// <summary>The row the next call writes (1-based).</summary>
    public int NextRow => _row + 1;

    /// <summary>Opens the sheet and writes the title, the subtitle (an empty row when null) and the header row.</summary>
    /// <param name="widths">Column widths in characters, one per column.</param>
    public static SheetWriter Start(Stream output, string sheetName, string title, string? subtitle,
        IReadOnlyList<string> columns, IReadOnlyList<double> widths, bool boldSubtitle = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentException.ThrowIfNullOrWhiteSpace(sheetName);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(widths);
        if (columns.Count != widths.Count || columns.Count == 0)
            throw new ArgumentException("Each column needs its width.", nameof(widths));

        var sheet = new SheetWriter(output, sheetName, widths);
        sheet.Open();
        var titleLines = Math.Max(1, Math.Ceiling(title.Length * CharactersPerTitleLine / widths.Sum()));
        sheet.Merged(title, Styles.Title, titleLines * 18 + 6);
        sheet.Merged(subtitle ?? "", boldSubtitle ? Styles.SubtitleBold : Styles.Subtitle, LineHeight + 4);
        sheet.WriteRow(columns.Select(c => SheetCell.Text(c)).ToList(), Styles.Header, letterWidth: 1.15);
        return sheet;
    }

    /// <summary>A ruled data row: one cell per column (missing ones are left empty but ruled).</summary>
    public void Row(params IReadOnlyList<SheetCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        WriteRow(cells, Styles.Text, letterWidth: 1.0);
    }

    /// <summary>A row of the table merged across it: a bold grey group heading, or an italic line such as a note.</summary>
    public void Group(string text, bool italic = false) =>
        Merged(text, italic ? Styles.GroupItalic : Styles.Group, FitLines(text, _widths.Sum(), 1.1) * LineHeight + 4);

    /// <summary>A line under the table, after an empty row, merged across it and not ruled.</summary>
    public void Note(string text)
    {
        _row++;
        Line(text);
    }

    /// <summary>A line under the table right after the previous one, merged across it and not ruled: bold for a heading, italic for a stage.</summary>
    public void Line(string text, bool bold = false, bool italic = false)
    {
        var style = bold ? Styles.NoteBold : italic ? Styles.NoteItalic : Styles.Note;
        Merged(text, style, FitLines(text, _widths.Sum(), bold ? 1.1 : 1.0) * LineHeight + 4);
    }

    /// <summary>Closes the sheet: merged ranges, print set-up, the workbook with the print titles. The stream is complete after it.</summary>
    public void Finish()
    {
        if (_finished)
            return;
        _finished = true;
        _writer.WriteEndElement(); // sheetData

        if (_merged.Count > 0)
        {
            _writer.WriteStartElement(new MergeCells { Count = (uint)_merged.Count });
            foreach (var range in _merged)
                _writer.WriteElement(new MergeCell { Reference = range });
            _writer.WriteEndElement();
        }

        _writer.WriteElement(new PageMargins { Left = 0.6, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        _writer.WriteElement(new PageSetup
        {
            PaperSize = 9, // A4
            Orientation = OrientationValues.Landscape,
            FitToWidth = 1,
            FitToHeight = 0,
        });
        _writer.WriteElement(new HeaderFooter(new OddFooter("&Cстр. &P из &N")));
        _writer.WriteEndElement(); // worksheet
        _writer.Close();
        _sheetStream.Dispose();
        _package.Dispose();
    }

    /// <summary>Writes a whole document into memory: for the pages that answer with bytes.</summary>
    public static byte[] ToBytes(Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }

    public void Dispose()
    {
        if (!_finished)
        {
            _writer.Dispose();
            _sheetStream.Dispose();
            _package.Dispose();
        }
    }

    private void Entry(string path, string xml)
    {
        using var stream = _package.CreateEntry(path, CompressionLevel.Fastest).Open();
        using var text = new StreamWriter(stream, Package.Utf8);
        text.Write(xml);
    }

    private void Open()
    {
        _writer.WriteStartElement(new Worksheet());
        _writer.WriteStartElement(new SheetProperties());
        _writer.WriteElement(new PageSetupProperties { FitToPage = true });
        _writer.WriteEndElement();
        _writer.WriteElement(new SheetViews(new SheetView(new Pane
        {
            VerticalSplit = HeaderRow,
            TopLeftCell = $"A{FirstDataRow}",
            ActivePane = PaneValues.BottomLeft,
            State = PaneStateValues.Frozen,
        })
        { WorkbookViewId = 0 }));
        _writer.WriteStartElement(new DocumentFormat.OpenXml.Spreadsheet.Columns());
        for (var i = 0; i < _widths.Count; i++)
        {
            var index = (uint)(i + 1);
            _writer.WriteElement(new Column { Min = index, Max = index, Width = _widths[i], CustomWidth = true });
        }
        _writer.WriteEndElement();
        _writer.WriteStartElement(new SheetData());
    }

    private void WriteRow(IReadOnlyList<SheetCell> cells, uint style, double letterWidth)
    {
        _row++;
        var lines = 1;
        for (var i = 0; i < _widths.Count && i < cells.Count; i++)
            lines = Math.Max(lines, FitLines(cells[i].Display, _widths[i], letterWidth));

        _writer.WriteStartElement(new Row { RowIndex = (uint)_row, Height = lines * LineHeight + 2, CustomHeight = true });
        for (var i = 0; i < _widths.Count; i++)
        {
            var cell = i < cells.Count ? cells[i] : SheetCell.Text(null);
            var cellStyle = style == Styles.Header ? Styles.Header : cell.Style;
            WriteCell(i, cell, cellStyle);
        }
        _writer.WriteEndElement();
    }

    private void Merged(string text, uint style, double height)
    {
        _row++;
        _writer.WriteStartElement(new Row { RowIndex = (uint)_row, Height = height, CustomHeight = true });
        WriteCell(0, SheetCell.Text(text), style);
        // The other cells of a merged range carry its style too, so that the rules are drawn all along it.
        for (var i = 1; i < _widths.Count; i++)
            WriteCell(i, default, style);
        _writer.WriteEndElement();
        if (_widths.Count > 1)
            _merged.Add($"A{_row}:{ColumnName(_widths.Count - 1)}{_row}");
    }

    private void WriteCell(int column, SheetCell cell, uint style)
    {
        var reference = ColumnName(column) + _row.ToString(CultureInfo.InvariantCulture);
        if (cell.Number is { } number)
        {
            _writer.WriteElement(new Cell
            {
                CellReference = reference,
                StyleIndex = style,
                CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)),
            });
        }
        else if (cell.Date is { } date)
        {
            _writer.WriteElement(new Cell
            {
                CellReference = reference,
                StyleIndex = style,
                CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
            });
        }
        else if (!string.IsNullOrEmpty(cell.Value))
        {
            _writer.WriteElement(new Cell
            {
                CellReference = reference,
                StyleIndex = style,
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(cell.Value) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }
        else
        {
            _writer.WriteElement(new Cell { CellReference = reference, StyleIndex = style });
        }
    }

    /// <summary>How many lines the text takes in a column this wide (in characters; bold letters are wider).</summary>
    private static int FitLines(string? text, double width, double letterWidth)
    {
        if (string.IsNullOrEmpty(text))
            return 1;
        // A little less than the column: the cell's padding and the ragged end of wrapped lines.
        var perLine = Math.Max(1, (width - 1.5) / letterWidth);
        return text.Split('\n').Sum(line => Math.Max(1, (int)Math.Ceiling(line.Length / perLine)));
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + ((n - 1) % 26)) + name;
        return name;
    }

    /// <summary>The cell formats of the sheet, by index into the stylesheet's cellXfs.</summary>
    /// <summary>The fixed parts of the one-sheet workbook: content types, relationships, the workbook with the print titles.</summary>
    private static class Package
    {
        public const string SheetPath = "xl/worksheets/sheet1.xml";

        private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
        private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

        public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        public const string ContentTypes = Declaration
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            + "</Types>";

        public const string RootRelationships = Declaration
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "</Relationships>";

        public const string WorkbookRelationships = Declaration
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
            + "</Relationships>";

        /// <summary>The workbook of one sheet whose header row is repeated on every printed page.</summary>
        public static Workbook Workbook(string sheetName)
        {
            var quoted = sheetName.Replace("'", "''", StringComparison.Ordinal);
            var workbook = new Workbook(
                new BookViews(new WorkbookView()),
                new Sheets(new Sheet { Name = sheetName, SheetId = 1, Id = "rId1" }),
                new DefinedNames(new DefinedName(string.Create(CultureInfo.InvariantCulture, $"'{quoted}'!${HeaderRow}:${HeaderRow}"))
                {
                    Name = "_xlnm.Print_Titles",
                    LocalSheetId = 0,
                }));
            workbook.AddNamespaceDeclaration("r", RelationshipsNamespace);
            return workbook;
        }

        public static string Xml(OpenXmlElement root) => Declaration + root.OuterXml;
    }

    internal static class Styles
    {
        public const uint Default = 0;
        public const uint Title = 1;
        public const uint Subtitle = 2;
        public const uint SubtitleBold = 3;
        public const uint Header = 4;
        public const uint Text = 5;
        public const uint Centered = 6;
        public const uint Date = 7;
        public const uint Group = 8;
        public const uint GroupItalic = 9;
        public const uint Note = 10;
        public const uint NoteBold = 11;
        public const uint NoteItalic = 12;

        private const uint DateFormatId = 164;

        public static Stylesheet Sheet()
        {
            static Font Font(double size, bool bold = false, bool italic = false)
            {
                var font = new Font();
                if (bold)
                    font.Append(new Bold());
                if (italic)
                    font.Append(new Italic());
                font.Append(new FontSize { Val = size }, new FontName { Val = "Times New Roman" }, new FontFamilyNumbering { Val = 1 });
                return font;
            }

            static CellFormat Format(uint font, uint fill, uint border, HorizontalAlignmentValues horizontal,
                VerticalAlignmentValues vertical, uint numberFormat = 0) => new(new Alignment
                {
                    Horizontal = horizontal,
                    Vertical = vertical,
                    WrapText = true,
                })
            {
                FontId = font,
                FillId = fill,
                BorderId = border,
                NumberFormatId = numberFormat,
                ApplyFont = true,
                ApplyFill = fill != 0,
                ApplyBorder = border != 0,
                ApplyAlignment = true,
                ApplyNumberFormat = numberFormat != 0,
            };

            var thin = new Border(
                new LeftBorder { Style = BorderStyleValues.Thin, Color = new Color { Auto = true } },
                new RightBorder { Style = BorderStyleValues.Thin, Color = new Color { Auto = true } },
                new TopBorder { Style = BorderStyleValues.Thin, Color = new Color { Auto = true } },
                new BottomBorder { Style = BorderStyleValues.Thin, Color = new Color { Auto = true } },
                new DiagonalBorder());

            var left = HorizontalAlignmentValues.Left;
            var center = HorizontalAlignmentValues.Center;
            var top = VerticalAlignmentValues.Top;
            var middle = VerticalAlignmentValues.Center;
            return new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "dd.mm.yyyy" }) { Count = 1 },
                new Fonts(Font(11), Font(11, bold: true), Font(13, bold: true), Font(11, italic: true)) { Count = 4 },
                new Fills(
                    new Fill(new PatternFill { PatternType = PatternValues.None }),
                    new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                    new Fill(new PatternFill(new ForegroundColor { Rgb = "FFF2F2F2" }, new BackgroundColor { Indexed = 64 })
                    {
                        PatternType = PatternValues.Solid,
                    }))
                { Count = 3 },
                new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin) { Count = 2 },
                new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 }) { Count = 1 },
                new CellFormats(
                    Format(0, 0, 0, left, top),             // Default
                    Format(2, 0, 0, center, middle),        // Title
                    Format(0, 0, 0, center, middle),        // Subtitle
                    Format(1, 0, 0, center, middle),        // SubtitleBold
                    Format(1, 2, 1, center, middle),        // Header
                    Format(0, 0, 1, left, top),             // Text
                    Format(0, 0, 1, center, top),           // Centered
                    Format(0, 0, 1, center, top, DateFormatId), // Date
                    Format(1, 2, 1, left, top),             // Group
                    Format(3, 0, 1, left, top),             // GroupItalic
                    Format(0, 0, 0, left, top),             // Note
                    Format(1, 0, 0, left, top),             // NoteBold
                    Format(3, 0, 0, left, top))             // NoteItalic
                { Count = 13 },
                new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
        }
    }
}

/// <summary>A value of a data row: text (left or centred), a number or a date (centred, «dd.mm.yyyy»).</summary>
public readonly record struct SheetCell
{
    public string? Value { get; private init; }

    public double? Number { get; private init; }

    public DateOnly? Date { get; private init; }

    internal uint Style { get; private init; }

    /// <summary>What the cell shows, for fitting the row's height.</summary>
    internal string? Display => Value
        ?? Number?.ToString(CultureInfo.InvariantCulture)
        ?? (Date is { } date ? DocumentText.Date(date) : null);

    public static SheetCell Text(string? value) => new() { Value = value, Style = SheetWriter.Styles.Text };

    public static SheetCell Centered(string? value) => new() { Value = value, Style = SheetWriter.Styles.Centered };

    public static SheetCell Count(int value) => new() { Number = value, Style = SheetWriter.Styles.Centered };

    /// <summary>A number with a fraction (a share in per cent, a median of days), centred.</summary>
    public static SheetCell Fraction(double value) => new() { Number = value, Style = SheetWriter.Styles.Centered };

    /// <summary>A date cell; an empty ruled cell when there is no date.</summary>
    public static SheetCell Day(DateOnly? value) => new() { Date = value, Style = value is null ? SheetWriter.Styles.Text : SheetWriter.Styles.Date };
}
