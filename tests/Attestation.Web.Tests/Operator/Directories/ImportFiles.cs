using Attestation.Testing;
using ClosedXML.Excel;

namespace Attestation.Web.Tests.Operator.Directories;

/// <summary>Excel files as an operator fills them: the template's header row, then his rows.</summary>
internal static class ImportFiles
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Workbook(IReadOnlyList<string> header, params string[][] rows)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("Лист1");
        for (var column = 0; column < header.Count; column++)
            sheet.Cell(1, column + 1).Value = header[column];
        for (var row = 0; row < rows.Length; row++)
            for (var column = 0; column < rows[row].Length; column++)
                sheet.Cell(row + 2, column + 1).SetValue(rows[row][column]);
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    public static ChosenFile Upload(byte[] content, string fileName = "список.xlsx") => new("Upload", fileName, content, ContentType);

    public static XLWorkbook Open(byte[] content) => new(new MemoryStream(content));
}
