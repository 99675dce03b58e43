using Attestation.Domain.Periods;

namespace Attestation.Domain.Schools;

/// <summary>A duty of the school in its year of attestation work, with its term for one school year.</summary>
/// <param name="Code">Kept in <see cref="SchoolDutyTick.Duty"/>: never rename a code once ticks exist.</param>
/// <param name="Number">The item's number in the cyclogram.</param>
/// <param name="From">The first day of the term; null for «до …».</param>
/// <param name="To">The last day of the term; null when it depends on each teacher's date and none is planned.</param>
/// <param name="Term">The term in the cyclogram's words.</param>
public sealed record SchoolDuty(string Code, int Number, string Action, string Goal, string Term, DateOnly? From, DateOnly? To,
    string Responsible);

/// <summary>
/// «Циклограмма организационно-плановых мероприятий в образовательной организации по аттестации педагогических
/// работников» (seed 003): the items the school itself does, with their dates for a school year. The teacher's own items
/// (materials in the cabinet, the application) are his, not the school's checklist. «Август» is the August before the
/// school year starts: the year is prepared before the 1st of September. Item 6 (the data for the teachers' cabinets)
/// is due 20 days before each teacher's planned date: its term spans the first and the last such day of the year's plan.
/// </summary>
public static class SchoolDuties
{
    public const int CodeMaxLength = 40;

    public static IReadOnlyList<SchoolDuty> For(SchoolYear year, DateOnly? firstCabinetDataBy = null, DateOnly? lastCabinetDataBy = null)
    {
        var august = new DateOnly(year.StartYear, 8, 1);
        var augustEnd = year.FirstDay.AddDays(-1);
        var inAugust = $"август {year.StartYear} (до {Text.Date(augustEnd)})";
        var throughYear = $"в течение учебного года ({Text.Date(year.FirstDay)} – {Text.Date(year.LastDay)})";
        var cabinets = (firstCabinetDataBy, lastCabinetDataBy) switch
        {
            ({ } first, { } last) when first == last => $"за {TeacherPlanCalendar.CabinetDataLeadDays} дней до планируемых сроков аттестации: {Text.Date(first)}",
            ({ } first, { } last) => $"за {TeacherPlanCalendar.CabinetDataLeadDays} дней до планируемых сроков аттестации: с {Text.Date(first)} по {Text.Date(last)} (по «Перспективному плану»)",
            _ => $"за {TeacherPlanCalendar.CabinetDataLeadDays} дней до планируемых сроков аттестации (в «Перспективном плане» на этот год педагогов нет)",
        };
        return
        [
            new("order", 1, "Издание приказа о назначении ответственного в ОО за сопровождение процедуры аттестации",
                "Нормативно-правовое обеспечение сопровождения аттестации педагогических работников в ОО", inAugust, august, augustEnd,
                "Руководитель ОО"),
            new("schedule", 2, "Формирование графика аттестации педагогических работников на учебный год",
                "Планирование", inAugust, august, augustEnd, "Ответственный за аттестацию в ОО"),
            new("support", 3, "Создание расписания поддержки педагога в соответствии с датой его оценки проф. навыков (оценка возможной даты подачи заявления)",
                "Планирование", inAugust, august, augustEnd, "Ответственный за аттестацию в ОО"),
            new("briefing", 4, "Вводный инструктаж: перечень законов и нормативных актов, которые обеспечивают правильное проведение аттестации",
                "Педагогические работники, которые должны пройти аттестацию, осведомлены о нормативно-правовой базе и требованиях; текущий инструктаж — согласно индивидуальному графику аттестации",
                inAugust, august, augustEnd, "Ответственный за аттестацию в ОО"),
            new("results", 5, "Фиксирование результатов деятельности педагогических работников",
                "Определение комплекса результатов, которые могут быть представлены при аттестации", throughYear, year.FirstDay, year.LastDay,
                "Заместитель руководителя, ответственный за аттестацию в ОО"),
            new("cabinets", 6, "Оформление заявки и подача данных на педагогов для открытия личных кабинетов (ЛК)",
                "Подготовка и отправка районному координатору достоверной информации на педагога", cabinets, firstCabinetDataBy, lastCabinetDataBy,
                "Ответственный за аттестацию в ОО"),
            new("reflection", 9, "Рефлексия результатов аттестации",
                "Оформление результатов решения аттестационной комиссии (фиксирование положительных результатов аттестации в трудовой книжке сотрудника)",
                throughYear, year.FirstDay, year.LastDay, "Руководитель ОО, ответственный за аттестацию в ОО, педагог"),
        ];
    }

    /// <summary>The duty of <paramref name="code"/>; null for a code the cyclogram does not have (a forged form).</summary>
    public static SchoolDuty? Find(SchoolYear year, string? code) => For(year).FirstOrDefault(d => d.Code == code);

}
