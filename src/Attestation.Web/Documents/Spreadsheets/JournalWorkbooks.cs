using ClosedXML.Excel;

namespace Attestation.Web.Documents.Spreadsheets;

/// <summary>«Журнал регистрации заявлений педагогических работников на аттестацию» as an Excel file.</summary>
public sealed class RegistrationJournalWorkbook
{
    private static readonly double[] Widths = [6, 30, 18, 14, 16, 14, 12, 18, 40];

    public byte[] Write(RegistrationJournalModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var book = new XLWorkbook();
        var columns = RegistrationJournalModel.Columns;
        var sheet = SheetLayout.Start(book, "Журнал", RegistrationJournalModel.Title, model.Subtitle, columns, Widths);

        var row = SheetLayout.FirstDataRow;
        foreach (var line in model.Rows)
        {
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
            row++;
        }

        SheetLayout.Finish(sheet, row - 1, columns.Count);
        return SheetLayout.Save(book);
    }
}

/// <summary>«Журнал регистрации отозванных заявлений» as an Excel file.</summary>
public sealed class WithdrawalJournalWorkbook
{
    private static readonly double[] Widths = [6, 32, 44, 24, 18, 18];

    public byte[] Write(WithdrawalJournalModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var book = new XLWorkbook();
        var columns = WithdrawalJournalModel.Columns;
        var sheet = SheetLayout.Start(book, "Журнал", WithdrawalJournalModel.Title, model.Subtitle, columns, Widths);

        var row = SheetLayout.FirstDataRow;
        foreach (var line in model.Rows)
        {
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
            row++;
        }

        SheetLayout.Finish(sheet, row - 1, columns.Count);
        return SheetLayout.Save(book);
    }
}
