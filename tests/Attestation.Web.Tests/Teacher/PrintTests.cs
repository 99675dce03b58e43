using System.Net;
using Attestation.Testing;
using static Attestation.Web.Tests.Teacher.TeacherCabinet;

namespace Attestation.Web.Tests.Teacher;

/// <summary>«Распечатать заявление»: the filled application as a PDF, read back with poppler's pdftotext.</summary>
public sealed class PrintTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly TeacherCabinet _cabinet = new(factory);

    [Fact]
    public async Task The_printed_application_is_a_pdf_with_the_teachers_name_organisation_and_claim()
    {
        await _cabinet.CreateTeacherAsync("print.teacher", user =>
        {
            user.LastName = "Пичугина";
            user.FirstName = "Олеся";
            user.MiddleName = "Владимировна";
        });
        using var client = await factory.SignInAsync("print.teacher");
        var form = CompleteForm();
        form["Input.ClaimedCategory"] = "Highest";
        form["Input.CurrentCategory"] = "First";
        form["Input.CurrentCategoryDecisionNumber"] = "1234-р";
        form["Input.CurrentCategoryDecisionDate"] = "2024-05-20";
        var id = await SaveDraftAsync(client, form);
        var details = await client.GetDocumentAsync(EditUrl(id));
        Assert.NotNull(details.QuerySelector($"a[href='{PrintUrl(id)}']"));

        using var response = await client.GetAsync(PrintUrl(id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Заявление на аттестацию — Пичугина Олеся Владимировна.pdf",
            response.Content.Headers.ContentDisposition?.FileNameStar);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        var text = await PdfReading.TextAsync(pdf);
        Assert.Contains("от Пичугина Олеся Владимировна", text, StringComparison.Ordinal);
        Assert.Contains($"{factory.Directory.Lyceum.Name}, {factory.Directory.Tomsk.Name}", text, StringComparison.Ordinal);
        Assert.Contains("на высшую квалификационную категорию по должности «учитель»", text, StringComparison.Ordinal);
        Assert.Contains("Имею первую квалификационную категорию (распоряжение № 1234-р от 20.05.2024).", text,
            StringComparison.Ordinal);
        Assert.Contains("Томский государственный педагогический университет, 2005 г.", text, StringComparison.Ordinal);
        Assert.Contains("/ Пичугина О. В. /", text, StringComparison.Ordinal);
        // A4 portrait, as Chromium rounds it.
        var (width, height) = await PdfReading.PageSizeAsync(pdf);
        Assert.InRange(width, 594, 597);
        Assert.InRange(height, 841, 844);
    }

    [Fact]
    public async Task A_submitted_application_can_still_be_printed()
    {
        await _cabinet.CreateTeacherAsync("print.submitted");
        using var client = await factory.SignInAsync("print.submitted");
        var id = await _cabinet.SubmittedApplicationAsync(client);

        using var response = await client.GetAsync(PrintUrl(id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await PdfReading.TextAsync(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("от Проверкина Анна Сергеевна", text, StringComparison.Ordinal);
        Assert.Contains("на первую квалификационную категорию", text, StringComparison.Ordinal);
    }
}
