using Microsoft.EntityFrameworkCore;
using System.Globalization;
using System.Net;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Rules;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Notifications;

namespace Attestation.Web.Tests.Municipality.Registration;

public sealed class RegistrationTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private static readonly TimeZoneInfo Tomsk = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tomsk");

    private TestDirectory Directory => factory.Directory;

    private DateOnly Today => RegionClock.Today(factory.Clock.GetUtcNow(), Tomsk);

    [Fact]
    public async Task The_journal_lists_the_submitted_applications_of_the_municipality_with_the_seed_columns_and_the_30_day_clock()
    {
        var (municipalityId, organisationId) = await NewMunicipalityAsync("Бакчарский район");
        using var client = await Coordinators.SignedInAsync(factory, "reg.journal.coord", municipalityId);
        async Task<AppUser> Teacher(string login, string lastName) =>
            await Coordinators.TeacherAsync(factory, login, municipalityId, organisationId, Directory.SchoolTeacher.Id, lastName);
        var fresh = await Coordinators.ApplicationAsync(factory, await Teacher("reg.journal.fresh", "Свежева"), daysAgo: 2);
        var near = await Coordinators.ApplicationAsync(factory, await Teacher("reg.journal.near", "Близкова"), daysAgo: 25);
        var late = await Coordinators.ApplicationAsync(factory, await Teacher("reg.journal.late", "Поздняя"), daysAgo: 31);
        var draft = await Coordinators.ApplicationAsync(factory, await Teacher("reg.journal.draft", "Черновая"), daysAgo: null);
        var foreign = await Coordinators.ApplicationAsync(factory, await Coordinators.TeacherAsync(factory,
            "reg.journal.foreign", Directory.Tomsk.Id, Directory.Lyceum.Id, Directory.SchoolTeacher.Id, "Чужая"), daysAgo: 40);

        var page = await client.GetDocumentAsync("/Municipality/Registration");

        Assert.Equal(
            [
                "Фамилия Имя Отчество", "Имеющаяся (имевшаяся) категория", "Дата окончания её срока", "Заявленная категория",
                "Форма аттестации", "Дата подачи", "Дата и номер регистрации", "Статус", "Срок рассмотрения", "Действия",
            ],
            page.QuerySelectorAll("#journal thead th").Select(th => th.TextContent.Trim()));
        // The seed's full wording stays in the header's tooltip.
        Assert.Equal("Имеющаяся (имевшаяся, в случае истечения срока действия) квалификационная категория",
            page.QuerySelectorAll("#journal thead th")[1].GetAttribute("title"));
        var rows = page.QuerySelectorAll("#journal tbody tr").ToList();
        // The oldest submission first: it is the one that runs out first.
        Assert.Equal([late.Id, near.Id, fresh.Id], rows.Select(r => Guid.Parse(r.GetAttribute("data-id")!)));
        Assert.DoesNotContain(rows, r => r.GetAttribute("data-id") == draft.Id.ToString());
        Assert.DoesNotContain(rows, r => r.GetAttribute("data-id") == foreign.Id.ToString());
        Assert.Equal(["Red", "Amber", "Green"], rows.Select(r => r.QuerySelector("[data-light]")!.GetAttribute("data-light")));

        var cells = rows[2].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.StartsWith("Свежева Татьяна Игоревна", cells[0], StringComparison.Ordinal);
        Assert.Equal("не имею", cells[1]);
        Assert.Equal("первая", cells[3]);
        Assert.Equal("очно", cells[4]);
        Assert.Equal(Today.AddDays(-2).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), cells[5]);
        Assert.Equal("", cells[6]);
        Assert.Equal("Подано", cells[7]);
        Assert.Contains($"до {Today.AddDays(28):dd.MM.yyyy}", cells[8], StringComparison.Ordinal);
        Assert.Contains("осталось 28 дн.", cells[8], StringComparison.Ordinal);
        Assert.Contains("просрочено на 1 дн.", rows[0].TextContent, StringComparison.Ordinal);

        Assert.Equal("/Municipality/Journals?handler=Registration&format=pdf", page.QuerySelector("#journal-pdf")!.GetAttribute("href"));
        Assert.Equal("/Municipality/Journals?handler=Registration&format=xlsx", page.QuerySelector("#journal-xlsx")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_status_filter_shows_the_overdue_the_near_and_the_registered_ones()
    {
        var (municipalityId, organisationId) = await NewMunicipalityAsync("ЗАТО Северск");
        using var client = await Coordinators.SignedInAsync(factory, "reg.filter.coord", municipalityId);
        async Task<Application> Submit(string login, int daysAgo) => await Coordinators.ApplicationAsync(factory,
            await Coordinators.TeacherAsync(factory, login, municipalityId, organisationId, Directory.SchoolTeacher.Id),
            daysAgo);
        var near = await Submit("reg.filter.near", 24);
        var late = await Submit("reg.filter.late", 35);
        var registered = await Submit("reg.filter.registered", 3);
        await RegisterAsync(client, registered.Id);

        Assert.Equal([late.Id], await RowIdsAsync(client, "/Municipality/Registration?show=overdue"));
        Assert.Equal([near.Id], await RowIdsAsync(client, "/Municipality/Registration?show=near"));
        Assert.Equal([registered.Id], await RowIdsAsync(client, "/Municipality/Registration?show=Registered"));
        Assert.Equal([late.Id, near.Id], await RowIdsAsync(client, "/Municipality/Registration"));
        Assert.Equal(3, (await RowIdsAsync(client, "/Municipality/Registration?show=all")).Count);
        var page = await client.GetDocumentAsync("/Municipality/Registration?show=Registered");
        Assert.Contains($"№ 1/{Today.Year}", page.QuerySelector("#journal tbody tr")!.TextContent, StringComparison.Ordinal);

        // The three lists' counts read the same whichever list is shown (counted among the waiting ones, or among all).
        foreach (var show in new[] { "", "?show=near", "?show=Registered", "?show=all" })
        {
            var text = (await client.GetDocumentAsync("/Municipality/Registration" + show)).Body!.TextContent;
            Assert.Contains("Ожидают регистрации: 2", text, StringComparison.Ordinal);
            Assert.Contains("Срок истекает: 1", text, StringComparison.Ordinal);
            Assert.Contains("Срок истёк: 1", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Registering_gives_the_next_number_of_the_year_and_the_date_and_mails_the_teacher()
    {
        var (municipalityId, organisationId) = await NewMunicipalityAsync("Асиновский район");
        using var client = await Coordinators.SignedInAsync(factory, "reg.numbers.coord", municipalityId);
        var first = await Coordinators.ApplicationAsync(factory, await Coordinators.TeacherAsync(factory, "reg.numbers.t1",
            municipalityId, organisationId, Directory.SchoolTeacher.Id, "Первова"), daysAgo: 3);
        var second = await Coordinators.ApplicationAsync(factory, await Coordinators.TeacherAsync(factory, "reg.numbers.t2",
            municipalityId, organisationId, Directory.SchoolTeacher.Id, "Вторая"), daysAgo: 2);
        var mails = (await factory.SentMailsAsync()).Count;

        using var response = await RegisterAsync(client, first.Id);
        var page = await client.GetDocumentAsync($"/Municipality/Applications/Details?id={first.Id}");
        await RegisterAsync(client, second.Id);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Municipality/Applications/Details?id={first.Id}", response.RedirectPath());
        var registeredFirst = await Coordinators.ReloadAsync(factory, first.Id);
        var registeredSecond = await Coordinators.ReloadAsync(factory, second.Id);
        Assert.Equal(ApplicationStatus.Registered, registeredFirst.Status);
        Assert.Equal($"1/{Today.Year}", registeredFirst.RegistrationNumber);
        Assert.Equal($"2/{Today.Year}", registeredSecond.RegistrationNumber);
        Assert.Equal(Today, registeredFirst.RegisteredOn);
        var registeredEvent = registeredFirst.Events.OrderBy(e => e.Number).Last();
        Assert.Equal(ApplicationEventKind.Registered, registeredEvent.Kind);
        Assert.Equal(Roles.MunicipalCoordinator, registeredEvent.ActorRole);

        Assert.Contains($"Первова Татьяна Игоревна: заявление зарегистрировано, № 1/{Today.Year} от {Today:dd.MM.yyyy}", page.QuerySelector("[role=status]")!.TextContent,
            StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#consider"));
        // The card goes on to the next step: the schedule of this very application.
        var next = page.QuerySelector("#next-step a#next-step-schedule")!;
        Assert.Equal("Назначить период и специалистов", next.TextContent.Trim());
        Assert.Equal($"/Municipality/Schedule/Assign?id={first.Id}", next.GetAttribute("href"));
        Assert.Contains("Назначьте период аттестации и двух специалистов по аттестации", page.QuerySelector("#next-step")!.TextContent,
            StringComparison.Ordinal);

        var sent = (await factory.SentMailsAsync()).Skip(mails).ToList();
        Assert.Equal(["reg.numbers.t1@example.org", "reg.numbers.t2@example.org"], sent.Select(m => m.To.Trim('<', '>')));
        Assert.All(sent, mail => Assert.Equal(ApplicationEmails.RegisteredSubject, mail.Subject));
        Assert.Contains($"№ 1/{Today.Year} от {Today:dd.MM.yyyy}", sent[0].PlainText, StringComparison.Ordinal);
        Assert.Contains($"/Teacher/Applications/Details?id={first.Id}", sent[0].PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Numbers_continue_after_the_numbers_already_in_the_journal()
    {
        var (municipalityId, organisationId) = await NewMunicipalityAsync("Колпашевский район");
        var coordinator = await Coordinators.CoordinatorAsync(factory, "reg.continue.coord", municipalityId);
        using var client = await factory.SignInAsync("reg.continue.coord");
        // Registered before the portal took over numbering (demo data, an import): number 7 of this year.
        await Coordinators.Application(factory, await Coordinators.TeacherAsync(factory, "reg.continue.old",
                municipalityId, organisationId, Directory.SchoolTeacher.Id), daysAgo: 10)
            .By(coordinator)
            .Registered($"7/{Today.Year}", factory.Clock.GetUtcNow().AddDays(-9), Today)
            .AtAsync(ApplicationStage.Registered);
        var next = await Coordinators.ApplicationAsync(factory, await Coordinators.TeacherAsync(factory, "reg.continue.new",
            municipalityId, organisationId, Directory.SchoolTeacher.Id), daysAgo: 1);

        await RegisterAsync(client, next.Id);

        Assert.Equal($"8/{Today.Year}", (await Coordinators.ReloadAsync(factory, next.Id)).RegistrationNumber);
    }

    [Fact]
    public async Task Two_coordinators_registering_at_the_same_moment_get_two_consecutive_numbers()
    {
        var (municipalityId, organisationId) = await NewMunicipalityAsync("Томский район (параллельно)");
        await Coordinators.CoordinatorAsync(factory, "reg.race.coord1", municipalityId);
        await Coordinators.CoordinatorAsync(factory, "reg.race.coord2", municipalityId);
        using var first = await factory.SignInAsync("reg.race.coord1");
        using var second = await factory.SignInAsync("reg.race.coord2");
        var applications = new List<Application>();
        for (var i = 0; i < 6; i++)
        {
            applications.Add(await Coordinators.ApplicationAsync(factory, await Coordinators.TeacherAsync(factory,
                $"reg.race.t{i}", municipalityId, organisationId, Directory.SchoolTeacher.Id), daysAgo: 5));
        }
        var tokens = await Task.WhenAll(Coordinators.AntiforgeryTokenAsync(first), Coordinators.AntiforgeryTokenAsync(second));

        // Three rounds of two registrations posted at once, each coordinator on a different application.
        for (var round = 0; round < 3; round++)
        {
            var responses = await Task.WhenAll(
                PostRegisterAsync(first, tokens[0], applications[2 * round].Id),
                PostRegisterAsync(second, tokens[1], applications[(2 * round) + 1].Id));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        }

        var numbers = new List<string?>();
        foreach (var application in applications)
            numbers.Add((await Coordinators.ReloadAsync(factory, application.Id)).RegistrationNumber);
        Assert.Equal(Enumerable.Range(1, 6).Select(n => $"{n}/{Today.Year}"),
            numbers.OrderBy(n => int.Parse(n!.Split('/')[0], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task The_same_application_registered_twice_at_the_same_moment_is_registered_once()
    {
        var (municipalityId, organisationId) = await NewMunicipalityAsync("Шегарский район");
        await Coordinators.CoordinatorAsync(factory, "reg.twice.coord1", municipalityId);
        await Coordinators.CoordinatorAsync(factory, "reg.twice.coord2", municipalityId);
        using var first = await factory.SignInAsync("reg.twice.coord1");
        using var second = await factory.SignInAsync("reg.twice.coord2");
        var application = await Coordinators.ApplicationAsync(factory, await Coordinators.TeacherAsync(factory,
            "reg.twice.teacher", municipalityId, organisationId, Directory.SchoolTeacher.Id), daysAgo: 5);
        var tokens = await Task.WhenAll(Coordinators.AntiforgeryTokenAsync(first), Coordinators.AntiforgeryTokenAsync(second));
        var mails = (await factory.SentMailsAsync()).Count;

        var responses = await Task.WhenAll(
            PostRegisterAsync(first, tokens[0], application.Id),
            PostRegisterAsync(second, tokens[1], application.Id));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var saved = await Coordinators.ReloadAsync(factory, application.Id);
        Assert.Equal($"1/{Today.Year}", saved.RegistrationNumber);
        Assert.Single(saved.Events, e => e.Kind == ApplicationEventKind.Registered);
        Assert.Single((await factory.SentMailsAsync()).Skip(mails));
        // The refused attempt gave its number back: the next registration is number 2, not 3.
        var next = await Coordinators.ApplicationAsync(factory, await Coordinators.TeacherAsync(factory,
            "reg.twice.next", municipalityId, organisationId, Directory.SchoolTeacher.Id), daysAgo: 1);
        await RegisterAsync(first, next.Id);
        Assert.Equal($"2/{Today.Year}", (await Coordinators.ReloadAsync(factory, next.Id)).RegistrationNumber);
    }

    [Fact]
    public async Task Rejection_without_a_reason_is_refused_next_to_the_field_and_nothing_changes()
    {
        using var client = await Coordinators.SignedInAsync(factory, "reg.noreason.coord", Directory.District.Id);
        var application = await SubmittedAsync("reg.noreason.teacher", "Безпричинная", daysAgo: 4);
        var mails = (await factory.SentMailsAsync()).Count;
        var url = $"/Municipality/Applications/Details?id={application.Id}";

        using var response = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Reject.Reason"] = "   " },
            formSelector: "#reject-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Reject.Reason"] = "Укажите причину отклонения: педагог получит её в письме и увидит в личном кабинете.",
            },
            page.FieldErrors());
        Assert.Equal(ApplicationStatus.Submitted, (await Coordinators.ReloadAsync(factory, application.Id)).Status);
        Assert.Equal(mails, (await factory.SentMailsAsync()).Count);
    }

    [Fact]
    public async Task Rejection_with_a_reason_is_recorded_and_the_teacher_gets_it_by_email()
    {
        using var client = await Coordinators.SignedInAsync(factory, "reg.reject.coord", Directory.District.Id);
        var application = await SubmittedAsync("reg.reject.teacher", "Отклонённая", daysAgo: 6);
        var mails = (await factory.SentMailsAsync()).Count;
        const string reason = "Отсутствует подпись на скане заявления; неправильно указана должность.";

        using var response = await client.SubmitFormAsync($"/Municipality/Applications/Details?id={application.Id}",
            new Dictionary<string, string> { ["Reject.Reason"] = reason }, formSelector: "#reject-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await Coordinators.ReloadAsync(factory, application.Id);
        Assert.Equal(ApplicationStatus.Rejected, saved.Status);
        Assert.Equal(reason, saved.RejectionReason);
        var rejected = saved.Events.OrderBy(e => e.Number).Last();
        Assert.Equal((ApplicationEventKind.Rejected, reason), (rejected.Kind, rejected.Reason));

        var mail = Assert.Single((await factory.SentMailsAsync()).Skip(mails));
        Assert.Equal("reg.reject.teacher@example.org", mail.To.Trim('<', '>'));
        Assert.Equal("Заявление отклонено", mail.Subject);
        Assert.Contains(reason, mail.PlainText, StringComparison.Ordinal);
        Assert.Contains("подайте заявление повторно", mail.PlainText, StringComparison.Ordinal);
        Assert.Contains(Coordinators.WorkPhone, mail.PlainText, StringComparison.Ordinal);
        Assert.Contains($"/Teacher/Applications/Details?id={application.Id}", mail.PlainText, StringComparison.Ordinal);
        Assert.Contains(reason, mail.Html, StringComparison.Ordinal);

        var page = await client.GetDocumentAsync($"/Municipality/Applications/Details?id={application.Id}");
        Assert.Contains("желательно позвонить педагогу", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(reason, page.QuerySelector("#rejection")!.TextContent.Trim());
        Assert.Contains(reason, page.QuerySelector("#history")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_application_shows_its_documents_the_rule_warnings_and_the_history()
    {
        using var client = await Coordinators.SignedInAsync(factory, "reg.details.coord", Directory.District.Id);
        var scan = "%PDF-1.4 скан заявления"u8.ToArray();
        // «высшая» claimed without any «первая» or «высшая» held: a rule warns, naming itself.
        var application = await Coordinators.ApplicationAsync(factory, await TeacherAsync("reg.details.teacher", "Подробная"),
            daysAgo: 3, claimed: QualificationCategory.Highest, scan: scan);

        var page = await client.GetDocumentAsync($"/Municipality/Applications/Details?id={application.Id}");

        Assert.Equal("высшая", page.QuerySelector("#claimed")!.TextContent.Trim());
        var warning = Assert.Single(page.QuerySelectorAll("#warnings li"));
        Assert.Equal(RuleCodes.HighestRequiresPrior, warning.GetAttribute("data-rule"));
        Assert.Contains("Правило:", warning.TextContent, StringComparison.Ordinal);
        var link = page.QuerySelector("#documents a")!;
        Assert.Equal("Заявление (скан).pdf", link.TextContent.Trim());
        Assert.Equal(["Создан черновик заявления", "Заявление изменено", "Прикреплён документ", "Заявление подано"],
            page.QuerySelectorAll("#history li > div > span:first-child").Select(s => s.TextContent.Trim().Split(" «")[0]));
        Assert.NotNull(page.QuerySelector("#register"));
        Assert.NotNull(page.QuerySelector("#reject"));

        using var download = await client.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(scan, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_application_with_warnings_is_marked_in_the_journal_and_registered_only_once_they_are_confirmed()
    {
        var (municipalityId, organisationId) = await NewMunicipalityAsync("Молчановский район");
        using var client = await Coordinators.SignedInAsync(factory, "reg.warned.coord", municipalityId);
        // «высшая» claimed with no category held: one rule warns. The other one is clean.
        var warned = await Coordinators.ApplicationAsync(factory, await Coordinators.TeacherAsync(factory,
            "reg.warned.teacher", municipalityId, organisationId, Directory.SchoolTeacher.Id, "Предупреждённая"),
            daysAgo: 2, claimed: QualificationCategory.Highest);
        var clean = await Coordinators.ApplicationAsync(factory, await Coordinators.TeacherAsync(factory,
            "reg.clean.teacher", municipalityId, organisationId, Directory.SchoolTeacher.Id, "Чистая"), daysAgo: 1);

        var journal = await client.GetDocumentAsync("/Municipality/Registration");
        var marker = journal.QuerySelector($"tr[data-id='{warned.Id}'] .warnings")!;
        Assert.Equal("⚠ 1 предупреждение", marker.TextContent.Trim());
        Assert.Null(journal.QuerySelector($"tr[data-id='{clean.Id}'] .warnings"));

        // «Зарегистрировать» in the journal: not registered, the warnings listed with a confirmation.
        using (var first = await client.SubmitFormAsync(journal, "/Municipality/Registration", new Dictionary<string, string>(),
                   $"tr[data-id='{warned.Id}'] form"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var confirm = await first.ReadDocumentAsync();
            var listed = Assert.Single(confirm.QuerySelectorAll("#confirm-register li"));
            Assert.Equal(RuleCodes.HighestRequiresPrior, listed.GetAttribute("data-rule"));
            Assert.Equal(ApplicationStatus.Submitted, (await Coordinators.ReloadAsync(factory, warned.Id)).Status);

            using var confirmed = await client.SubmitFormAsync(confirm, $"/Municipality/Applications/Details?id={warned.Id}",
                new Dictionary<string, string>(), "#confirm-register form");
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
            // Confirmed from the journal, the answer returns to the journal.
            Assert.Equal("/Municipality/Registration", confirmed.Headers.Location!.OriginalString);
        }
        Assert.Equal(ApplicationStatus.Registered, (await Coordinators.ReloadAsync(factory, warned.Id)).Status);

        // Without warnings nothing is asked.
        using (var direct = await client.SubmitFormAsync(await client.GetDocumentAsync("/Municipality/Registration"),
                   "/Municipality/Registration", new Dictionary<string, string>(), $"tr[data-id='{clean.Id}'] form"))
            Assert.Equal(HttpStatusCode.Redirect, direct.StatusCode);
        Assert.Equal(ApplicationStatus.Registered, (await Coordinators.ReloadAsync(factory, clean.Id)).Status);
    }

    [Fact]
    public async Task Registering_from_the_journal_returns_to_the_journal_with_the_number()
    {
        var (municipalityId, organisationId) = await NewMunicipalityAsync("Чаинский район");
        using var client = await Coordinators.SignedInAsync(factory, "reg.fromlist.coord", municipalityId);
        var application = await Coordinators.ApplicationAsync(factory, await Coordinators.TeacherAsync(factory,
            "reg.fromlist.teacher", municipalityId, organisationId, Directory.SchoolTeacher.Id, "Списочная"), daysAgo: 2);

        using var response = await client.SubmitFormAsync("/Municipality/Registration", new Dictionary<string, string>(),
            formSelector: $"#journal tr[data-id='{application.Id}'] form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Municipality/Registration", response.RedirectPath());
        var page = await client.GetDocumentAsync("/Municipality/Registration");
        Assert.Contains($"Списочная Татьяна Игоревна: заявление зарегистрировано, № 1/{Today.Year}",
            page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("#journal tbody tr"));
    }

    [Fact]
    public async Task Several_chosen_applications_are_listed_for_confirmation_then_registered_in_turn_once()
    {
        var (municipalityId, organisationId) = await NewMunicipalityAsync("Первомайский район");
        using var client = await Coordinators.SignedInAsync(factory, "reg.bulk.coord", municipalityId);
        async Task<Application> Submitted(string login, string lastName, int daysAgo, QualificationCategory claimed = QualificationCategory.First) =>
            await Coordinators.ApplicationAsync(factory, await Coordinators.TeacherAsync(factory, login, municipalityId, organisationId,
                Directory.SchoolTeacher.Id, lastName), daysAgo, claimed);
        var older = await Submitted("reg.bulk.older", "Первова", daysAgo: 3);
        var newer = await Submitted("reg.bulk.newer", "Вторая", daysAgo: 2);
        // «высшая» with no category held: a warning, so not offered for choosing and refused if posted.
        var warned = await Submitted("reg.bulk.warned", "Предупреждённая", daysAgo: 1, QualificationCategory.Highest);
        var foreign = await SubmittedAsync("reg.bulk.foreign", "Чужая", daysAgo: 1);
        var mails = (await factory.SentMailsAsync()).Count;

        var journal = await client.GetDocumentAsync("/Municipality/Registration");
        Assert.NotNull(journal.QuerySelector($"#choose-{older.Id}"));
        Assert.Null(journal.QuerySelector($"#choose-{warned.Id}"));
        using var confirm = await client.PostRepeatedAsync(journal, "#choose-form",
            new[] { newer.Id, older.Id, warned.Id, foreign.Id }.Select(id => new KeyValuePair<string, string>("ids", id.ToString())));
        var confirmation = await confirm.ReadDocumentAsync();

        // Nothing registered yet; the other municipality's application is not even named.
        Assert.Equal(ApplicationStatus.Submitted, (await Coordinators.ReloadAsync(factory, older.Id)).Status);
        Assert.Equal([older.Id, newer.Id, warned.Id],
            confirmation.QuerySelectorAll("#confirm-list li").Select(li => Guid.Parse(li.GetAttribute("data-id")!)));
        Assert.Contains("Зарегистрировать выбранные заявления (2)?", confirmation.QuerySelector("#confirm h2")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("есть предупреждения", confirmation.QuerySelector($"#confirm-list li[data-id='{warned.Id}']")!.TextContent, StringComparison.Ordinal);

        using var registered = await client.PostRepeatedAsync(confirmation, "#confirm form", []);
        using var again = await client.PostRepeatedAsync(confirmation, "#confirm form", []);
        var after = await client.GetDocumentAsync("/Municipality/Registration?show=all");

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var year = Today.Year;
        Assert.Equal(($"1/{year}", $"2/{year}"),
            ((await Coordinators.ReloadAsync(factory, older.Id)).RegistrationNumber, (await Coordinators.ReloadAsync(factory, newer.Id)).RegistrationNumber));
        Assert.Equal(ApplicationStatus.Submitted, (await Coordinators.ReloadAsync(factory, warned.Id)).Status);
        Assert.Equal(ApplicationStatus.Submitted, (await Coordinators.ReloadAsync(factory, foreign.Id)).Status);
        // The second press found them registered: nothing more, and it says why.
        Assert.Equal("Ни одно заявление не зарегистрировано.", after.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Contains("уже не ожидает регистрации", after.QuerySelector("#refusal")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["reg.bulk.newer@example.org", "reg.bulk.older@example.org"],
            (await factory.SentMailsAsync()).Skip(mails).Select(m => m.To.Trim('<', '>')).Order());
        // In the history: who registered it.
        var history = (await Coordinators.ReloadAsync(factory, older.Id)).Events.OrderBy(e => e.Number).Last();
        Assert.Equal((ApplicationStatus.Registered, "reg.bulk.coord"), (history.ToStatus,
            (await factory.OpenDb().Users.AsNoTracking().SingleAsync(u => u.Id == history.ActorId)).UserName));
    }

    [Fact]
    public async Task An_application_with_a_pending_withdrawal_cannot_be_registered()
    {
        using var client = await Coordinators.SignedInAsync(factory, "reg.withdrawing.coord", Directory.District.Id);
        var teacher = await TeacherAsync("reg.withdrawing.teacher", "Отзывающая");
        var application = await Coordinators.Application(factory, teacher, daysAgo: 4)
            .Withdrawn(WithdrawalReason.Health, at: factory.Clock.GetUtcNow().AddDays(-4).AddHours(1), registered: false)
            .AtAsync(ApplicationStage.Submitted);
        var token = await Coordinators.AntiforgeryTokenAsync(client);

        using var response = await PostRegisterAsync(client, token, application.Id);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ApplicationStatus.Submitted, (await Coordinators.ReloadAsync(factory, application.Id)).Status);
        var page = await client.GetDocumentAsync($"/Municipality/Applications/Details?id={application.Id}");
        Assert.Contains("подано заявление на отзыв", page.QuerySelector("#refusal")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#withdrawal-pending"));
        Assert.Null(page.QuerySelector("#register"));
    }

    private Task<AppUser> TeacherAsync(string login, string lastName) =>
        Coordinators.TeacherAsync(factory, login, Directory.District.Id, Directory.VillageSchool.Id, Directory.SchoolTeacher.Id, lastName);

    private async Task<Application> SubmittedAsync(string login, string lastName, int daysAgo) =>
        await Coordinators.ApplicationAsync(factory, await TeacherAsync(login, lastName), daysAgo);

    private Task<(int MunicipalityId, int OrganisationId)> NewMunicipalityAsync(string name) =>
        Coordinators.MunicipalityAsync(factory, name);

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, Guid id) =>
        client.SubmitFormAsync($"/Municipality/Applications/Details?id={id}", new Dictionary<string, string>(),
            formSelector: "#register-form");

    private static async Task<HttpResponseMessage> PostRegisterAsync(HttpClient client, string token, Guid id)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        return await client.PostAsync($"/Municipality/Applications/Details?id={id}&handler=Register", content);
    }

    private static async Task<IReadOnlyList<Guid>> RowIdsAsync(HttpClient client, string url) =>
        (await client.GetDocumentAsync(url)).QuerySelectorAll("#journal tbody tr")
            .Select(r => Guid.Parse(r.GetAttribute("data-id")!))
            .ToList();
}
