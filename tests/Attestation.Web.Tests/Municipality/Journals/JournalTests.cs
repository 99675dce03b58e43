using System.Net;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Documents;
using Attestation.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Tests.Municipality.Journals;

/// <summary>The registration and withdrawal journals as PDF and Excel, read back and checked against the database.</summary>
public sealed class JournalTests(MunicipalFactory factory) : IClassFixture<MunicipalFactory>
{
    private readonly MunicipalWorld _world = new(factory);

    private sealed record Scene(MunicipalWorld.Place Place, AppUser Coordinator, IReadOnlyList<Application> Submitted, Application LastYear,
        Application Draft, Application Foreign, Application Withdrawn, Application WithdrawalFiled);

    [Fact]
    public async Task The_registration_journal_pdf_lists_every_submitted_application_of_the_municipality_in_order()
    {
        var scene = await SceneAsync("Александровский район");
        using var client = await factory.SignInAsync(scene.Coordinator.UserName!);

        var pdf = await client.DownloadAsync("/Municipality/Journals?handler=Registration&format=pdf", "application/pdf");
        await Downloads.SaveArtifactAsync("registration-journal.pdf", pdf);

        var text = await Downloads.RawTextAsync(pdf);
        Assert.StartsWith($"{RegistrationJournalModel.Title} муниципальное образование \"{scene.Place.Municipality.Name}\"", text, StringComparison.Ordinal);
        Downloads.AssertHeaders(text, RegistrationJournalModel.Columns);
        var expected = await ExpectedRegistrationRowsAsync(scene, year: null);
        Assert.Equal(5, expected.Count);
        Assert.Contains(string.Join(" ", expected), text, StringComparison.Ordinal);
        Assert.DoesNotContain(scene.Draft.LastName, text, StringComparison.Ordinal);
        Assert.DoesNotContain(scene.Foreign.LastName, text, StringComparison.Ordinal);
        var (width, height) = await PdfReading.PageSizeAsync(pdf);
        Assert.True(width > height);
    }

    [Fact]
    public async Task The_registration_journal_excel_has_the_same_rows_and_the_year_filter_leaves_out_other_years()
    {
        var scene = await SceneAsync("Кожевниковский район");
        using var client = await factory.SignInAsync(scene.Coordinator.UserName!);
        var year = factory.Today.Year;

        var xlsx = await client.DownloadAsync($"/Municipality/Journals?handler=Registration&format=xlsx&year={year}", Downloads.ExcelType);
        await Downloads.SaveArtifactAsync("registration-journal.xlsx", xlsx);

        using var book = Downloads.OpenWorkbook(xlsx);
        var sheet = book.Worksheet(1);
        var columns = RegistrationJournalModel.Columns.Count;
        Assert.Equal(RegistrationJournalModel.Title, sheet.Cell(1, 1).GetString());
        Assert.Equal($"муниципальное образование \"{scene.Place.Municipality.Name}\", {year} год", sheet.Cell(2, 1).GetString());
        Assert.Equal(RegistrationJournalModel.Columns, sheet.RowText(3, columns));
        Assert.True(sheet.Cell(3, 1).Style.Font.Bold);
        Assert.Equal(3, sheet.SheetView.SplitRow);
        Assert.Equal(3, sheet.PageSetup.FirstRowToRepeatAtTop);

        await using var db = factory.OpenDb();
        var inYear = (await db.Applications.AsNoTracking()
                .Where(a => a.MunicipalityId == scene.Place.Municipality.Id && a.SubmittedAt != null)
                .OrderBy(a => a.SubmittedAt).ToListAsync())
            .Where(a => RegionClock.Today(a.SubmittedAt!.Value, MunicipalFactory.Zone).Year == year)
            .ToList();
        Assert.DoesNotContain(inYear, a => a.Id == scene.LastYear.Id);
        for (var i = 0; i < inYear.Count; i++)
        {
            var a = inYear[i];
            var row = sheet.RowText(4 + i, columns);
            Assert.Equal((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), row[0]);
            Assert.Equal(a.FullName, row[1]);
            Assert.Equal("первая", row[2]);
            Assert.Equal("24.12.2027", row[3]);
            Assert.Equal("высшая", row[4]);
            Assert.Equal("очно", row[5]);
            Assert.Equal(RegionClock.Today(a.SubmittedAt!.Value, MunicipalFactory.Zone), DateOnly.FromDateTime(sheet.Cell(4 + i, 7).GetDateTime()));
            Assert.Equal(a.RegistrationNumber is null ? "" : $"№ {a.RegistrationNumber} от {a.RegisteredOn:dd.MM.yyyy}", row[7]);
            Assert.Equal(a.StatusText, row[8]);
        }
        Assert.True(sheet.Cell(4 + inYear.Count, 2).IsEmpty());
    }

    [Fact]
    public async Task The_withdrawal_journal_lists_filed_and_registered_withdrawals_as_pdf_and_excel()
    {
        var scene = await SceneAsync("Парабельский район");
        using var client = await factory.SignInAsync(scene.Coordinator.UserName!);

        var pdf = await client.DownloadAsync("/Municipality/Journals?handler=Withdrawals&format=pdf", "application/pdf");
        var xlsx = await client.DownloadAsync("/Municipality/Journals?handler=Withdrawals&format=xlsx", Downloads.ExcelType);
        await Downloads.SaveArtifactAsync("withdrawal-journal.pdf", pdf);
        await Downloads.SaveArtifactAsync("withdrawal-journal.xlsx", xlsx);

        var registered = await _world.ReloadAsync(scene.Withdrawn.Id);
        var filed = await _world.ReloadAsync(scene.WithdrawalFiled.Id);
        string Day(DateTimeOffset at) => RegionClock.Today(at, MunicipalFactory.Zone).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

        var text = await Downloads.RawTextAsync(pdf);
        Assert.StartsWith($"{WithdrawalJournalModel.Title} муниципальное образование \"{scene.Place.Municipality.Name}\"", text, StringComparison.Ordinal);
        Downloads.AssertHeaders(text, WithdrawalJournalModel.Columns);
        Assert.Contains(
            $"1 {registered.FullName} увольнение педагогический работник {Day(registered.Withdrawal!.FiledAt)} {Day(registered.Withdrawal.RegisteredAt!.Value)} "
            + $"2 {filed.FullName} по состоянию здоровья: операция муниципальный координатор {Day(filed.Withdrawal!.FiledAt)} не зарегистрировано",
            text, StringComparison.Ordinal);

        using var book = Downloads.OpenWorkbook(xlsx);
        var sheet = book.Worksheet(1);
        Assert.Equal(WithdrawalJournalModel.Title, sheet.Cell(1, 1).GetString());
        Assert.Equal(WithdrawalJournalModel.Columns, sheet.RowText(3, WithdrawalJournalModel.Columns.Count));
        Assert.Equal(["1", registered.FullName, "увольнение", "педагогический работник", Day(registered.Withdrawal.FiledAt), Day(registered.Withdrawal.RegisteredAt!.Value)],
            sheet.RowText(4, 6));
        Assert.Equal(["2", filed.FullName, "по состоянию здоровья: операция", "муниципальный координатор", Day(filed.Withdrawal.FiledAt), "не зарегистрировано"],
            sheet.RowText(5, 6));
        Assert.True(sheet.Cell(6, 2).IsEmpty());
        Assert.Equal(ClosedXML.Excel.XLDataType.DateTime, sheet.Cell(4, 5).DataType);
        Assert.Equal("dd.mm.yyyy", sheet.Cell(4, 5).Style.DateFormat.Format);
    }

    [Fact]
    public async Task Another_municipality_journals_never_show_these_applications_and_a_bad_format_is_not_found()
    {
        var scene = await SceneAsync("Первомайский район");
        var stranger = await _world.CoordinatorAsync(await _world.MunicipalityAsync("Чаинский район"), "Чужакова");
        using var client = await factory.SignInAsync(stranger.UserName!);

        var registration = await Downloads.RawTextAsync(
            await client.DownloadAsync("/Municipality/Journals?handler=Registration&format=pdf", "application/pdf"));
        using var withdrawals = Downloads.OpenWorkbook(
            await client.DownloadAsync("/Municipality/Journals?handler=Withdrawals&format=xlsx", Downloads.ExcelType));
        using var badFormat = await client.GetAsync("/Municipality/Journals?handler=Registration&format=docx");

        Assert.DoesNotContain(scene.Submitted[0].LastName, registration, StringComparison.Ordinal);
        Assert.Contains("Заявлений нет.", registration, StringComparison.Ordinal);
        Assert.True(withdrawals.Worksheet(1).Cell(4, 2).IsEmpty());
        Assert.Equal(HttpStatusCode.NotFound, badFormat.StatusCode);
    }

    private async Task<IReadOnlyList<string>> ExpectedRegistrationRowsAsync(Scene scene, int? year)
    {
        await using var db = factory.OpenDb();
        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.MunicipalityId == scene.Place.Municipality.Id && a.SubmittedAt != null)
            .OrderBy(a => a.SubmittedAt)
            .ToListAsync();
        return applications
            .Where(a => year is null || RegionClock.Today(a.SubmittedAt!.Value, MunicipalFactory.Zone).Year == year)
            .Select((a, i) => string.Join(" ", new[]
            {
                (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), a.FullName, "первая", "24.12.2027", "высшая", "очно",
                RegionClock.Today(a.SubmittedAt!.Value, MunicipalFactory.Zone).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture),
                a.RegistrationNumber is null ? null : $"№ {a.RegistrationNumber} от {a.RegisteredOn:dd.MM.yyyy}",
                a.StatusText,
            }.Where(part => part is not null)))
            .ToList();
    }

    [Fact]
    public async Task A_journal_too_long_for_a_pdf_is_refused_with_a_russian_message_and_its_excel_streams_every_line()
    {
        var place = await _world.MunicipalityAsync("Верхнекетский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var one = await _world.ApplicationAsync(place, "Многочисленная", ApplicationStage.Submitted, submittedAt: factory.Now.AddDays(-3));
        var lines = DocumentLimits.PdfLines + 1;
        await using (var db = factory.OpenDb())
        {
            // The same application over and over under new ids: a journal longer than a PDF may be, in one statement.
            await ApplicationCopies.InsertAsync(db, one.Id, lines - 1);
        }
        using var client = await factory.SignInAsync(coordinator.UserName!);

        using var refused = await client.GetAsync("/Municipality/Journals?handler=Registration&format=pdf");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var page = System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains($"В журнале регистрации {DocumentLimits.Count(lines)} строка: в PDF выгружается не более {DocumentLimits.Count(DocumentLimits.PdfLines)}. Выберите год или скачайте Excel.",
            page, StringComparison.Ordinal);

        var xlsx = await client.DownloadAsync("/Municipality/Journals?handler=Registration&format=xlsx", Downloads.ExcelType);
        using var book = Downloads.OpenWorkbook(xlsx);
        var sheet = book.Worksheet(1);
        var columns = RegistrationJournalModel.Columns.Count;
        Assert.Equal(3 + lines, sheet.LastRowUsed()!.RowNumber());
        Assert.Equal("1", sheet.Cell(4, 1).GetString());
        Assert.Equal(lines.ToString(System.Globalization.CultureInfo.InvariantCulture), sheet.Cell(3 + lines, 1).GetString());
        Assert.All(new[] { 4, 3 + lines }, row => Assert.Equal(one.FullName, sheet.RowText(row, columns)[1]));
    }

    private async Task<Scene> SceneAsync(string name)
    {
        var place = await _world.MunicipalityAsync(name);
        var coordinator = await _world.CoordinatorAsync(place);
        var a = await _world.ExpertAsync(place, "Фёдоров");
        var b = await _world.ExpertAsync(place, "Громов");
        var lastYear = await _world.ApplicationAsync(place, "Прошлогодняя", ApplicationStage.Registered,
            submittedAt: RegionClock.StartOfDay(new DateOnly(factory.Today.Year - 1, 6, 10), MunicipalFactory.Zone).AddHours(10));
        var submitted = await _world.ApplicationAsync(place, "Поданная", ApplicationStage.Submitted, submittedAt: factory.Now.AddDays(-2));
        var scheduled = await _world.ApplicationAsync(place, "Назначенная", ApplicationStage.Scheduled, factory.OpenPeriod, a, b,
            submittedAt: factory.Now.AddDays(-20));
        var draft = await _world.ApplicationAsync(place, "Черновая", ApplicationStage.Draft);
        var foreign = await _world.ApplicationAsync(await _world.MunicipalityAsync("Тегульдетский район"), "Чужая", ApplicationStage.Registered);

        // Two withdrawals: one by the teacher, registered; one by the coordinator, still to be registered.
        var withdrawn = await _world.ApplicationAsync(place, "Уволенная", ApplicationStage.Registered, submittedAt: factory.Now.AddDays(-25));
        var filed = await _world.ApplicationAsync(place, "Больная", ApplicationStage.Registered, submittedAt: factory.Now.AddDays(-24));
        await using (var db = factory.OpenDb())
        {
            var first = await db.Applications.SingleAsync(x => x.Id == withdrawn.Id);
            first.FileWithdrawal(WithdrawalReason.Dismissal, null, byCoordinator: false, null, new Actor(first.TeacherId, Roles.Teacher), factory.Now.AddDays(-6));
            first.RegisterWithdrawal(new Actor(coordinator.Id, Roles.MunicipalCoordinator), factory.Now.AddDays(-5));
            var second = await db.Applications.SingleAsync(x => x.Id == filed.Id);
            var scan = await _world.FileAsync("Заявление на отзыв.pdf", coordinator.Id);
            second.FileWithdrawal(WithdrawalReason.Health, "операция", byCoordinator: true, scan, new Actor(coordinator.Id, Roles.MunicipalCoordinator), factory.Now.AddDays(-1));
            await db.SaveChangesAsync();
        }

        return new Scene(place, coordinator, [submitted, scheduled], lastYear, draft, foreign, withdrawn, filed);
    }
}
