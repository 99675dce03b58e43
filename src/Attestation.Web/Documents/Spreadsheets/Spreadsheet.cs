namespace Attestation.Web.Documents.Spreadsheets;

/// <summary>How a generated spreadsheet is sent: <c>this.Attachment(bytes, Spreadsheet.ContentType, name + Spreadsheet.Extension)</c>.</summary>
public static class Spreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Extension = ".xlsx";
}
