using System.Text;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Attestation.Web.Tests.Storage;

/// <summary>What a browser receives when a page returns <see cref="FileDownload.Attachment(StoredFileContent)"/>.</summary>
public sealed class FileDownloadTests
{
    [Fact]
    public async Task A_stored_file_downloads_as_an_attachment_with_its_Russian_name_and_no_sniffing()
    {
        var content = "%PDF-1.7 заявление"u8.ToArray();
        var file = new StoredFileContent(Guid.CreateVersion7(), "Заявление Пичугина О. В.pdf", "application/pdf", content);

        var response = await ExecuteAsync(FileDownload.Attachment(file));

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal("application/pdf", response.ContentType);
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions);
        Assert.Equal("private, no-store", response.Headers.CacheControl);
        var disposition = ContentDispositionHeaderValue.Parse(response.Headers.ContentDisposition.ToString());
        Assert.Equal("attachment", disposition.DispositionType.Value);
        Assert.Equal("Заявление Пичугина О. В.pdf", disposition.FileNameStar.Value);
        Assert.Contains("filename*=UTF-8''", response.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        Assert.Equal(content, ((MemoryStream)response.Body).ToArray());
    }

    [Fact]
    public async Task A_generated_document_downloads_the_same_way()
    {
        var response = await ExecuteAsync(FileDownload.Attachment(Encoding.ASCII.GetBytes("%PDF-"), "application/pdf", "График.pdf"));

        Assert.Equal("nosniff", response.Headers.XContentTypeOptions);
        Assert.StartsWith("attachment", response.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_ending_in_an_initial_gets_one_dot_and_a_readable_ASCII_fallback()
    {
        var response = await ExecuteAsync(FileDownload.Attachment(Encoding.ASCII.GetBytes("%PDF-"), "application/pdf", "Заявление на аттестацию — Белоусова З. Н..pdf"));

        var disposition = ContentDispositionHeaderValue.Parse(response.Headers.ContentDisposition.ToString());
        Assert.Equal("Заявление на аттестацию — Белоусова З. Н.pdf", disposition.FileNameStar.Value);
        Assert.Equal("Zayavlenie na attestatsiyu - Belousova Z. N.pdf", disposition.FileName.Value?.Trim('"'));
    }

    [Theory]
    [InlineData("Белоусова З. Н..pdf", "Белоусова З. Н.pdf")]
    [InlineData("Журнал  регистрации\t—  2026.xlsx", "Журнал регистрации — 2026.xlsx")]
    [InlineData("График: «Город Томск»/2026?.pdf", "График_ «Город Томск»_2026_.pdf")]
    [InlineData("..pdf", "document.pdf")]
    [InlineData("Без расширения.", "Без расширения")]
    public void A_name_is_cleaned_for_every_file_system(string name, string expected) =>
        Assert.Equal(expected, DownloadName.Clean(name));

    [Theory]
    [InlineData("Журнал регистрации отозванных заявлений — Город Томск — 2026.xlsx", "Zhurnal registratsii otozvannykh zayavleniy - Gorod Tomsk - 2026.xlsx")]
    [InlineData("Щукина Юлия Ёжикова «№ 5».pdf", "Shchukina Yuliya Ezhikova N 5.pdf")]
    [InlineData("Müller 100%.pdf", "M_ller 100_.pdf")]
    public void The_ASCII_fallback_is_transliterated(string name, string expected) =>
        Assert.Equal(expected, DownloadName.AsciiFallback(name));

    private static async Task<HttpResponse> ExecuteAsync(IActionResult result)
    {
        await using var services = new ServiceCollection().AddLogging().AddMvcCore().Services.BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = new MemoryStream();
        await result.ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));
        return http.Response;
    }
}
