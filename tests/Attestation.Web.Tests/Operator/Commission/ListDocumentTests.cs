using System.Globalization;
using System.Net;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Testing;
using Attestation.Web.Documents;
using ClosedXML.Excel;
using static Attestation.Web.Tests.Operator.OperatorDesk;

namespace Attestation.Web.Tests.Operator.Commission;

/// <summary>
/// «Список аттестуемых на заседание аттестационной комиссии» downloaded as PDF and Excel and read back: the attestees
/// grouped by the claimed category, each with the experts' recommendation, the coordinator's mark and the decision.
/// </summary>
public sealed class ListDocumentTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly OperatorDesk _desk = new(factory);

    private TestDirectory Directory => factory.Directory;

    [Fact]
    public async Task The_meeting_list_reads_back_from_pdf_and_excel_grouped_by_the_claimed_category()
    {
        var period = await _desk.PastPeriodAsync();
        var mentor = await _desk.AttesteeAsync("list.mentor", "Григорьева", QualificationCategory.Mentor, period);
        var second = await _desk.AttesteeAsync("list.second", "Васильева", QualificationCategory.First, period,
            recommendation: Conformity.DoesNotCorrespond, municipalityId: Directory.District.Id, organisationId: Directory.VillageSchool.Id,
            wantsToAttend: true);
        var highest = await _desk.AttesteeAsync("list.highest", "Борисова", QualificationCategory.Highest, period, simplified: true);
        var first = await _desk.AttesteeAsync("list.first", "Алексеева", QualificationCategory.First, period,
            organisationId: Directory.Gymnasium.Id);
        var day = _desk.Today.AddDays(-2);
        var meetingId = await _desk.MeetingAsync(day, "5", mentor, second, highest, first);
        await _desk.DecideAsync(meetingId, DecisionOutcome.Established, null, first);
        using var client = await _desk.SignInOperatorAsync("list.operator");
        var url = $"/Operator/Commission/Meeting?id={meetingId}";

        var page = await client.GetDocumentAsync(url);
        Assert.Equal(
            ["First", "Highest", "Mentor"],
            page.QuerySelectorAll("#attestees tbody[data-category]").Select(g => g.GetAttribute("data-category")!));
        Assert.Equal(
            new[] { first, second, highest, mentor }.Select(a => a.ApplicationId),
            page.QuerySelectorAll("#attestees tr[data-id]").Select(r => Guid.Parse(r.GetAttribute("data-id")!)));
        // Who asked to attend the meeting, as the application says.
        Assert.Equal(["", "желает присутствовать", "", ""],
            page.QuerySelectorAll("#attestees tr[data-id] td.attendance").Select(td => td.TextContent.Trim()));

        var date = day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var pdf = await client.DownloadAsync(page.QuerySelector("#download-pdf")!.GetAttribute("href")!, "application/pdf");
        await Downloads.SaveArtifactAsync("commission-list.pdf", pdf);
        var (width, height) = await PdfReading.PageSizeAsync(pdf);
        Assert.True(width > height, "The list is printed in landscape.");
        Assert.Equal(CommissionListModel.Title, (await PdfReading.InfoAsync(pdf))["Title"]);
        var text = await Downloads.RawTextAsync(pdf);
        Downloads.AssertHeaders(text, CommissionListModel.Columns);
        Downloads.AssertInOrder(text,
            CommissionListModel.Title, $"заседание {date}, протокол № 5",
            "Первая квалификационная категория",
            "1", "Алексеева Ольга Ивановна", "учитель математики", "МАОУ гимназия № 6 г. Томска", "Город Томск",
            "соответствует", "соответствует", "установить",
            "2", "Васильева Ольга Ивановна", "учитель математики", "МБОУ «Корниловская СОШ» Томского района", "Томский район",
            "желает присутствовать", "не соответствует", "не соответствует",
            "Высшая квалификационная категория",
            "3", "Борисова Ольга Ивановна", "упрощенная форма", "соответствует",
            "Квалификационная категория «педагог-наставник»",
            "4", "Григорьева Ольга Ивановна", "соответствует", "соответствует",
            "Всего аттестуемых: 4; установить: 1; отказать: 0; без решения: 3.");
        Assert.DoesNotContain("педагог-методист", text, StringComparison.Ordinal);

        var xlsx = await client.DownloadAsync(page.QuerySelector("#download-xlsx")!.GetAttribute("href")!, Downloads.ExcelType);
        await Downloads.SaveArtifactAsync("commission-list.xlsx", xlsx);
        using var book = Downloads.OpenWorkbook(xlsx);
        var sheet = book.Worksheet("Список");
        Assert.Equal(CommissionListModel.Title, sheet.Cell(1, 1).GetString());
        Assert.Equal($"заседание {date}, протокол № 5", sheet.Cell(2, 1).GetString());
        Assert.Equal(CommissionListModel.Columns, sheet.RowText(3, 9));
        AssertHeading(sheet, 4, "Первая квалификационная категория");
        Assert.Equal(["1", "Алексеева Ольга Ивановна", "учитель математики", "МАОУ гимназия № 6 г. Томска", "Город Томск", "", "соответствует", "соответствует", "установить"],
            sheet.RowText(5, 9));
        Assert.Equal(["2", "Васильева Ольга Ивановна", "учитель математики", "МБОУ «Корниловская СОШ» Томского района", "Томский район", "желает присутствовать", "не соответствует", "не соответствует", ""],
            sheet.RowText(6, 9));
        AssertHeading(sheet, 7, "Высшая квалификационная категория");
        Assert.Equal(["3", "Борисова Ольга Ивановна", "учитель математики", "МАОУ лицей № 8 имени Н. Н. Рукавишникова г. Томска", "Город Томск", "", "упрощенная форма", "соответствует", ""],
            sheet.RowText(8, 9));
        AssertHeading(sheet, 9, "Квалификационная категория «педагог-наставник»");
        Assert.Equal("Григорьева Ольга Ивановна", sheet.Cell(10, 2).GetString());
        Assert.True(sheet.Row(11).IsEmpty());
        Assert.Equal("Всего аттестуемых: 4; установить: 1; отказать: 0; без решения: 3.", sheet.Cell(12, 1).GetString());
    }

    [Fact]
    public async Task A_list_of_an_unknown_meeting_or_in_an_unknown_format_is_not_found()
    {
        var meetingId = await _desk.MeetingAsync(_desk.Today, "6");
        using var client = await _desk.SignInOperatorAsync("list.missing");

        using (var unknown = await client.GetAsync($"/Operator/Commission/Meeting?id={Guid.CreateVersion7()}&handler=List&format=pdf"))
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using (var format = await client.GetAsync($"/Operator/Commission/Meeting?id={meetingId}&handler=List&format=doc"))
            Assert.Equal(HttpStatusCode.NotFound, format.StatusCode);
        using (var page = await client.GetAsync($"/Operator/Commission/Meeting?id={Guid.CreateVersion7()}"))
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    private static void AssertHeading(IXLWorksheet sheet, int row, string heading)
    {
        Assert.Equal(heading, sheet.Cell(row, 1).GetString());
        Assert.True(sheet.Cell(row, 1).IsMerged());
        Assert.True(sheet.Cell(row, 1).Style.Font.Bold);
    }
}
