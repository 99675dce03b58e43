using System.Net;
using Attestation.Domain;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Data;
using Attestation.Web.Documents;
using ClosedXML.Excel;

namespace Attestation.Web.Tests.Municipality.Schedule;

/// <summary>«Просмотр графика проведения аттестации» and its PDF and Excel files, checked against the database.</summary>
public sealed class ViewTests(MunicipalFactory factory) : IClassFixture<MunicipalFactory>
{
    private readonly MunicipalWorld _world = new(factory);

    private sealed record Scene(
        MunicipalWorld.Place Place, AppUser Coordinator, AppUser ExpertA, AppUser ExpertB,
        string InPeriod1, string InPeriod2, string Elsewhere, string OtherPeriod);

    [Fact]
    public async Task The_pdf_has_the_title_the_columns_the_rows_of_the_database_and_the_coordinators_phone()
    {
        var scene = await SceneAsync("Город Кедровый");
        using var client = await factory.SignInAsync(scene.Coordinator.UserName!);

        var pdf = await client.DownloadAsync(DownloadUrl("pdf"), "application/pdf");
        await Downloads.SaveArtifactAsync("municipal-schedule.pdf", pdf);

        var text = await Downloads.RawTextAsync(pdf);
        Assert.Contains(
            $"График проведения аттестации педагогических работников муниципального образования \"{scene.Place.Municipality.Name}\" в целях установления квалификационной категории {factory.OpenPeriod.PrepositionalName}",
            text, StringComparison.Ordinal);
        Assert.StartsWith("в ", factory.OpenPeriod.PrepositionalName, StringComparison.Ordinal);
        Assert.Contains("График не утверждён", text, StringComparison.Ordinal);
        Downloads.AssertHeaders(text, MunicipalScheduleModel.Columns);
        // Alphabetical and numbered; the teacher's work and both experts with theirs.
        Assert.Contains(
            $"1 {scene.InPeriod1} Мария Петровна высшая очно учитель математики, {scene.Place.School.Name} "
            + $"Фёдоров Алексей Николаевич, учитель математики, {scene.Place.OtherSchool.Name} "
            + $"Громов Алексей Николаевич, учитель математики, {scene.Place.OtherSchool.Name} "
            + $"2 {scene.InPeriod2} Мария Петровна высшая дистанционно учитель математики, {scene.Place.School.Name} "
            + $"Громов Алексей Николаевич, учитель математики, {scene.Place.OtherSchool.Name} "
            + $"Фёдоров Алексей Николаевич, учитель математики, {scene.Place.OtherSchool.Name} "
            + "Муниципальный координатор по аттестации",
            text, StringComparison.Ordinal);
        Assert.DoesNotContain(scene.Elsewhere, text, StringComparison.Ordinal);
        Assert.DoesNotContain(scene.OtherPeriod, text, StringComparison.Ordinal);
        Assert.Contains("Муниципальный координатор по аттестации: Лебедева Олеся Игоревна, рабочий телефон: +7 (3822) 46-03-17",
            text, StringComparison.Ordinal);
        var (width, height) = await PdfReading.PageSizeAsync(pdf);
        Assert.True(width > height, $"A4 landscape expected, got {width} × {height}.");
    }

    [Fact]
    public async Task The_header_row_is_repeated_on_every_page_and_the_pages_are_numbered()
    {
        var place = await _world.MunicipalityAsync("Город Стрежевой");
        var coordinator = await _world.CoordinatorAsync(place);
        var a = await _world.ExpertAsync(place, "Фёдоров");
        var b = await _world.ExpertAsync(place, "Громов");
        for (var i = 0; i < 30; i++)
            await _world.ApplicationAsync(place, $"Аттестуемая{(char)('а' + i % 26)}", ApplicationStage.Scheduled, factory.OpenPeriod, a, b);
        using var client = await factory.SignInAsync(coordinator.UserName!);

        var pdf = await client.DownloadAsync(
            $"/Municipality/Schedule/View?handler=Download&periodId={factory.OpenPeriod.Id}&format=pdf", "application/pdf");
        await Downloads.SaveArtifactAsync("municipal-schedule-long.pdf", pdf);

        var pages = await PdfReading.PagesAsync(pdf);
        Assert.True(pages.Count >= 2, $"30 rows should take more than one page, got {pages.Count}.");
        for (var i = 0; i < pages.Count; i++)
        {
            // Every page with rows of the table starts with its header (the coordinator's line may end up alone).
            if (pages[i].Contains("Аттестуемая", StringComparison.Ordinal))
                Assert.Contains("Ф.И.О. (полностью), должность, место работы эксперта", pages[i], StringComparison.Ordinal);
            Assert.Contains($"стр. {i + 1} из {pages.Count}", pages[i], StringComparison.Ordinal);
        }
        Assert.True(pages.Count(p => p.Contains("Аттестуемая", StringComparison.Ordinal)) >= 2);
    }

    [Fact]
    public async Task The_excel_file_has_the_merged_title_a_bold_frozen_repeated_header_the_rows_and_the_print_setup()
    {
        var scene = await SceneAsync("Город Северск");
        using var client = await factory.SignInAsync(scene.Coordinator.UserName!);

        var xlsx = await client.DownloadAsync(DownloadUrl("xlsx"), Downloads.ExcelType);
        await Downloads.SaveArtifactAsync("municipal-schedule.xlsx", xlsx);

        using var book = Downloads.OpenWorkbook(xlsx);
        var sheet = book.Worksheet(1);
        var columns = MunicipalScheduleModel.Columns.Count;
        Assert.Equal(
            $"График проведения аттестации педагогических работников муниципального образования \"{scene.Place.Municipality.Name}\" в целях установления квалификационной категории {factory.OpenPeriod.PrepositionalName}",
            sheet.Cell(1, 1).GetString());
        Assert.Contains(sheet.MergedRanges, r => r.RangeAddress.ToString() == $"A1:{XLHelper.GetColumnLetterFromNumber(columns)}1");
        Assert.Equal("График не утверждён", sheet.Cell(2, 1).GetString());
        Assert.Equal(MunicipalScheduleModel.Columns, sheet.RowText(3, columns));
        Assert.True(sheet.Cell(3, 2).Style.Font.Bold);
        Assert.Equal(XLBorderStyleValues.Thin, sheet.Cell(4, 6).Style.Border.RightBorder);

        Assert.Equal(["1", $"{scene.InPeriod1} Мария Петровна", "высшая", "очно"], sheet.RowText(4, 4));
        Assert.Equal($"учитель математики, {scene.Place.School.Name}", sheet.Cell(4, 5).GetString());
        var experts = sheet.Cell(4, 6).GetString().Split('\n');
        Assert.Equal(2, experts.Length);
        Assert.StartsWith("Фёдоров Алексей Николаевич, учитель математики", experts[0], StringComparison.Ordinal);
        Assert.Equal(["2", $"{scene.InPeriod2} Мария Петровна", "высшая", "дистанционно"], sheet.RowText(5, 4));
        Assert.True(sheet.Cell(6, 2).IsEmpty());
        Assert.Equal("Муниципальный координатор по аттестации: Лебедева Олеся Игоревна, рабочий телефон: +7 (3822) 46-03-17",
            sheet.Cell(7, 1).GetString());

        Assert.Equal(3, sheet.SheetView.SplitRow);
        Assert.Equal(XLPageOrientation.Landscape, sheet.PageSetup.PageOrientation);
        Assert.Equal(XLPaperSize.A4Paper, sheet.PageSetup.PaperSize);
        Assert.Equal(1, sheet.PageSetup.PagesWide);
        Assert.Equal(3, sheet.PageSetup.FirstRowToRepeatAtTop);
        Assert.Equal(3, sheet.PageSetup.LastRowToRepeatAtTop);
        Assert.All(Enumerable.Range(1, columns), c => Assert.True(sheet.Column(c).Width > 5));
    }

    [Fact]
    public async Task The_page_shows_the_schedule_as_it_stands_and_the_approved_one_as_not_approved()
    {
        var scene = await SceneAsync("Город Асино");
        using var client = await factory.SignInAsync(scene.Coordinator.UserName!);

        var page = await client.GetDocumentAsync($"/Municipality/Schedule/View?periodId={factory.OpenPeriod.Id}");
        using var approved = await client.GetAsync(DownloadUrl("pdf") + "&approved=true");

        var rows = page.QuerySelectorAll("#schedule tbody tr").Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim()).ToList();
        Assert.Equal([$"{scene.InPeriod1} Мария Петровна", $"{scene.InPeriod2} Мария Петровна"], rows);
        Assert.Contains("График не утверждён", page.QuerySelector("#not-approved")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var after = await client.GetDocumentAsync(approved.RedirectPath()!);
        Assert.Contains("Утверждённого графика", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_the_operator_approves_the_schedule_the_files_carry_the_day_of_the_approval_in_tomsk()
    {
        var scene = await SceneAsync("Город Томск");
        var other = await _world.MunicipalityAsync("Томский район");
        var neighbour = await _world.CoordinatorAsync(other, "Соседова");
        // 00:30 in Tomsk is 17:30 UTC of the day before: the stamp is the region's day, whatever the machine's zone.
        var approvedOn = factory.Today.AddDays(-2);
        var approvedAt = RegionClock.StartOfDay(approvedOn, MunicipalFactory.Zone).AddMinutes(30);
        Assert.Equal(approvedOn.AddDays(-1), DateOnly.FromDateTime(approvedAt.UtcDateTime));
        var stamp = $"Утверждён {approvedOn:dd.MM.yyyy}";
        await using (var db = factory.OpenDb())
        {
            db.Add(new ScheduleApproval(factory.OpenPeriod.Id, scene.Place.Municipality.Id, scene.Coordinator.Id, approvedAt));
            await db.SaveChangesAsync();
        }
        using var client = await factory.SignInAsync(scene.Coordinator.UserName!);
        using var neighbourClient = await factory.SignInAsync(neighbour.UserName!);

        var page = await client.GetDocumentAsync($"/Municipality/Schedule/View?periodId={factory.OpenPeriod.Id}");
        var pdf = await Downloads.RawTextAsync(await client.DownloadAsync(DownloadUrl("pdf") + "&approved=true", "application/pdf"));
        using var xlsx = Downloads.OpenWorkbook(await client.DownloadAsync(DownloadUrl("xlsx") + "&approved=true", Downloads.ExcelType));
        var neighbourPage = await neighbourClient.GetDocumentAsync($"/Municipality/Schedule/View?periodId={factory.OpenPeriod.Id}");

        Assert.NotNull(page.QuerySelector("#approved-at"));
        Assert.NotNull(page.QuerySelector("#download-approved-pdf"));
        Assert.StartsWith($"{stamp} График проведения аттестации педагогических работников", pdf, StringComparison.Ordinal);
        Assert.DoesNotContain("не утверждён", pdf, StringComparison.Ordinal);
        Assert.Contains($"1 {scene.InPeriod1} Мария Петровна", pdf, StringComparison.Ordinal);
        Assert.Equal(stamp, xlsx.Worksheet(1).Cell(2, 1).GetString());
        Assert.True(xlsx.Worksheet(1).Cell(2, 1).Style.Font.Bold);
        Assert.Equal($"{scene.InPeriod1} Мария Петровна", xlsx.Worksheet(1).Cell(4, 2).GetString());
        // The approval is the municipality's own: the neighbour's schedule for the period is still not approved.
        Assert.NotNull(neighbourPage.QuerySelector("#not-approved"));
    }

    [Fact]
    public async Task Another_municipality_never_sees_the_schedule_and_an_unknown_period_is_not_found()
    {
        var scene = await SceneAsync("Город Колпашево");
        var elsewhere = await _world.MunicipalityAsync("Кривошеинский район");
        var stranger = await _world.CoordinatorAsync(elsewhere, "Чужакова");
        using var client = await factory.SignInAsync(stranger.UserName!);

        var page = await client.GetDocumentAsync($"/Municipality/Schedule/View?periodId={factory.OpenPeriod.Id}");
        var pdf = await PdfReading.TextAsync(await client.DownloadAsync(DownloadUrl("pdf"), "application/pdf"));
        using var xlsx = Downloads.OpenWorkbook(await client.DownloadAsync(DownloadUrl("xlsx"), Downloads.ExcelType));
        using var unknown = await client.GetAsync($"/Municipality/Schedule/View?handler=Download&periodId={Guid.NewGuid()}&format=pdf");
        using var unknownPage = await client.GetAsync($"/Municipality/Schedule/View?periodId={Guid.NewGuid()}");

        Assert.DoesNotContain(scene.InPeriod1, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(elsewhere.Municipality.Name, pdf, StringComparison.Ordinal);
        Assert.DoesNotContain(scene.InPeriod1, pdf, StringComparison.Ordinal);
        Assert.True(xlsx.Worksheet(1).Cell(4, 2).IsEmpty());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownPage.StatusCode);
    }

    private string DownloadUrl(string format) =>
        $"/Municipality/Schedule/View?handler=Download&periodId={factory.OpenPeriod.Id}&format={format}";

    /// <summary>Two applications in the open period (one distance), one in a later period, one of another municipality.</summary>
    private async Task<Scene> SceneAsync(string name)
    {
        var place = await _world.MunicipalityAsync(name);
        var elsewhere = await _world.MunicipalityAsync("Первомайский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var a = await _world.ExpertAsync(place, "Фёдоров");
        var b = await _world.ExpertAsync(place, "Громов");
        var suffix = MunicipalWorld.Next();
        var first = $"Аверина{Letters(suffix)}";
        var second = $"Борисова{Letters(suffix)}";
        await _world.ApplicationAsync(place, second, ApplicationStage.Scheduled, factory.OpenPeriod, b, a, form: Domain.Applications.AttestationForm.Distance);
        await _world.ApplicationAsync(place, first, ApplicationStage.Scheduled, factory.OpenPeriod, a, b);
        var later = $"Позднякова{Letters(suffix)}";
        await _world.ApplicationAsync(place, later, ApplicationStage.Scheduled, factory.LaterPeriod, a, b);
        var ea = await _world.ExpertAsync(elsewhere, "Чужой");
        var eb = await _world.ExpertAsync(elsewhere, "Чужая");
        var foreign = $"Чужакова{Letters(suffix)}";
        await _world.ApplicationAsync(elsewhere, foreign, ApplicationStage.Scheduled, factory.OpenPeriod, ea, eb);
        return new Scene(place, coordinator, a, b, first, second, foreign, later);
    }

    /// <summary>Digits as Russian letters: names are written in Russian letters.</summary>
    private static string Letters(string digits) => string.Concat(digits.Select(d => (char)('а' + (d - '0'))));
}
