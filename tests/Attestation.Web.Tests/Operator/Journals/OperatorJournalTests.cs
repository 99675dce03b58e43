using System.Globalization;
using System.Net;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Documents;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Tests.Operator.Journals;

/// <summary>
/// The operator's journals: the whole region grouped by municipality (each group numbered from 1, its count in the
/// heading, the total under the table) or one municipality, for a range of dates, as PDF and Excel read back; a wrong
/// choice is told next to its field and gives no file; no other role reaches them.
/// </summary>
public sealed class OperatorJournalTests(MunicipalFactory factory) : IClassFixture<MunicipalFactory>
{
    private readonly MunicipalWorld _world = new(factory);

    private static string Day(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Scene(
        AppUser Operator, MunicipalWorld.Place North, MunicipalWorld.Place South, DateOnly From, DateOnly To,
        IReadOnlyList<Application> NorthLines, IReadOnlyList<Application> SouthLines, Application Before, Application After);

    [Fact]
    public async Task The_regions_registration_journal_groups_the_dates_applications_by_municipality_in_pdf_and_excel()
    {
        var scene = await SceneAsync(yearsBack: 3);
        using var client = await factory.SignInAsync(scene.Operator.UserName!);
        var query = $"from={Iso(scene.From)}&to={Iso(scene.To)}";

        var page = await client.GetDocumentAsync($"/Operator/Journals?{query}");
        Assert.Equal($"Выбрано: все муниципальные образования, с {Day(scene.From)} по {Day(scene.To)}.", page.QuerySelector("#description")!.TextContent.Trim());
        Assert.Equal("5", page.QuerySelector("#registration-journal .count")!.TextContent.Trim());
        var pdfLink = page.QuerySelector("#registration-pdf")!.GetAttribute("href")!;
        var pdf = await client.DownloadAsync(pdfLink, "application/pdf");
        var xlsx = await client.DownloadAsync(page.QuerySelector("#registration-xlsx")!.GetAttribute("href")!, Downloads.ExcelType);
        await Downloads.SaveArtifactAsync("operator-registration-journal.pdf", pdf);
        await Downloads.SaveArtifactAsync("operator-registration-journal.xlsx", xlsx);

        var text = await Downloads.RawTextAsync(pdf);
        Assert.StartsWith($"{RegistrationJournalModel.Title} все муниципальные образования, с {Day(scene.From)} по {Day(scene.To)}", text, StringComparison.Ordinal);
        Downloads.AssertHeaders(text, RegistrationJournalModel.Columns);
        // Municipalities in alphabetical order, each numbered from 1 in the order of submission.
        Downloads.AssertInOrder(text,
            $"Муниципальное образование \"{scene.North.Municipality.Name}\" — 3 заявления",
            $"1 {scene.NorthLines[0].FullName}", $"2 {scene.NorthLines[1].FullName}", $"3 {scene.NorthLines[2].FullName}",
            $"Муниципальное образование \"{scene.South.Municipality.Name}\" — 2 заявления",
            $"1 {scene.SouthLines[0].FullName}", $"2 {scene.SouthLines[1].FullName}",
            "Всего заявлений: 5");
        Assert.DoesNotContain(scene.Before.LastName, text, StringComparison.Ordinal);
        Assert.DoesNotContain(scene.After.LastName, text, StringComparison.Ordinal);

        using var book = Downloads.OpenWorkbook(xlsx);
        var sheet = book.Worksheet(1);
        var columns = RegistrationJournalModel.Columns.Count;
        Assert.Equal(RegistrationJournalModel.Title, sheet.Cell(1, 1).GetString());
        Assert.Equal($"все муниципальные образования, с {Day(scene.From)} по {Day(scene.To)}", sheet.Cell(2, 1).GetString());
        Assert.Equal(RegistrationJournalModel.Columns, sheet.RowText(3, columns));
        Assert.Equal($"Муниципальное образование \"{scene.North.Municipality.Name}\" — 3 заявления", sheet.Cell(4, 1).GetString());
        Assert.True(sheet.Cell(4, 1).IsMerged());
        for (var i = 0; i < 3; i++)
        {
            var row = sheet.RowText(5 + i, columns);
            Assert.Equal((i + 1).ToString(CultureInfo.InvariantCulture), row[0]);
            Assert.Equal(scene.NorthLines[i].FullName, row[1]);
            Assert.Equal(RegionClock.Today(scene.NorthLines[i].SubmittedAt!.Value, MunicipalFactory.Zone), DateOnly.FromDateTime(sheet.Cell(5 + i, 7).GetDateTime()));
        }
        Assert.Equal($"Муниципальное образование \"{scene.South.Municipality.Name}\" — 2 заявления", sheet.Cell(8, 1).GetString());
        Assert.Equal($"1|{scene.SouthLines[0].FullName}", string.Join('|', sheet.RowText(9, 2)));
        Assert.Equal($"2|{scene.SouthLines[1].FullName}", string.Join('|', sheet.RowText(10, 2)));
        Assert.True(sheet.Cell(11, 1).IsEmpty());
        Assert.Equal("Всего заявлений: 5", sheet.Cell(12, 1).GetString());
    }

    [Fact]
    public async Task One_municipalitys_journals_leave_out_the_others_and_the_withdrawal_journal_has_its_full_title()
    {
        var scene = await SceneAsync(yearsBack: 4);
        await using (var db = factory.OpenDb())
        {
            var withdrawn = await db.Applications.SingleAsync(a => a.Id == scene.NorthLines[1].Id);
            withdrawn.FileWithdrawal(WithdrawalReason.Dismissal, null, byCoordinator: false, null,
                new Actor(withdrawn.TeacherId, Roles.Teacher), withdrawn.SubmittedAt!.Value.AddDays(2));
            var foreign = await db.Applications.SingleAsync(a => a.Id == scene.SouthLines[0].Id);
            foreign.FileWithdrawal(WithdrawalReason.Dismissal, null, byCoordinator: false, null,
                new Actor(foreign.TeacherId, Roles.Teacher), foreign.SubmittedAt!.Value.AddDays(2));
            await db.SaveChangesAsync();
        }
        using var client = await factory.SignInAsync(scene.Operator.UserName!);
        var query = $"municipality={scene.North.Municipality.Id}&from={Iso(scene.From)}&to={Iso(scene.To)}";

        var registration = await Downloads.RawTextAsync(
            await client.DownloadAsync($"/Operator/Journals?handler=Registration&format=pdf&{query}", "application/pdf"));
        var withdrawalPdf = await client.DownloadAsync($"/Operator/Journals?handler=Withdrawals&format=pdf&{query}", "application/pdf");
        var withdrawalXlsx = await client.DownloadAsync($"/Operator/Journals?handler=Withdrawals&format=xlsx&{query}", Downloads.ExcelType);
        await Downloads.SaveArtifactAsync("operator-withdrawal-journal.pdf", withdrawalPdf);

        var subtitle = $"муниципальное образование \"{scene.North.Municipality.Name}\", с {Day(scene.From)} по {Day(scene.To)}";
        Assert.StartsWith($"{RegistrationJournalModel.Title} {subtitle}", registration, StringComparison.Ordinal);
        Downloads.AssertInOrder(registration, $"1 {scene.NorthLines[0].FullName}", $"2 {scene.NorthLines[1].FullName}", $"3 {scene.NorthLines[2].FullName}");
        Assert.DoesNotContain("Муниципальное образование \"", registration, StringComparison.Ordinal);
        Assert.DoesNotContain(scene.SouthLines[0].LastName, registration, StringComparison.Ordinal);

        var withdrawals = await Downloads.RawTextAsync(withdrawalPdf);
        Assert.StartsWith($"Журнал регистрации отозванных заявлений педагогических работников на аттестацию {subtitle}", withdrawals, StringComparison.Ordinal);
        Assert.Contains($"1 {scene.NorthLines[1].FullName} увольнение педагогический работник", withdrawals, StringComparison.Ordinal);
        Assert.DoesNotContain(scene.SouthLines[0].LastName, withdrawals, StringComparison.Ordinal);

        using var book = Downloads.OpenWorkbook(withdrawalXlsx);
        var sheet = book.Worksheet(1);
        Assert.Equal(WithdrawalJournalModel.Title, sheet.Cell(1, 1).GetString());
        Assert.Equal(subtitle, sheet.Cell(2, 1).GetString());
        Assert.Equal($"1|{scene.NorthLines[1].FullName}|увольнение", string.Join('|', sheet.RowText(4, 3)));
        Assert.True(sheet.Cell(5, 2).IsEmpty());
    }

    [Fact]
    public async Task A_wrong_choice_is_told_next_to_its_field_keeps_what_was_typed_and_gives_no_file()
    {
        var @operator = await factory.CreateUserAsync(Roles.Operator, "journals.wrong", u => u.LastName = "Операторова");
        using var client = await factory.SignInAsync(@operator.UserName!);

        var reversed = await client.GetDocumentAsync("/Operator/Journals?handler=Registration&format=pdf&from=2026-03-31&to=2026-03-01");
        Assert.Contains("Дата окончания раньше даты начала.", reversed.QuerySelector("[data-valmsg-for=To]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(reversed.QuerySelector("#description"));

        using var typo = await client.GetAsync("/Operator/Journals?handler=Withdrawals&format=xlsx&from=31.02.2026&to=2026-03-01");
        Assert.Equal("text/html", typo.Content.Headers.ContentType!.MediaType);
        var typoPage = await client.GetDocumentAsync("/Operator/Journals?from=31.02.2026&to=2026-03-01");
        Assert.Equal("31.02.2026", typoPage.QuerySelector("#from")!.GetAttribute("value"));
        Assert.False(string.IsNullOrWhiteSpace(typoPage.QuerySelector("[data-valmsg-for=From]")!.TextContent));

        var unknown = await client.GetDocumentAsync("/Operator/Journals?municipality=987654&from=2026-03-01&to=2026-03-31");
        Assert.Contains("Выберите муниципальное образование из списка.", unknown.QuerySelector("[data-valmsg-for=Municipality]")!.TextContent, StringComparison.Ordinal);

        using var badFormat = await client.GetAsync("/Operator/Journals?handler=Registration&format=docx&from=2026-03-01&to=2026-03-31");
        Assert.Equal(HttpStatusCode.NotFound, badFormat.StatusCode);
    }

    [Fact]
    public async Task A_municipal_coordinator_cannot_reach_the_regions_journals()
    {
        var place = await _world.MunicipalityAsync("Каргасокский район");
        var coordinator = await _world.CoordinatorAsync(place);
        using var client = await factory.SignInAsync(coordinator.UserName!);

        using var response = await client.GetAsync("/Operator/Journals?handler=Registration&format=xlsx&from=2026-01-01&to=2026-12-31");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    /// <summary>
    /// Two municipalities named so that «Северный» sorts before «Южный», with applications submitted in a March some
    /// years back (each test its own year, so the region's journal of those dates holds only its scene), and one the
    /// day before and one the day after the dates.
    /// </summary>
    private async Task<Scene> SceneAsync(int yearsBack)
    {
        var @operator = await factory.CreateUserAsync(Roles.Operator, $"journals.operator{yearsBack}", u => u.LastName = "Операторова");
        var year = factory.Today.Year - yearsBack;
        var from = new DateOnly(year, 3, 1);
        var to = new DateOnly(year, 3, 31);
        DateTimeOffset At(DateOnly day, int hour = 10) => RegionClock.StartOfDay(day, MunicipalFactory.Zone).AddHours(hour);

        var north = await _world.MunicipalityAsync($"Северный район {yearsBack}");
        var south = await _world.MunicipalityAsync($"Южный район {yearsBack}");
        var northApplications = new[]
        {
            await _world.ApplicationAsync(north, "Первая", ApplicationStage.Registered, submittedAt: At(from, 0)),
            await _world.ApplicationAsync(north, "Вторая", ApplicationStage.Registered, submittedAt: At(from.AddDays(9))),
            await _world.ApplicationAsync(north, "Третья", ApplicationStage.Submitted, submittedAt: At(to, 23)),
        };
        var southApplications = new[]
        {
            await _world.ApplicationAsync(south, "Четвёртая", ApplicationStage.Registered, submittedAt: At(from.AddDays(3))),
            await _world.ApplicationAsync(south, "Пятая", ApplicationStage.Submitted, submittedAt: At(from.AddDays(20))),
        };
        var before = await _world.ApplicationAsync(north, "Февральская", ApplicationStage.Registered, submittedAt: At(from.AddDays(-1), 23));
        var after = await _world.ApplicationAsync(south, "Апрельская", ApplicationStage.Registered, submittedAt: At(to.AddDays(1), 0));
        return new Scene(@operator, north, south, from, to, northApplications, southApplications, before, after);
    }
}
