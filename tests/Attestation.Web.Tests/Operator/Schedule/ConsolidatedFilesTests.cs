using System.Globalization;
using System.Net;
using Attestation.Domain;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Documents;
using static Attestation.Web.Tests.Operator.OperatorDesk;

namespace Attestation.Web.Tests.Operator.Schedule;

/// <summary>
/// «Утвердить все» and the consolidated schedule's PDF and Excel files, read back: a class of its own, since approving
/// everything touches every municipality of the period.
/// </summary>
public sealed class ConsolidatedFilesTests(MunicipalFactory factory) : IClassFixture<MunicipalFactory>
{
    private readonly MunicipalWorld _world = new(factory);
    private readonly OperatorDesk _desk = new(factory);

    [Fact]
    public async Task Approve_all_approves_each_municipality_with_a_schedule_once_and_the_files_then_carry_the_date()
    {
        var period = factory.ClosedPeriod;
        var tomsk = await ScheduleScene.CreateAsync(factory, _world, "Город Томск", period, "+7 (3822) 46-03-17");
        var district = await ScheduleScene.CreateAsync(factory, _world, "Томский район", period, "+7 (3822) 40-11-22");
        // A municipality whose only attestee has no experts yet has nothing for experts to see: it is not approved.
        var unfinished = await _world.MunicipalityAsync("Шегарский район");
        await _world.CoordinatorAsync(unfinished, "Незавершённая");
        using var client = await _desk.SignInOperatorAsync("files.approve.all");

        var pdfBefore = await Downloads.RawTextAsync(await client.DownloadAsync(ConsolidatedDownloadUrl(period.Id, "pdf"), "application/pdf"));
        using var first = await ApproveAsync(client, period.Id);
        var afterFirst = await client.GetDocumentAsync(first.RedirectPath()!);
        using var second = await ApproveAsync(client, period.Id);
        var afterSecond = await client.GetDocumentAsync(second.RedirectPath()!);
        var pdf = await client.DownloadAsync(ConsolidatedDownloadUrl(period.Id, "pdf"), "application/pdf");
        var xlsx = await client.DownloadAsync(ConsolidatedDownloadUrl(period.Id, "xlsx"), Downloads.ExcelType);
        await Downloads.SaveArtifactAsync("consolidated-schedule.pdf", pdf);
        await Downloads.SaveArtifactAsync("consolidated-schedule.xlsx", xlsx);

        Assert.StartsWith("Сводный график не утверждён", pdfBefore, StringComparison.Ordinal);
        Downloads.AssertInOrder(pdfBefore, $"Муниципальное образование \"{tomsk.Name}\" Не утверждён", $"1 {tomsk.First.LastName}");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal($"Утверждены графики за период «{period.Name}» (2): {tomsk.Name}, {district.Name}.", StatusMessage(afterFirst));
        Assert.Equal($"Графики периода «{period.Name}» уже утверждены.", StatusMessage(afterSecond));
        Assert.Equal(2, await _desk.CountAsync(db => db.ScheduleApprovals.Where(s => s.PeriodId == period.Id)));
        Assert.Equal(2, await _desk.CountAsync(db => db.PeriodEvents.Where(e => e.PeriodId == period.Id && e.Kind == PeriodEventKind.ScheduleApproved)));
        Assert.NotNull(afterSecond.QuerySelector("#approved-mark"));
        Assert.NotNull(afterSecond.QuerySelector("#approve-all-button[disabled]"));

        var today = RegionClock.Today(factory.Now, MunicipalFactory.Zone).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var text = await Downloads.RawTextAsync(pdf);
        Assert.StartsWith($"Утверждён {today} Сводный график проведения аттестации педагогических работников в целях установления квалификационной категории {period.PrepositionalName}",
            text, StringComparison.Ordinal);
        Downloads.AssertHeaders(text, MunicipalScheduleModel.Columns);
        Downloads.AssertInOrder(text,
            $"Муниципальное образование \"{tomsk.Name}\"", $"Утверждён {today}",
            $"1 {tomsk.First.LastName} Мария Петровна высшая очно учитель математики, {tomsk.Place.School.Name}",
            "Фёдоров Алексей Николаевич, учитель математики",
            $"2 {tomsk.Second.LastName} Мария Петровна высшая дистанционно",
            $"3 {tomsk.WithoutExperts.LastName} Мария Петровна",
            "Муниципальный координатор по аттестации: Лебедева Олеся Игоревна, рабочий телефон: +7 (3822) 46-03-17",
            $"Муниципальное образование \"{district.Name}\"",
            $"1 {district.First.LastName} Мария Петровна",
            "рабочий телефон: +7 (3822) 40-11-22",
            "Всего аттестуемых: 6");
        Assert.DoesNotContain(unfinished.Municipality.Name, text, StringComparison.Ordinal);
        Assert.DoesNotContain(tomsk.WithoutPeriod.LastName, text, StringComparison.Ordinal);

        using var book = Downloads.OpenWorkbook(xlsx);
        var sheet = book.Worksheet(1);
        Assert.Equal("Сводный график", sheet.Name);
        Assert.Equal($"Сводный график проведения аттестации педагогических работников в целях установления квалификационной категории {period.PrepositionalName}",
            sheet.Cell(1, 1).GetString());
        Assert.Equal($"Утверждён {today}", sheet.Cell(2, 1).GetString());
        Assert.Equal(MunicipalScheduleModel.Columns, sheet.RowText(3, 6));
        Assert.Equal($"Муниципальное образование \"{tomsk.Name}\" — Утверждён {today}", sheet.Cell(4, 1).GetString());
        Assert.True(sheet.Cell(4, 1).IsMerged());
        Assert.Equal(new[] { "1", $"{tomsk.First.LastName} Мария Петровна", "высшая", "очно", $"учитель математики, {tomsk.Place.School.Name}" },
            sheet.RowText(5, 5));
        Assert.StartsWith("Фёдоров Алексей Николаевич, учитель математики", sheet.Cell(5, 6).GetString(), StringComparison.Ordinal);
        Assert.Equal("2", sheet.Cell(6, 1).GetFormattedString());
        Assert.Equal($"{tomsk.WithoutExperts.LastName} Мария Петровна", sheet.Cell(7, 2).GetString());
        Assert.True(sheet.Cell(7, 6).IsEmpty());
        Assert.Equal("Муниципальный координатор по аттестации: Лебедева Олеся Игоревна, рабочий телефон: +7 (3822) 46-03-17",
            sheet.Cell(8, 1).GetString());
        Assert.Equal($"Муниципальное образование \"{district.Name}\" — Утверждён {today}", sheet.Cell(9, 1).GetString());
        Assert.Equal($"{district.First.LastName} Мария Петровна", sheet.Cell(10, 2).GetString());
        Assert.Equal("Всего аттестуемых: 6", sheet.Cell(15, 1).GetString());
    }
}
