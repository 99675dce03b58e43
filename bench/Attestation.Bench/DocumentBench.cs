using System.Text;
using System.Text.RegularExpressions;
using Attestation.Web.Documents;
using Attestation.Web.Documents.Spreadsheets;
using Attestation.Web.Documents.Templates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Attestation.Bench;

/// <summary>
/// The documents of issue 9 timed through the portal's own services (the same DocumentRenderer, Chromium and Open XML
/// writers as a request uses), on synthetic data shaped like the region's: long organisation names, both experts.
/// </summary>
public sealed partial class DocumentBench : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private DocumentBench(ServiceProvider services) => _services = services;

    public static Task<DocumentBench> CreateAsync(string chromiumPath)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Pdf:ChromiumPath"] = chromiumPath })
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddPortalDocuments(configuration)
            .AddPortalSpreadsheets()
            .BuildServiceProvider();
        return Task.FromResult(new DocumentBench(services));
    }

    public async Task<IReadOnlyList<Measurement>> RunAsync(TextWriter progress)
    {
        var results = new List<Measurement>();
        void Add(Measurement measurement)
        {
            results.Add(measurement);
            progress.WriteLine(measurement.ToMarkdown());
        }

        var application = SampleData.ApplicationForm(1);

        progress.WriteLine("application form, cold…");
        var (_, cold) = await Measurement.TimeAsync(() => ApplicationPdfAsync(application));
        Add(new Measurement("Заявление (PDF), первое после запуска", [cold], "—", "1 стр."));

        progress.WriteLine($"  {cold:0} ms");
        progress.WriteLine("application form, warm…");
        var warm = new List<double>();
        for (var i = 0; i < 20; i++)
            warm.Add((await Measurement.TimeAsync(() => ApplicationPdfAsync(application))).Milliseconds);
        var single = new Measurement("Заявление (PDF), прогретый", warm, "≤ 300 ms", "1 стр.");
        Add(single);

        progress.WriteLine("six application forms at once…");
        var together = new List<double>();
        // The first round opens the pages the later ones reuse: it is the cold start, not the steady state.
        for (var round = -1; round < 3; round++)
        {
            var six = Enumerable.Range(0, 6).Select(i => Measurement.TimeAsync(() => ApplicationPdfAsync(SampleData.ApplicationForm(i))));
            var times = (await Task.WhenAll(six)).Select(r => r.Milliseconds);
            if (round >= 0)
                together.AddRange(times);
        }
        Add(new Measurement("Заявление (PDF), шесть одновременно, каждое", together,
            $"≤ 2 × одного ({2 * single.Median:0} ms)", "1 стр."));

        foreach (var rows in new[] { 200, 1000 })
        {
            progress.WriteLine($"registration journal, {rows} rows…");
            var journal = SampleData.RegistrationJournal(rows);
            var times = new List<double>();
            var pages = 0;
            for (var i = 0; i < 3; i++)
            {
                var (pdf, ms) = await Measurement.TimeAsync(() => PdfAsync<RegistrationJournal>(journal, PdfPageOptions.Table(rows)));
                times.Add(ms);
                pages = PageCount(pdf);
            }
            Add(new Measurement($"Журнал регистрации, {rows:N0} строк (PDF)", times, rows == 1000 ? "≤ 3 s" : "— (≈ 20 стр.)", $"{pages} стр."));
        }

        progress.WriteLine("consolidated schedule, 5,000 rows (PDF)…");
        var consolidated = SampleData.ConsolidatedSchedule(5000);
        var schedulePdf = new List<double>();
        var schedulePages = 0;
        for (var i = 0; i < 2; i++)
        {
            try
            {
                var (pdf, ms) = await Measurement.TimeAsync(() => PdfAsync<ConsolidatedSchedule>(consolidated, PdfPageOptions.Table(5000)));
                schedulePdf.Add(ms);
                schedulePages = PageCount(pdf);
            }
            catch (TimeoutException e)
            {
                progress.WriteLine($"  {e.Message}");
                break;
            }
        }
        Add(schedulePdf.Count > 0
            ? new Measurement("Сводный график, 5 000 строк (PDF)", schedulePdf, "—", $"{schedulePages} стр.")
            : new Measurement("Сводный график, 5 000 строк (PDF): не готов в срок Pdf:Timeout", [double.NaN], "—", "—"));

        progress.WriteLine("Excel, 5,000 rows…");
        var excel = new List<double>();
        var excelSize = 0L;
        for (var i = 0; i < 5; i++)
        {
            using var file = new MemoryStream();
            var (_, ms) = await Measurement.TimeAsync(async () =>
            {
                await ScheduleWorkbook.WriteConsolidatedAsync(file, consolidated, CancellationToken.None);
                return file.Length;
            });
            excel.Add(ms);
            excelSize = file.Length;
        }
        Add(new Measurement("Сводный график, 5 000 строк (Excel)", excel, "≤ 1 s", $"{excelSize / 1024} КБ"));

        var journalWorkbook = _services.GetRequiredService<RegistrationJournalWorkbook>();
        var bigJournal = SampleData.RegistrationJournal(5000);
        var journalExcel = new List<double>();
        for (var i = 0; i < 5; i++)
            journalExcel.Add((await Measurement.TimeAsync(() => journalWorkbook.WriteAsync(bigJournal, CancellationToken.None))).Milliseconds);
        Add(new Measurement("Журнал регистрации, 5 000 строк (Excel)", journalExcel, "≤ 1 s", "—"));

        return results;
    }

    private Task<byte[]> ApplicationPdfAsync(ApplicationFormModel model) => PdfAsync<ApplicationForm>(model, PdfPageOptions.Portrait);

    private async Task<byte[]> PdfAsync<TTemplate>(object model, PdfPageOptions options)
        where TTemplate : Microsoft.AspNetCore.Components.IComponent
    {
        await using var scope = _services.CreateAsyncScope();
        var documents = scope.ServiceProvider.GetRequiredService<IDocumentRenderer>();
        return await documents.RenderPdfAsync<TTemplate>(
            new Dictionary<string, object?> { ["Model"] = model },
            options,
            CancellationToken.None);
    }

    private static int PageCount(byte[] pdf) => PageObject().Count(Encoding.Latin1.GetString(pdf));

    [GeneratedRegex(@"/Type\s*/Page(?!s)")]
    private static partial Regex PageObject();

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
