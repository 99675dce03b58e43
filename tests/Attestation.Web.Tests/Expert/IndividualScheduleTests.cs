using System.Net;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Documents;
using Microsoft.EntityFrameworkCore;
using static Attestation.Web.Tests.Expert.ExpertCabinet;

namespace Attestation.Web.Tests.Expert;

/// <summary>
/// «Индивидуальный график проведения аттестации» as PDF and Excel: the expert's own attestees of one visible period, the
/// second expert, the school coordinator, the procedure's dates of seed 000; nothing of another expert's, nothing before
/// the schedule may be seen.
/// </summary>
public sealed class IndividualScheduleTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly ExpertCabinet _cabinet = new(factory);

    private static string DownloadUrl(Guid periodId, string format) => $"/Expert?handler=Download&periodId={periodId}&format={format}";

    [Fact]
    public async Task The_pdf_and_excel_list_the_experts_own_attestees_with_the_second_expert_and_the_procedures_dates()
    {
        var expert = await _cabinet.CreateExpertAsync("ind.expert", "Фёдоров", "Алексей", "Николаевич");
        var colleague = await _cabinet.CreateExpertAsync("ind.colleague", "Орлова", "Ирина", "Олеговна");
        var stranger = await _cabinet.CreateExpertAsync("ind.stranger", "Чужаков", "Пётр", "Ильич");
        var inPerson = await _cabinet.CreateTeacherAsync("ind.teacher1", "Пичугина", "Ольга", "Владимировна");
        var distance = await _cabinet.CreateTeacherAsync("ind.teacher2", "Белоусова", "Зоя", "Николаевна");
        var foreign = await _cabinet.CreateTeacherAsync("ind.teacher3", "Посторонняя", "Анна", "Ивановна");
        var @operator = await _cabinet.CreateOperatorAsync("ind.operator");
        var start = _cabinet.NextOpenPeriodStart();
        await _cabinet.ScheduledApplicationAsync(inPerson, expert, colleague, start);
        await _cabinet.ScheduledApplicationAsync(distance, colleague, expert, start, AttestationForm.Distance, QualificationCategory.First);
        await _cabinet.ScheduledApplicationAsync(foreign, colleague, stranger, start);
        await _cabinet.MakeVisibleAsync(start, _cabinet.Directory.Tomsk.Id, @operator);
        var period = new AttestationPeriod(start.Year, start.Month);
        var periodId = await PeriodIdAsync(start);
        var end = start.AddMonths(2).AddDays(-1);
        var conclusionDue = start.AddMonths(1).AddDays(14);

        using var client = await factory.SignInAsync("ind.expert");
        var page = await client.GetDocumentAsync(ScheduleUrl);
        var pdfLink = page.QuerySelector(".schedule-period .download-pdf")!.GetAttribute("href")!;
        var xlsxLink = page.QuerySelector(".schedule-period .download-xlsx")!.GetAttribute("href")!;
        Assert.Contains($"periodId={periodId}", pdfLink, StringComparison.Ordinal);
        var pdf = await client.DownloadAsync(pdfLink, "application/pdf");
        var xlsx = await client.DownloadAsync(xlsxLink, Downloads.ExcelType);
        await Downloads.SaveArtifactAsync("expert-schedule.pdf", pdf);
        await Downloads.SaveArtifactAsync("expert-schedule.xlsx", xlsx);

        var text = await Downloads.RawTextAsync(pdf);
        Downloads.AssertInOrder(text,
            ExpertScheduleModel.Title,
            "в целях установления квалификационной категории",
            period.PrepositionalName,
            "Специалист по аттестации: Фёдоров Алексей Николаевич",
            $"Период аттестации: {period.Name}, с {Date(start)} по {Date(end)}");
        Downloads.AssertHeaders(text, ExpertScheduleModel.Columns);
        Downloads.AssertInOrder(text,
            // In the order of the page: by surname.
            "1 Белоусова Зоя Николаевна", "первая", "дистанционно", "Орлова Ирина Олеговна",
            "2 Пичугина Ольга Владимировна", "высшая", "очно", "Орлова Ирина Олеговна",
            ExpertScheduleModel.StepsTitle,
            "Не менее чем за 14 дней до начала срока проведения аттестации",
            $"до {Date(start.AddDays(-14))} Изучить индивидуальный график проведения аттестации",
            "Согласовать с аттестуемым даты встречи и посещения его практической деятельности (при очной форме)",
            "Убедиться, что результаты профессиональной деятельности и записи двух уроков",
            "(при дистанционной форме)",
            "В период проведения аттестации (во второй календарный месяц)",
            $"до {Date(conclusionDue)} Разместить в системе «Аттестация» скан итогового заключения");
        Assert.DoesNotContain("Посторонняя", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Чужаков", text, StringComparison.Ordinal);
        var (width, height) = await PdfReading.PageSizeAsync(pdf);
        Assert.True(width > height);

        using var book = Downloads.OpenWorkbook(xlsx);
        var sheet = book.Worksheet(1);
        var columns = ExpertScheduleModel.Columns.Count;
        Assert.Equal($"{ExpertScheduleModel.Title} педагогических работников в целях установления квалификационной категории {period.PrepositionalName}",
            sheet.Cell(1, 1).GetString());
        Assert.StartsWith("Специалист по аттестации: Фёдоров Алексей Николаевич", sheet.Cell(2, 1).GetString(), StringComparison.Ordinal);
        Assert.Equal(ExpertScheduleModel.Columns, sheet.RowText(3, columns));
        var first = sheet.RowText(4, columns);
        Assert.Equal("1|Белоусова Зоя Николаевна|первая|дистанционно", string.Join('|', first[0], first[1], first[3], first[4]));
        Assert.StartsWith("Орлова Ирина Олеговна", first[5], StringComparison.Ordinal);
        var second = sheet.RowText(5, columns);
        Assert.Equal("2|Пичугина Ольга Владимировна|высшая|очно", string.Join('|', second[0], second[1], second[3], second[4]));
        Assert.True(sheet.Cell(6, 2).IsEmpty());
        var notes = sheet.RangeUsed()!.Rows().Select(r => r.Cell(1).GetString()).ToList();
        Assert.Contains(ExpertScheduleModel.StepsTitle, notes);
        Assert.Contains(notes, line => line.StartsWith($"до {Date(conclusionDue)} — Разместить в системе «Аттестация»", StringComparison.Ordinal));
        Assert.DoesNotContain(notes, line => line.Contains("Посторонняя", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_expert_an_unapproved_schedule_an_unknown_period_and_a_bad_format_get_no_file()
    {
        var expert = await _cabinet.CreateExpertAsync("nof.expert", "Фёдоров", "Алексей", "Николаевич");
        var colleague = await _cabinet.CreateExpertAsync("nof.colleague", "Орлова", "Ирина", "Олеговна");
        await _cabinet.CreateExpertAsync("nof.stranger", "Чужаков", "Пётр", "Ильич");
        var teacher = await _cabinet.CreateTeacherAsync("nof.teacher", "Пичугина", "Ольга", "Владимировна");
        var @operator = await _cabinet.CreateOperatorAsync("nof.operator");
        var start = _cabinet.NextOpenPeriodStart();
        await _cabinet.ScheduledApplicationAsync(teacher, expert, colleague, start);
        var periodId = await PeriodIdAsync(start);

        // Scheduled and past the 16th, but not approved: the expert's own schedule is not his to print yet.
        _cabinet.MoveTo(start.AddMonths(-1).AddDays(PeriodCalendar.ExpertScheduleVisibleFromDay - 1), new TimeOnly(9, 0));
        using (var client = await factory.SignInAsync("nof.expert"))
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(DownloadUrl(periodId, "pdf"))).StatusCode);

        await _cabinet.ApproveAsync(start, _cabinet.Directory.Tomsk.Id, @operator);
        using (var client = await factory.SignInAsync("nof.expert"))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(DownloadUrl(periodId, "xlsx"))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(DownloadUrl(periodId, "docx"))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(DownloadUrl(Guid.NewGuid(), "pdf"))).StatusCode);
        }

        // An expert with no attestee in the period has no schedule of it, whatever the address says.
        using (var client = await factory.SignInAsync("nof.stranger"))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(DownloadUrl(periodId, "pdf"))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(DownloadUrl(periodId, "xlsx"))).StatusCode);
        }
    }

    private async Task<Guid> PeriodIdAsync(DateOnly start)
    {
        await using var db = factory.OpenDb();
        return await db.Periods.Where(p => p.StartYear == start.Year && p.StartMonth == start.Month)
            .Select(p => p.Id).SingleAsync();
    }
}
