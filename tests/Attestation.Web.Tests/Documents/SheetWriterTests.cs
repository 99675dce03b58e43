using Attestation.Web.Documents.Spreadsheets;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Attestation.Web.Tests.Documents;

/// <summary>The workbook is written as a stream of zip entries, never held: it must still be a valid Excel file.</summary>
public sealed class SheetWriterTests
{
    [Fact]
    public void A_sheet_written_to_a_forward_only_stream_is_a_valid_workbook_with_its_print_titles()
    {
        using var buffer = new MemoryStream();
        using (var forwardOnly = new ForwardOnlyStream(buffer))
        using (var sheet = SheetWriter.Start(forwardOnly, "Журнал", "Заголовок", "подзаголовок", ["№", "ФИО"], [6, 30]))
        {
            sheet.Group("Муниципальное образование \"Город Томск\" — 2 заявления");
            sheet.Row(SheetCell.Count(1), SheetCell.Text("Иванова Мария Петровна"));
            sheet.Row(SheetCell.Count(2), SheetCell.Day(new DateOnly(2026, 12, 4)));
            sheet.Note("Всего заявлений: 2");
            sheet.Finish();
        }

        buffer.Position = 0;
        using var document = SpreadsheetDocument.Open(buffer, isEditable: false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
        var workbook = document.WorkbookPart!.Workbook;
        Assert.Equal("Журнал", workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single().Name!.Value);
        Assert.Equal("'Журнал'!$3:$3", workbook.DefinedNames!.Elements<DocumentFormat.OpenXml.Spreadsheet.DefinedName>().Single().Text);

        buffer.Position = 0;
        using var book = Downloads.OpenWorkbook(buffer.ToArray());
        var read = book.Worksheet(1);
        Assert.Equal("Иванова Мария Петровна", read.Cell(5, 2).GetString());
        Assert.Equal(new DateTime(2026, 12, 4), read.Cell(6, 2).GetDateTime());
        Assert.Equal("Всего заявлений: 2", read.Cell(8, 1).GetString());
    }

    /// <summary>Like an HTTP response body: written once, front to back, no seeking and no reading.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        private long _written;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _written; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            _written += count;
        }
    }
}
