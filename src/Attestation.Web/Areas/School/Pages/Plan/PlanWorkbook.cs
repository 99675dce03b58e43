using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Web.Documents.Spreadsheets;

namespace Attestation.Web.Areas.School.Pages.Plan;

/// <summary>«Перспективный план аттестации» as Excel, in the journals' layout: title, subtitle, header, a group row per month.</summary>
public static class PlanWorkbook
{
    public static readonly IReadOnlyList<string> Columns =
        ["№ п/п", "Фамилия Имя Отчество", "Категория, должность", "Срок действия до", "Данные для ЛК до", "Материалы до", "Заявление до", "Последний день подачи"];

    public static string Title(SchoolYear year) => $"Перспективный план аттестации на {year} учебный год";

    /// <summary>A plan is one organisation's teachers of one year (tens of rows): it is held, then written.</summary>
    public static void Write(Stream output, SchoolYear year, string organisation, IReadOnlyList<IndexModel.Month> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        using var sheet = SheetWriter.Start(output, "План", Title(year), organisation, Columns, [6, 32, 30, 14, 14, 14, 14, 16]);
        var number = 0;
        foreach (var month in months)
        {
            sheet.Group(month.Name);
            foreach (var row in month.Teachers)
            {
                sheet.Row(
                    SheetCell.Count(++number),
                    SheetCell.Text(row.FullName),
                    SheetCell.Text($"{row.Category.ToRussian()}, {row.PositionName}"),
                    SheetCell.Day(row.Dates.ExpiresOn),
                    SheetCell.Day(row.Dates.CabinetDataBy),
                    SheetCell.Day(row.Dates.MaterialsBy),
                    SheetCell.Day(row.Dates.ApplicationBy),
                    SheetCell.Day(row.Dates.ApplyBy));
            }
        }
        if (number == 0)
            sheet.Note("В этом учебном году сроки действия категорий педагогов организации не истекают.");
        sheet.Note($"Сроки по циклограмме: данные для открытия личного кабинета — за {TeacherPlanCalendar.CabinetDataLeadDays} дней, материалы — за {TeacherPlanCalendar.MaterialsLeadDays} дней, заявление — за {TeacherPlanCalendar.ApplicationLeadDays} дней до последнего дня подачи (за 3 месяца до окончания срока действия категории).");
        sheet.Finish();
    }
}
