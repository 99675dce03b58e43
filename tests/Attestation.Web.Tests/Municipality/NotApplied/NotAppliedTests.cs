using System.Net;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Notifications;
using Attestation.Web.Tests.Support;

namespace Attestation.Web.Tests.Municipality.NotApplied;

public sealed class NotAppliedTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private const string Url = "/Municipality/NotApplied";

    private TestDirectory Directory => factory.Directory;

    [Fact]
    public async Task The_list_shows_the_teachers_of_the_municipality_who_never_submitted_with_their_drafts()
    {
        var (municipalityId, organisationId) = await NewMunicipalityAsync("Парабельский район");
        using var client = await Coordinators.SignedInAsync(factory, "na.list.coord", municipalityId);
        var idle = await TeacherAsync("na.list.idle", municipalityId, organisationId, "Бездействующая");
        var drafting = await TeacherAsync("na.list.draft", municipalityId, organisationId, "Черновикова");
        await Coordinators.ApplicationAsync(factory, drafting, daysAgo: null);
        var submitted = await TeacherAsync("na.list.submitted", municipalityId, organisationId, "Подавшая");
        await Coordinators.ApplicationAsync(factory, submitted, daysAgo: 3);
        await TeacherAsync("na.list.foreign", Directory.Tomsk.Id, Directory.Lyceum.Id, "Чужая");
        await factory.CreateUserAsync(Roles.Expert, "na.list.expert", u => u.MunicipalityId = municipalityId);

        var page = await client.GetDocumentAsync(Url);

        Assert.Equal(
            [
                "Выбрать", "Фамилия Имя Отчество", "Место работы (образовательная организация)", "Номер телефона (сотовый)",
                "Адрес электронной почты", "Зарегистрировался", "Сформировал заявление на аттестацию",
                "Последнее уведомление", "",
            ],
            page.QuerySelectorAll("#teachers thead th").Select(th => th.TextContent.Trim()));
        var rows = page.QuerySelectorAll("#teachers tbody tr").ToList();
        Assert.Equal([idle.Id, drafting.Id], rows.Select(r => Guid.Parse(r.GetAttribute("data-id")!)));
        var cells = rows[1].QuerySelectorAll("td").Skip(1).Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("Черновикова Татьяна Игоревна", cells[0]);
        Assert.Equal("МБОУ СОШ (Парабельский район)", cells[1]);
        Assert.Equal("+7 913 000-11-22", cells[2]);
        Assert.Equal("na.list.draft@example.org", cells[3]);
        Assert.Equal(drafting.CreatedAt.ToOffset(TimeSpan.FromHours(7)).ToString("dd.MM.yyyy HH:mm",
            System.Globalization.CultureInfo.InvariantCulture), cells[4]);
        Assert.Equal("да (черновик)", cells[5]);
        Assert.Equal("нет", rows[0].QuerySelectorAll("td")[6].TextContent.Trim());
    }

    [Fact]
    public async Task A_reminder_to_one_teacher_goes_once_a_day_and_again_the_next_day()
    {
        var (municipalityId, organisationId) = await NewMunicipalityAsync("Зырянский район");
        await Coordinators.CoordinatorAsync(factory, "na.one.coord", municipalityId);
        var client = await factory.SignInAsync("na.one.coord");
        var teacher = await TeacherAsync("na.one.teacher", municipalityId, organisationId, "Напоминаемая");
        var mails = (await factory.SentMailsAsync()).Count;
        var form = $"#teachers tr[data-id='{teacher.Id}'] form";

        using var first = await client.SubmitFormAsync(Url, new Dictionary<string, string>(), formSelector: form);
        var afterFirst = await client.GetDocumentAsync(Url);
        using var second = await Coordinators.ForgedPostAsync(client, $"{Url}?id={teacher.Id}&handler=Send");
        var afterSecond = await client.GetDocumentAsync(Url);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("Уведомление отправлено: Напоминаемая Татьяна Игоревна (na.one.teacher@example.org).",
            afterFirst.QuerySelector("[role=status]")!.TextContent.Trim());
        // The button is disabled for the rest of the day; a post sent anyway is refused.
        Assert.True(afterFirst.QuerySelector($"{form} button")!.HasAttribute("disabled"));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Contains("уведомление сегодня уже отправлено, повторно его можно отправить завтра", afterSecond.QuerySelector("#refusal")!.TextContent, StringComparison.Ordinal);
        var mail = Assert.Single((await factory.SentMailsAsync()).Skip(mails));
        Assert.Equal("na.one.teacher@example.org", mail.To.Trim('<', '>'));
        Assert.Equal(ApplicationEmails.ReminderSubject, mail.Subject);
        Assert.Contains("заявление о проведении аттестации ещё не подано", mail.PlainText, StringComparison.Ordinal);
        Assert.Contains(Coordinators.WorkPhone, mail.PlainText, StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromDays(1));
        client.Dispose();
        client = await factory.SignInAsync("na.one.coord");
        using var nextDay = await client.SubmitFormAsync(Url, new Dictionary<string, string>(), formSelector: form);

        Assert.Equal(HttpStatusCode.Redirect, nextDay.StatusCode);
        Assert.Equal(2, (await factory.SentMailsAsync()).Skip(mails).Count(m => m.To.Contains("na.one.teacher", StringComparison.Ordinal)));
        client.Dispose();
    }

    [Fact]
    public async Task A_reminder_to_all_skips_the_teachers_reminded_today_and_says_how_many_were_sent()
    {
        var (municipalityId, organisationId) = await NewMunicipalityAsync("Кожевниковский район");
        using var client = await Coordinators.SignedInAsync(factory, "na.all.coord", municipalityId);
        var early = await TeacherAsync("na.all.early", municipalityId, organisationId, "Ранняя");
        await TeacherAsync("na.all.second", municipalityId, organisationId, "Вторая");
        await TeacherAsync("na.all.third", municipalityId, organisationId, "Третья");
        (await client.SubmitFormAsync(Url, new Dictionary<string, string>(),
            formSelector: $"#teachers tr[data-id='{early.Id}'] form")).Dispose();
        var mails = (await factory.SentMailsAsync()).Count;

        using var all = await client.SubmitFormAsync(Url, new Dictionary<string, string>(), formSelector: "#send-all-form");
        var afterAll = await client.GetDocumentAsync(Url);
        using var again = await client.SubmitFormAsync(Url, new Dictionary<string, string>(), formSelector: "#send-all-form");
        var afterAgain = await client.GetDocumentAsync(Url);

        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        Assert.Equal("Уведомлений отправлено: 2. Пропущено, так как уведомление сегодня уже отправлялось: 1.",
            afterAll.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Equal("Уведомлений отправлено: 0. Пропущено, так как уведомление сегодня уже отправлялось: 3.",
            afterAgain.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Equal(["na.all.second@example.org", "na.all.third@example.org"],
            (await factory.SentMailsAsync()).Skip(mails).Select(m => m.To.Trim('<', '>')).Order());
        await using var db = factory.OpenDb();
        Assert.Equal(3, db.NotificationLogs.Count(n => n.Kind == NotificationKind.SubmissionReminder
            && db.Users.Any(u => u.Id == n.UserId && u.MunicipalityId == municipalityId)));
    }

    [Fact]
    public async Task Two_coordinators_pressing_send_to_all_at_once_mail_each_teacher_once()
    {
        var (municipalityId, organisationId) = await NewMunicipalityAsync("Молчановский район");
        using var first = await Coordinators.SignedInAsync(factory, "na.race.coord1", municipalityId);
        using var second = await Coordinators.SignedInAsync(factory, "na.race.coord2", municipalityId);
        for (var i = 0; i < 5; i++)
            await TeacherAsync($"na.race.t{i}", municipalityId, organisationId, "Гонкова");
        var pages = await Task.WhenAll(first.GetDocumentAsync(Url), second.GetDocumentAsync(Url));
        var mails = (await factory.SentMailsAsync()).Count;

        await Task.WhenAll(
            first.SubmitFormAsync(pages[0], Url, new Dictionary<string, string>(), formSelector: "#send-all-form"),
            second.SubmitFormAsync(pages[1], Url, new Dictionary<string, string>(), formSelector: "#send-all-form"));

        var sent = (await factory.SentMailsAsync()).Skip(mails).Select(m => m.To.Trim('<', '>')).ToList();
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"na.race.t{i}@example.org"), sent.Order());
    }

    [Fact]
    public async Task The_list_is_searched_by_a_part_of_the_name_and_its_excel_has_the_rows_found()
    {
        var (municipalityId, organisationId) = await NewMunicipalityAsync("Чаинский район");
        using var client = await Coordinators.SignedInAsync(factory, "na.find.coord", municipalityId);
        var found = await TeacherAsync("na.find.one", municipalityId, organisationId, "Семёнова");
        await TeacherAsync("na.find.two", municipalityId, organisationId, "Петрова");
        await TeacherAsync("na.find.foreign", Directory.Tomsk.Id, Directory.Lyceum.Id, "Семенова");

        var page = await client.GetDocumentAsync($"{Url}?q=СЕМЕН");
        var excel = page.QuerySelector("#excel")!.GetAttribute("href")!;
        using var book = Downloads.OpenWorkbook(await client.DownloadAsync(excel, Downloads.ExcelType));
        var sheet = book.Worksheet(1);

        Assert.Equal([found.Id], page.QuerySelectorAll("#teachers tbody tr").Select(r => Guid.Parse(r.GetAttribute("data-id")!)));
        Assert.Equal("СЕМЕН", page.QuerySelector("#q")!.GetAttribute("value"));
        Assert.Equal("Педагогические работники, не подавшие заявление", sheet.Cell(1, 1).GetString());
        Assert.Equal("поиск по ФИО: «СЕМЕН»", sheet.Cell(2, 1).GetString());
        Assert.Equal(["Семёнова Татьяна Игоревна", "МБОУ СОШ (Чаинский район)", "+7 913 000-11-22", "na.find.one@example.org"],
            sheet.RowText(4, 4));
        Assert.Equal("Всего: 1", sheet.Cell(6, 1).GetString());
    }

    [Fact]
    public async Task Reminding_the_chosen_teachers_lists_them_first_and_then_mails_each_once()
    {
        var (municipalityId, organisationId) = await NewMunicipalityAsync("Бакчарский район");
        using var client = await Coordinators.SignedInAsync(factory, "na.chosen.coord", municipalityId);
        var first = await TeacherAsync("na.chosen.first", municipalityId, organisationId, "Первая");
        var second = await TeacherAsync("na.chosen.second", municipalityId, organisationId, "Вторая");
        var left = await TeacherAsync("na.chosen.left", municipalityId, organisationId, "Невыбранная");
        var foreign = await TeacherAsync("na.chosen.foreign", Directory.Tomsk.Id, Directory.Lyceum.Id, "Чужая");
        var mails = (await factory.SentMailsAsync()).Count;

        using var confirm = await PostAsync(client, await client.GetDocumentAsync(Url), "#choose-form",
            [first.Id, second.Id, foreign.Id]);
        var confirmation = await confirm.ReadDocumentAsync();

        // Nothing is sent before the confirmation; another municipality's teacher is not on it.
        Assert.Equal(mails, (await factory.SentMailsAsync()).Count);
        // In the list's order, by the name.
        Assert.Equal([second.Id, first.Id],
            confirmation.QuerySelectorAll("#confirm-list li").Select(li => Guid.Parse(li.GetAttribute("data-id")!)));
        Assert.Contains("Отправить уведомление выбранным педагогическим работникам (2)?", confirmation.QuerySelector("#confirm")!.TextContent, StringComparison.Ordinal);

        using var sent = await PostAsync(client, confirmation, "#confirm form", []);
        using var again = await PostAsync(client, confirmation, "#confirm form", []);
        var after = await client.GetDocumentAsync(Url);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("Уведомлений отправлено: 0. Пропущено, так как уведомление сегодня уже отправлялось: 2.",
            after.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Equal(["na.chosen.first@example.org", "na.chosen.second@example.org"],
            (await factory.SentMailsAsync()).Skip(mails).Select(m => m.To.Trim('<', '>')).Order());
        Assert.DoesNotContain((await factory.SentMailsAsync()).Skip(mails), m => m.To.Contains(left.Email!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Choosing_nobody_says_so_and_sends_nothing()
    {
        var (municipalityId, organisationId) = await NewMunicipalityAsync("Тегульдетский район");
        using var client = await Coordinators.SignedInAsync(factory, "na.none.coord", municipalityId);
        await TeacherAsync("na.none.teacher", municipalityId, organisationId, "Одинокая");
        var mails = (await factory.SentMailsAsync()).Count;

        using var response = await PostAsync(client, await client.GetDocumentAsync(Url), "#choose-form", []);
        var after = await client.GetDocumentAsync(Url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Отметьте педагогических работников", after.QuerySelector("#refusal")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(mails, (await factory.SentMailsAsync()).Count);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, AngleSharp.Html.Dom.IHtmlDocument page, string formSelector,
        IReadOnlyList<Guid> ticked) =>
        client.PostRepeatedAsync(page, formSelector, ticked.Select(id => new KeyValuePair<string, string>("ids", id.ToString())));

    private Task<AppUser> TeacherAsync(string login, int municipalityId, int organisationId, string lastName) =>
        Coordinators.TeacherAsync(factory, login, municipalityId, organisationId, Directory.SchoolTeacher.Id, lastName);

    private Task<(int MunicipalityId, int OrganisationId)> NewMunicipalityAsync(string name) =>
        Coordinators.MunicipalityAsync(factory, name);
}
