using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Attestation.Testing;
using Attestation.Web.Documents;
using Attestation.Web.Documents.Templates;
using Microsoft.Extensions.DependencyInjection;

namespace Attestation.Web.Tests.Documents;

/// <summary>Real PDFs from Debian's Chromium, read back with poppler as a person's viewer would show them.</summary>
public sealed class PdfRenderingTests(PdfRendererFixture pdf) : IClassFixture<PdfRendererFixture>
{
    [Fact]
    public async Task The_application_form_reads_back_with_the_name_the_organisation_and_the_claimed_category()
    {
        var bytes = await pdf.RenderAsync<ApplicationForm>(
            SampleApplications.Parameters(SampleApplications.Form()), PdfPageOptions.Portrait);
        await PdfRendererFixture.SaveArtifactAsync("application-form.pdf", bytes);

        var text = await PdfReading.TextAsync(bytes);
        Assert.Contains("ЗАЯВЛЕНИЕ", text, StringComparison.Ordinal);
        Assert.Contains("В аттестационную комиссию Департамента общего образования Томской области от Пичугиной Олеси Владимировны", text, StringComparison.Ordinal);
        Assert.Contains(SampleApplications.Organisation, text, StringComparison.Ordinal);
        Assert.Contains("Прошу аттестовать меня в 2026 году на высшую квалификационную категорию по должности «учитель математики»", text, StringComparison.Ordinal);
        Assert.Contains("тел. +7 913 123-45-67, эл. почта pichugina@lyceum8.tomsk.example", text, StringComparison.Ordinal);
        Assert.Contains("Дата", text, StringComparison.Ordinal);
        Assert.Contains("Подпись", text, StringComparison.Ordinal);

        var pages = await PdfReading.PagesAsync(bytes);
        Assert.All(pages.Select((page, i) => (page, number: i + 1)),
            p => Assert.Contains($"стр. {p.number} из {pages.Count}", p.page, StringComparison.Ordinal));
        var (width, height) = await PdfReading.PageSizeAsync(bytes);
        Assert.InRange(width, 594, 597);
        Assert.InRange(height, 841, 844);
        Assert.Equal("Заявление о проведении аттестации", (await PdfReading.InfoAsync(bytes))["Title"]);
    }

    [Fact]
    public async Task The_landscape_option_turns_the_page()
    {
        var bytes = await pdf.Renderer.RenderAsync(Html("<p>Сводный график</p>"), PdfPageOptions.Table(1), CancellationToken.None);

        var (width, height) = await PdfReading.PageSizeAsync(bytes);
        Assert.InRange(width, 841, 844);
        Assert.InRange(height, 594, 597);
        Assert.Contains("Сводный график", await PdfReading.TextAsync(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_document_numbers_every_page_and_can_go_without_numbers()
    {
        var rows = string.Concat(Enumerable.Range(1, 150).Select(i => $"<p>Строка журнала {i}</p>"));

        var numbered = await PdfReading.PagesAsync(await pdf.Renderer.RenderAsync(Html(rows), PdfPageOptions.Portrait, CancellationToken.None));
        var plain = await PdfReading.PagesAsync(await pdf.Renderer.RenderAsync(Html(rows), new PdfPageOptions(PageNumbers: false), CancellationToken.None));

        Assert.True(numbered.Count >= 3, $"150 lines should take several pages, got {numbered.Count}.");
        Assert.Contains($"стр. 2 из {numbered.Count}", numbered[1], StringComparison.Ordinal);
        Assert.Contains($"стр. {numbered.Count} из {numbered.Count}", numbered[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("стр.", string.Concat(plain), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_documents_render_at_the_same_time()
    {
        var first = pdf.RenderAsync<ApplicationForm>(SampleApplications.Parameters(SampleApplications.Form()), PdfPageOptions.Portrait);
        var second = pdf.RenderAsync<ApplicationForm>(
            SampleApplications.Parameters(SampleApplications.Form(d => d with { LastName = "Ершов", FirstName = "Игорь", MiddleName = "Петрович" })),
            PdfPageOptions.Portrait);

        var both = await Task.WhenAll(first, second);

        Assert.Contains("от Пичугиной Олеси Владимировны", await PdfReading.TextAsync(both[0]), StringComparison.Ordinal);
        var secondText = await PdfReading.TextAsync(both[1]);
        Assert.Contains("от Ершова Игоря Петровича", secondText, StringComparison.Ordinal);
        Assert.Contains("ознакомлен.", secondText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_document_reaches_the_browser_as_a_private_file_deleted_once_printed()
    {
        var marker = $"Документ {Guid.NewGuid():N}";
        // Longer than a message may be, by what the page does not print.
        var padding = $"<!-- {new string('ж', ChromiumPdfRenderer.MessageDocument)} -->";

        var bytes = await pdf.Renderer.RenderAsync(Html($"<p>{marker}</p>{padding}"), PdfPageOptions.Portrait, CancellationToken.None);

        Assert.Contains(marker, await PdfReading.TextAsync(bytes), StringComparison.Ordinal);
        // Other tests of this process may be printing now: only this document's file must be gone.
        Assert.DoesNotContain(DocumentFiles.Pending(), file => File.ReadAllText(file).Contains(marker, StringComparison.Ordinal));
        var probe = DocumentFiles.Write("<p></p>");
        DocumentFiles.Delete(probe);
        Assert.False(File.Exists(probe.LocalPath));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
                File.GetUnixFileMode(Path.GetDirectoryName(probe.LocalPath)!));
    }

    [Fact]
    public async Task A_browser_that_died_is_replaced_for_the_next_document()
    {
        await pdf.Renderer.RenderAsync(Html("<p>до</p>"), PdfPageOptions.Portrait, CancellationToken.None);
        var pid = await pdf.Renderer.BrowserProcessIdAsync();

        using (var browser = Process.GetProcessById(pid))
        {
            browser.Kill();
            await browser.WaitForExitAsync();
        }
        var bytes = await pdf.Renderer.RenderAsync(Html("<p>после</p>"), PdfPageOptions.Portrait, CancellationToken.None);

        Assert.Contains("после", await PdfReading.TextAsync(bytes), StringComparison.Ordinal);
        Assert.NotEqual(pid, await pdf.Renderer.BrowserProcessIdAsync());
    }

    [Fact]
    public async Task A_signal_to_the_portals_process_group_does_not_stop_a_document_in_flight()
    {
        await pdf.Renderer.RenderAsync(Html("<p>до</p>"), PdfPageOptions.Portrait, CancellationToken.None);
        var browser = await pdf.Renderer.BrowserProcessIdAsync();
        var driver = ProcessInfo.ParentOf(browser);

        // Ctrl-C reaches the terminal's foreground group, start.sh's Ctrl-C and `kill -- -PGID` the portal's: every
        // process of that group gets the signal at once. Chromium is not in it; the driver is, and shrugs them off.
        Assert.NotEqual(ProcessInfo.GroupOf(Environment.ProcessId), ProcessInfo.GroupOf(browser));
        Assert.Equal(ProcessInfo.GroupOf(Environment.ProcessId), ProcessInfo.GroupOf(driver));

        var rows = string.Concat(Enumerable.Range(1, 3000).Select(i => $"<tr><td>{i}</td><td>Строка журнала номер {i}</td></tr>"));
        var printing = pdf.Renderer.RenderAsync(Html($"<table>{rows}</table>"), PdfPageOptions.Portrait, CancellationToken.None);
        foreach (var signal in new[] { "INT", "TERM", "HUP" })
            await ProcessInfo.SignalAsync(driver, signal);

        var pages = await PdfReading.PagesAsync(await printing);
        Assert.Contains("Строка журнала номер 3000", pages[^1], StringComparison.Ordinal);
        Assert.Equal(browser, await pdf.Renderer.BrowserProcessIdAsync());
        var after = await pdf.Renderer.RenderAsync(Html("<p>после</p>"), PdfPageOptions.Portrait, CancellationToken.None);
        Assert.Contains("после", await PdfReading.TextAsync(after), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_document_cannot_reach_the_network_or_local_files()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        var secret = Path.Combine(Path.GetTempPath(), $"attestation-secret-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(secret, "СЕКРЕТНЫЙ-ФАЙЛ");
        try
        {
            var html = Html($"""
                <p>Документ</p>
                <img src="{url}/image.png">
                <link rel="stylesheet" href="{url}/style.css">
                <iframe src="file://{secret}"></iframe>
                <iframe src="{url}/frame"></iframe>
                """);

            var bytes = await pdf.Renderer.RenderAsync(html, PdfPageOptions.Portrait, CancellationToken.None);

            var text = await PdfReading.TextAsync(bytes);
            Assert.Contains("Документ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("СЕКРЕТНЫЙ-ФАЙЛ", text, StringComparison.Ordinal);
            Assert.False(listener.Pending(), "The page opened a connection to the network.");
        }
        finally
        {
            File.Delete(secret);
            listener.Stop();
        }
    }

    [Fact]
    public async Task A_document_over_the_time_limit_fails_with_a_timeout()
    {
        await using var services = PdfRendererFixture.BuildServices(new Dictionary<string, string?>
        {
            ["Pdf:ChromiumPath"] = PdfRendererFixture.ChromiumPath,
            ["Pdf:Timeout"] = "00:00:00.001",
        });
        var renderer = (ChromiumPdfRenderer)services.GetRequiredService<IPdfRenderer>();

        await Assert.ThrowsAsync<TimeoutException>(() => renderer.RenderAsync(Html("<p>x</p>"), PdfPageOptions.Portrait, CancellationToken.None));
    }

    private static string Html(string body) =>
        $"""<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><style>{DocumentStyles.Css}</style></head><body>{body}</body></html>""";
}
