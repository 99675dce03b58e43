using Attestation.Web.Documents.Spreadsheets;

namespace Attestation.Web.Areas.School.Pages.Teachers;

/// <summary>«Педагоги организации» as Excel, in the journals' layout: title, subtitle (the organisation and the filters), header, rows.</summary>
public static class TeachersWorkbook
{
    public const string Title = "Педагоги организации";

    public static readonly IReadOnlyList<string> Columns =
        ["№ п/п", "Фамилия Имя Отчество", "Квалификационная категория", "Срок действия", "Подать заявление до", "Заявление", "Следующий шаг"];

    public static async Task WriteAsync(Stream output, string subtitle, IAsyncEnumerable<IndexModel.Row> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var sheet = SheetWriter.Start(output, "Педагоги", Title, subtitle, Columns, [6, 32, 18, 14, 14, 26, 50]);
        var number = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            sheet.Row(
                SheetCell.Count(++number),
                SheetCell.Text(row.FullName),
                SheetCell.Centered(row.CategoryText),
                row.ExpiresOn is null ? SheetCell.Centered(row.Category is null ? null : "бессрочно") : SheetCell.Day(row.ExpiresOn),
                SheetCell.Day(row.ApplyBy),
                SheetCell.Text(row.ApplicationText),
                SheetCell.Text(row.Next?.Text));
        }
        sheet.Finish();
    }
}
