using System.Net;
using Attestation.Testing;
using static Attestation.Web.Tests.Operator.OperatorDesk;

namespace Attestation.Web.Tests.Operator.Print;

/// <summary>
/// «Печать заявлений»: the submitted applications of one municipality and one period, counted on the page, then printed
/// into one PDF with each application on pages of its own, numbered apart, read back with pdftotext.
/// </summary>
public sealed class PrintApplicationsTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    /// <summary>The teachers as the header of each application names them: «от Абрамовой Анны Сергеевны».</summary>
    private static readonly string[] PrintedTeachers = ["Абрамовой", "Борисовой", "Воронцовой"];

    private readonly OperatorDesk _desk = new(factory);

    private TestDirectory Directory => factory.Directory;

    [Fact]
    public async Task The_pdf_holds_every_application_of_the_municipality_and_period_each_on_pages_of_its_own()
    {
        var (period, other) = await PeriodsAsync();
        var experts = (await _desk.CreateExpertAsync("print.expert.a", "Экспертова"), await _desk.CreateExpertAsync("print.expert.b", "Экспертина"));
        int tomsk = Directory.Tomsk.Id, lyceum = Directory.Lyceum.Id;
        // The first one runs over two pages: the next still starts on a page of its own.
        var longGrounds = string.Join("\n", Enumerable.Range(1, 45).Select(i => $"{i}. Результат работы за {2000 + i} год: призёры олимпиад."));
        await _desk.NamedApplicationAsync("print.in.1", "Абрамова", tomsk, lyceum, ApplicationStage.Scheduled, period, resultsGrounds: longGrounds);
        await _desk.NamedApplicationAsync("print.in.2", "Борисова", tomsk, Directory.Gymnasium.Id, ApplicationStage.Scheduled, period, experts);
        await _desk.NamedApplicationAsync("print.in.3", "Воронцова", tomsk, lyceum, ApplicationStage.Scheduled, period);
        await _desk.NamedApplicationAsync("print.other.period", "Голубева", tomsk, lyceum, ApplicationStage.Scheduled, other);
        await _desk.NamedApplicationAsync("print.no.period", "Демидова", tomsk, lyceum, ApplicationStage.Registered);
        await _desk.NamedApplicationAsync("print.withdrawn", "Ефимова", tomsk, lyceum, ApplicationStage.Scheduled, period, withdrawn: true);
        await _desk.NamedApplicationAsync("print.district", "Жданова", Directory.District.Id, Directory.VillageSchool.Id, ApplicationStage.Scheduled, period);
        using var client = await _desk.SignInOperatorAsync("print.operator");

        var page = await client.GetDocumentAsync($"/Operator/Print?period={period.Id}&municipality={tomsk}");
        Assert.Equal($"Заявлений муниципального образования \"Город Томск\" за период «{period.Name}»: 3", Text(page.QuerySelector("#count")!));
        Assert.Equal(["Абрамова Анна Сергеевна", "Борисова Анна Сергеевна", "Воронцова Анна Сергеевна"],
            page.QuerySelectorAll("#applications tbody tr").Select(r => Text(r.QuerySelectorAll("td")[1])));
        var href = page.QuerySelector("#download")!.GetAttribute("href")!;

        var pdf = await client.DownloadAsync(href, "application/pdf");
        await Downloads.SaveArtifactAsync("print-applications.pdf", pdf);

        var text = await PdfReading.TextAsync(pdf);
        foreach (var name in new[] { "Абрамовой Анны Сергеевны", "Борисовой Анны Сергеевны", "Воронцовой Анны Сергеевны" })
            Assert.Contains($"от {name}", text, StringComparison.Ordinal);
        foreach (var absent in new[] { "Голубев", "Демидов", "Ефимов", "Жданов" })
            Assert.DoesNotContain(absent, text, StringComparison.Ordinal);
        Assert.Contains(Directory.Gymnasium.Name, text, StringComparison.Ordinal);

        // Each application starts a page: no page holds two teachers, and they come in the order of the list.
        var pages = await PdfReading.PagesAsync(pdf);
        Assert.True(pages.Count >= 4, $"Three applications, one of them long, take at least four pages, got {pages.Count}.");
        var starts = pages.Select((p, i) => (Index: i, Teacher: PrintedTeachers.Where(n => p.Contains($"от {n}", StringComparison.Ordinal)).ToList()))
            .Where(p => p.Teacher.Count > 0).ToList();
        Assert.All(starts, p => Assert.Single(p.Teacher));
        Assert.Equal(PrintedTeachers, starts.Select(p => p.Teacher[0]));
        Assert.Equal(0, starts[0].Index);
        Assert.True(starts[1].Index >= 2, $"The long application ends on page {starts[1].Index}: the next one must not start on it.");
        Assert.Contains("45. Результат работы", pages[starts[1].Index - 1], StringComparison.Ordinal);
        Assert.Equal(3, text.Split("Прошу аттестовать меня").Length - 1);
        // Each application numbers its own pages from 1, as if printed alone: «стр. 1 из 2», «стр. 2 из 2», «стр. 1 из 1»…
        var ends = starts.Skip(1).Select(p => p.Index).Append(pages.Count).ToList();
        foreach (var (start, end) in starts.Select(p => p.Index).Zip(ends))
        {
            for (var i = start; i < end; i++)
                Assert.Contains($"стр. {i - start + 1} из {end - start}", pages[i], StringComparison.Ordinal);
        }
        Assert.Equal($"Заявления о проведении аттестации — Город Томск — {period.Name}", (await PdfReading.InfoAsync(pdf))["Title"]);
    }

    [Fact]
    public async Task Without_a_period_the_submitted_and_registered_applications_waiting_for_one_are_listed()
    {
        var (period, _) = await PeriodsAsync();
        int district = Directory.District.Id, school = Directory.VillageSchool.Id;
        var submitted = await _desk.NamedApplicationAsync("print.wait.submitted", "Зайцева", district, school, ApplicationStage.Submitted);
        var registered = await _desk.NamedApplicationAsync("print.wait.registered", "Ильина", district, school, ApplicationStage.Registered);
        await _desk.NamedApplicationAsync("print.wait.draft", "Калинина", district, school, ApplicationStage.Draft);
        await _desk.NamedApplicationAsync("print.wait.rejected", "Лаптева", district, school, ApplicationStage.Rejected);
        await _desk.NamedApplicationAsync("print.wait.scheduled", "Морозова", district, school, ApplicationStage.Scheduled, period);
        await _desk.NamedApplicationAsync("print.wait.tomsk", "Носова", Directory.Tomsk.Id, Directory.Lyceum.Id, ApplicationStage.Registered);
        using var client = await _desk.SignInOperatorAsync("print.operator.waiting");

        var page = await client.GetDocumentAsync($"/Operator/Print?period=none&municipality={district}");

        Assert.Equal([submitted, registered], page.QuerySelectorAll("#applications tbody tr").Select(r => Guid.Parse(r.GetAttribute("data-id")!)));
        Assert.Contains(": 2", Text(page.QuerySelector("#count")!), StringComparison.Ordinal);
        Assert.Equal("none", page.QuerySelector("#period option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task An_empty_choice_gives_a_message_and_no_file()
    {
        var (_, other) = await PeriodsAsync();
        await _desk.NamedApplicationAsync("print.empty.elsewhere", "Орлова", Directory.Tomsk.Id, Directory.Lyceum.Id, ApplicationStage.Scheduled, other);
        using var client = await _desk.SignInOperatorAsync("print.operator.empty");
        var district = Directory.District.Id;

        var page = await client.GetDocumentAsync($"/Operator/Print?period={other.Id}&municipality={district}");
        using var download = await client.GetAsync($"/Operator/Print?handler=Download&period={other.Id}&municipality={district}");

        var message = $"Нет поданных заявлений муниципального образования \"Томский район\" за период «{other.Name}»: печатать нечего.";
        Assert.Equal(message, Text(page.QuerySelector("#empty")!));
        Assert.Null(page.QuerySelector("#download"));
        Assert.Equal(HttpStatusCode.Redirect, download.StatusCode);
        var after = await client.GetDocumentAsync(download.RedirectPath()!);
        Assert.Equal(message, StatusMessage(after));
        Assert.Equal(district.ToString(System.Globalization.CultureInfo.InvariantCulture),
            after.QuerySelector("#municipality option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_choice_not_in_the_lists_is_refused_next_to_the_list()
    {
        var (period, _) = await PeriodsAsync();
        using var client = await _desk.SignInOperatorAsync("print.operator.forged");

        var unknownMunicipality = await client.GetDocumentAsync($"/Operator/Print?period={period.Id}&municipality=987654");
        var unknownPeriod = await client.GetDocumentAsync($"/Operator/Print?period={Guid.NewGuid()}&municipality={Directory.Tomsk.Id}");
        var nothing = await client.GetDocumentAsync($"/Operator/Print?period=&municipality=");
        using var download = await client.GetAsync($"/Operator/Print?handler=Download&period={period.Id}&municipality=987654");

        Assert.Equal("Выберите муниципальное образование из списка.", Text(unknownMunicipality.QuerySelector("[data-valmsg-for=Municipality]")!));
        Assert.Equal("Выберите период аттестации из списка.", Text(unknownPeriod.QuerySelector("[data-valmsg-for=Period]")!));
        Assert.Equal("Выберите период аттестации.", Text(nothing.QuerySelector("[data-valmsg-for=Period]")!));
        Assert.Equal("Выберите муниципальное образование.", Text(nothing.QuerySelector("[data-valmsg-for=Municipality]")!));
        Assert.All(new[] { unknownMunicipality, unknownPeriod, nothing }, p => Assert.Null(p.QuerySelector("#selection")));
        Assert.Equal(HttpStatusCode.Redirect, download.StatusCode);
        var after = await client.GetDocumentAsync(download.RedirectPath()!);
        Assert.Equal("Выберите муниципальное образование из списка.", Text(after.QuerySelector("[data-valmsg-for=Municipality]")!));
    }

    [Fact]
    public async Task Only_the_operator_prints_applications()
    {
        var (period, _) = await PeriodsAsync();
        await _desk.CreateCoordinatorAsync("print.coordinator");
        using var coordinator = await factory.SignInAsync("print.coordinator");

        using var response = await coordinator.GetAsync($"/Operator/Print?handler=Download&period={period.Id}&municipality={Directory.Tomsk.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    /// <summary>Two periods far enough ahead to be open for scheduling whatever the day the tests run.</summary>
    private async Task<(Domain.Periods.AttestationPeriod Period, Domain.Periods.AttestationPeriod Other)> PeriodsAsync()
    {
        var start = new DateOnly(_desk.Today.Year, _desk.Today.Month, 1).AddMonths(3);
        var next = start.AddMonths(1);
        return (await _desk.PeriodAsync(start.Year, start.Month), await _desk.PeriodAsync(next.Year, next.Month));
    }
}
