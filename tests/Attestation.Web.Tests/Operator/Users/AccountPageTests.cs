using System.Net;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Tests.Municipality;
using Attestation.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Tests.Operator.Users;

/// <summary>
/// An account on its own page: the last sign-in, the history of what was done to it (who, when, why), the move to
/// another municipality or organisation with a reason; and «Пользователи» as an Excel file.
/// </summary>
public sealed class AccountPageTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private TestDirectory Directory => factory.Directory;

    [Fact]
    public async Task The_operator_moves_a_teacher_to_another_municipality_with_a_reason_written_in_the_history()
    {
        var teacher = await factory.CreateUserAsync(Roles.Teacher, "acc.move.teacher", u =>
        {
            (u.LastName, u.FirstName, u.MiddleName) = ("Переводова", "Анна", "Ильинична");
            (u.MunicipalityId, u.OrganisationId) = (Directory.Tomsk.Id, Directory.Lyceum.Id);
        });
        using var client = await OperatorAsync("acc.move.op");
        var url = $"/Operator/Users/Account?id={teacher.Id}";

        // Without a reason: refused next to the field, nothing moved, the choice kept.
        var form = await client.GetDocumentAsync($"{url}&municipalityId={Directory.District.Id}");
        var district = Inv(Directory.District.Id);
        var village = Inv(Directory.VillageSchool.Id);
        using var refused = await client.SubmitFormAsync(form, url, new Dictionary<string, string>
        {
            ["Input.OrganisationId"] = village,
            ["Input.Reason"] = "  ",
        }, "#move");
        var again = await refused.ReadDocumentAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Укажите причину переноса", again.QuerySelector("[data-valmsg-for='Input.Reason']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(village, again.QuerySelector("#Input_OrganisationId option[selected]")!.GetAttribute("value"));
        Assert.Equal(district, again.QuerySelector("#Input_MunicipalityId")!.GetAttribute("value"));

        using var moved = await client.SubmitFormAsync(again, url, new Dictionary<string, string>
        {
            ["Input.Reason"] = "Перевод в сельскую школу с 01.09",
        }, "#move");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        // The same form sent again carries the old version: refused, not moved twice.
        using var stale = await client.SubmitFormAsync(again, url, new Dictionary<string, string>
        {
            ["Input.Reason"] = "Перевод в сельскую школу с 01.09",
        }, "#move");
        Assert.Contains("изменили, пока была открыта эта страница", (await stale.ReadDocumentAsync()).QuerySelector("#move [role=alert]")!.TextContent,
            StringComparison.Ordinal);

        var page = await client.GetDocumentAsync(url);
        Assert.Equal(Directory.District.Name, page.QuerySelector("#municipality")!.TextContent.Trim());
        Assert.Equal(Directory.VillageSchool.Name, page.QuerySelector("#organisation")!.TextContent.Trim());
        var line = Assert.Single(page.QuerySelectorAll("#history tbody tr")).QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("Перенос в другой муниципалитет или организацию", line[1]);
        Assert.Equal($"Город Томск, {Directory.Lyceum.Name} → Томский район, {Directory.VillageSchool.Name}", line[2]);
        Assert.Equal("Перевод в сельскую школу с 01.09", line[3]);
        await using var db = factory.OpenDb();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == teacher.Id);
        Assert.Equal((Directory.District.Id, Directory.VillageSchool.Id), (user.MunicipalityId!.Value, user.OrganisationId!.Value));
        Assert.Equal(1, await db.AccountEvents.CountAsync(e => e.UserId == teacher.Id && e.Kind == AccountEventKind.Moved));
    }

    [Fact]
    public async Task A_block_is_in_the_history_and_the_last_sign_in_is_shown_in_the_list_the_page_and_the_excel()
    {
        var expert = await factory.CreateUserAsync(Roles.Expert, "acc.hist.expert", u =>
        {
            (u.LastName, u.FirstName, u.MiddleName) = ("Историева", "Вера", "Павловна");
            u.MunicipalityId = Directory.Tomsk.Id;
        });
        var signedInAt = factory.Clock.GetUtcNow();
        (await factory.SignInAsync("acc.hist.expert")).Dispose();
        using var client = await OperatorAsync("acc.hist.op");
        var list = await client.GetDocumentAsync("/Operator/Users?q=Историева");
        using (var blocked = await client.SubmitFormAsync(list, "/Operator/Users?q=Историева", new Dictionary<string, string>(), "#users form", "block"))
            Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);

        var when = signedInAt.ToOffset(TimeSpan.FromHours(7)).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        list = await client.GetDocumentAsync("/Operator/Users?q=Историева");
        Assert.Equal(when, list.QuerySelector("#users td.last-sign-in")!.TextContent.Trim());
        var page = await client.GetDocumentAsync($"/Operator/Users/Account?id={expert.Id}");
        Assert.Equal(when, page.QuerySelector("#last-sign-in")!.TextContent.Trim());
        var line = Assert.Single(page.QuerySelectorAll("#history tbody tr")).QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("Учётная запись заблокирована", line[1]);
        Assert.StartsWith("Оператор Т.", line[4], StringComparison.Ordinal);

        using var book = Downloads.OpenWorkbook(await client.DownloadAsync(list.QuerySelector("#excel")!.GetAttribute("href")!, Downloads.ExcelType));
        var sheet = book.Worksheet(1);
        Assert.Equal("поиск по ФИО, логину или адресу: «Историева»", sheet.Cell(2, 1).GetString());
        Assert.Equal(["Историева Вера Павловна", "acc.hist.expert", "acc.hist.expert@example.org", "Специалист по аттестации", "Город Томск", "—",
                signedInAt.ToOffset(TimeSpan.FromHours(7)).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture), "заблокирована"],
            sheet.RowText(4, 8));
        Assert.Equal("Всего: 1", sheet.Cell(6, 1).GetString());
    }

    [Fact]
    public async Task The_municipal_coordinator_moves_his_expert_within_his_municipality_only_and_never_sees_another_ones_account()
    {
        var (tomsk, district) = (Directory.Tomsk.Id, Directory.District.Id);
        var expert = await factory.CreateUserAsync(Roles.Expert, "acc.mun.expert", u => (u.MunicipalityId, u.OrganisationId) = (tomsk, Directory.Lyceum.Id));
        var foreign = await factory.CreateUserAsync(Roles.Expert, "acc.mun.foreign", u => u.MunicipalityId = district);
        using var client = await Coordinators.SignedInAsync(factory, "acc.mun.coord", tomsk);
        var url = $"/Municipality/Users/Account?id={expert.Id}";
        var form = await client.GetDocumentAsync(url);

        // Only his municipality's organisations are offered; a forged other municipality is refused.
        Assert.Null(form.QuerySelector("#choose-municipality"));
        Assert.Equal(new[] { "", Inv(Directory.Gymnasium.Id), Inv(Directory.Lyceum.Id) }.Order(),
            form.QuerySelectorAll("#Input_OrganisationId option").Select(o => o.GetAttribute("value") ?? "").Order());
        using var forged = await client.SubmitFormAsync(form, url, new Dictionary<string, string>
        {
            ["Input.MunicipalityId"] = Inv(district),
            ["Input.OrganisationId"] = Inv(Directory.VillageSchool.Id),
            ["Input.Reason"] = "попытка",
        }, "#move");
        Assert.Contains("образовательную организацию выбранного муниципалитета",
            (await forged.ReadDocumentAsync()).QuerySelector("[data-valmsg-for='Input.OrganisationId']")!.TextContent, StringComparison.Ordinal);

        using var moved = await client.SubmitFormAsync(form, url, new Dictionary<string, string>
        {
            ["Input.OrganisationId"] = Inv(Directory.Gymnasium.Id),
            ["Input.Reason"] = "Перешла в гимназию",
        }, "#move");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        await using (var db = factory.OpenDb())
            Assert.Equal((tomsk, Directory.Gymnasium.Id), ((await db.Users.AsNoTracking().SingleAsync(u => u.Id == expert.Id)).MunicipalityId!.Value,
                (await db.Users.AsNoTracking().SingleAsync(u => u.Id == expert.Id)).OrganisationId!.Value));

        using var other = await client.GetAsync($"/Municipality/Users/Account?id={foreign.Id}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        using var otherPost = await client.PostFormToAsync(form, $"/Municipality/Users/Account?id={foreign.Id}&handler=Move",
            new Dictionary<string, string> { ["Input.Reason"] = "чужой", ["Input.Version"] = foreign.ConcurrencyStamp! }, formSelector: "#move");
        Assert.Equal(HttpStatusCode.NotFound, otherPost.StatusCode);
    }

    private static string Inv(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<HttpClient> OperatorAsync(string login)
    {
        await factory.CreateUserAsync(Roles.Operator, login, u => (u.LastName, u.FirstName) = ("Оператор", "Тамара"));
        return await factory.SignInAsync(login);
    }
}
