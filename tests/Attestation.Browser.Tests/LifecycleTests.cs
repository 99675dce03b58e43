using System.Globalization;
using Attestation.Browser.Tests.Pages;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Data.Demo;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Attestation.Browser.Tests;

/// <summary>
/// The demo portal started on the 5th of December, 10:00 in Tomsk (of this year, or of the next once it has passed): the
/// nearest period open for scheduling is then «январь-февраль» of the next year, so that the printed application must
/// name a year other than today's, and the days the story needs (the 16th, when the period has closed and the experts
/// see their schedules; the commission's meeting a week later) fall in the same month on whatever date the test runs.
/// </summary>
public sealed class LifecycleFixture() : BrowserFixture(FifthOfDecemberFrom)
{
    public static TimeZoneInfo Tomsk { get; } = TimeZoneInfo.FindSystemTimeZoneById(RegionClock.RegionTimeZoneId);

    /// <summary>10:00 in Tomsk on <paramref name="day"/>.</summary>
    public static DateTimeOffset MorningOf(DateOnly day) => RegionClock.StartOfDay(day, Tomsk).AddHours(10);

    private static DateTimeOffset FifthOfDecemberFrom(DateTimeOffset now)
    {
        var start = MorningOf(new DateOnly(RegionClock.Today(now, Tomsk).Year, 12, 5));
        return start >= now ? start : MorningOf(new DateOnly(RegionClock.Today(now, Tomsk).Year + 1, 12, 5));
    }
}

/// <summary>
/// The whole life of one application in the browser, by link texts, button names and field labels only (the first
/// page's address aside), with the places issue 15 found where a person stops or is misled: the explicit simplified
/// form and its own route (item 1), the teacher's home before and after the decision (2), the attestee's contacts for
/// his experts (3), the two ways of signing the conclusion and the confirmation of an early one (4), the dates that
/// cannot be true (5) and the empty or inconsistent application refused at submission (6).
/// </summary>
public sealed class LifecycleTests(LifecycleFixture fixture, ITestOutputHelper output) : IClassFixture<LifecycleFixture>
{
    private const string TeacherPassword = "Длинный-пароль-2026";
    private const string Fedorov = "Фёдоров Алексей Николаевич";
    private const string DemoTeacher = "Пичугина Ольга Владимировна";

    private static readonly Teacher Attestee = new("Журавлёва", "Анна", "Сергеевна", "a.zhuravleva", "a.zhuravleva@example.org");
    private static readonly Teacher Simplified = new("Миронова", "Елена", "Викторовна", "e.mironova", "e.mironova@example.org");

    /// <summary>Every flow of the story by the keyboard alone (issue 15, item 9): Tab to reach, Enter, Space and the arrows.</summary>
    private readonly Person _person = Person.Keyboard();
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    private sealed record Teacher(string LastName, string FirstName, string MiddleName, string Login, string Email)
    {
        public string FullName => $"{LastName} {FirstName} {MiddleName}";
    }

    [Fact]
    public async Task An_application_goes_from_a_new_teachers_sign_up_through_every_role_to_the_category_shown_on_his_home()
    {
        var today = RegionClock.Today(fixture.Portal.Clock.GetUtcNow(), LifecycleFixture.Tomsk);
        Assert.Equal((12, 5), (today.Month, today.Day));
        var periodStart = new DateOnly(today.Year + 1, 1, 1);
        var periodName = AttestationPeriod.NameOf(periodStart.Year, periodStart.Month);
        var scan = await ScanAsync();
        try
        {
            var teacher = await TeacherAppliesAsync(today, scan);
            await ASecondTeacherAppliesInTheSimplifiedFormAsync(scan);
            await TheCoordinatorRegistersBothAndSchedulesTheFirstWithTwoExpertsAsync(periodName);
            await TheTeacherSeesTheScheduleAndPrintsTheApplicationForThePeriodsYearAsync(teacher, periodName, periodStart);

            // The 16th: the period is closed for scheduling, the experts' individual schedules open.
            var sixteenth = new DateOnly(today.Year, 12, 16);
            fixture.Portal.Clock.SetUtcNow(LifecycleFixture.MorningOf(sixteenth));
            await TheOperatorApprovesTheConsolidatedScheduleAsync(periodName);
            await TheExpertCallsTheAttesteeAndUploadsTheConclusionForHimToSignAsync(periodStart, scan);
            await TheTeacherSignsTheConclusionAsync(scan);
            await TheCoordinatorVerifiesTheSignedConclusionAsync();
            var meetingDay = sixteenth.AddDays(7);
            var protocol = await TheOperatorPlansAMeetingAndCannotDecideBeforeItAsync(sixteenth, meetingDay);

            // The day of the meeting.
            fixture.Portal.Clock.SetUtcNow(LifecycleFixture.MorningOf(meetingDay));
            await TheOperatorRecordsTheDecisionAndTheOrderNotDatedAheadAsync(protocol, meetingDay);
            await TheTeachersHomeShowsTheDecisionAndTheCategoryAsync(protocol, meetingDay);
        }
        finally
        {
            File.Delete(scan);
        }
    }

    /// <summary>Items 1, 5 and 6 on the teacher's form; item 2 on his home once the application is submitted.</summary>
    private async Task<IPage> TeacherAppliesAsync(DateOnly today, string scan)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await ActivateAsync(Menu(page, "Регистрация"));
        await new RegisterPage(page, _person).RegisterAsync(Attestee.LastName, Attestee.FirstName, Attestee.MiddleName, Attestee.Login,
            Attestee.Email, "г. Томск", "МАОУ лицей № 7 г. Томска", "учитель", "математики", TeacherPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Личный кабинет педагогического работника" })).ToBeVisibleAsync();
        await ActivateAsync(page.GetByRole(AriaRole.Link, new() { Name = "Подать заявление", Exact = true }));

        // Item 1: the simplified form is a choice of its own, with its grounds from a list, never a free text.
        var general = page.GetByRole(AriaRole.Radio, new() { Name = "на общих основаниях" });
        var simplified = page.GetByRole(AriaRole.Radio, new() { Name = "по упрощённой форме" });
        await Expect(general).ToBeVisibleAsync();
        await Expect(simplified).ToBeVisibleAsync();
        var ground = page.GetByLabel("Основание для прохождения аттестации по упрощённой форме");
        Assert.Contains(SimplifiedForm.Grounds[0], await ground.InnerTextAsync(), StringComparison.Ordinal);

        // Items 5 and 6 at the draft: the simplified form without its ground, a decision dated years ahead and more
        // years in the position than in teaching are refused, each next to its field, and what was typed stays.
        var form = new ApplicationEditPage(page, _person);
        await _person.SelectAsync(page.GetByLabel("Заявленная квалификационная категория"), "первая");
        await _person.CheckAsync(page.GetByLabel("очно", new() { Exact = true }));
        await _person.CheckAsync(simplified);
        var decisionDate = page.GetByLabel("Дата распоряжения", new() { Exact = true });
        var yearsAhead = today.AddYears(4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await _person.FillAsync(decisionDate, yearsAhead);
        var pedagogical = page.GetByLabel("Педагогический стаж, лет");
        var inPosition = page.GetByLabel("Стаж в данной должности, лет");
        await _person.FillAsync(pedagogical, "12");
        await _person.FillAsync(inPosition, "17");
        await form.SaveDraftAsync();
        await Expect(ground).ToHaveAccessibleDescriptionAsync(
            "Выберите основание для упрощённой формы из списка или отметьте «на общих основаниях».");
        await Expect(decisionDate).ToHaveAccessibleDescriptionAsync("Дата распоряжения не может быть в будущем.");
        await Expect(inPosition).ToHaveAccessibleDescriptionAsync("Стаж в должности (17) не может быть больше педагогического стажа (12).");
        await Expect(inPosition).ToHaveValueAsync("17");
        await Expect(pedagogical).ToHaveValueAsync("12");
        await Expect(decisionDate).ToHaveValueAsync(yearsAhead);
        await Expect(simplified).ToBeCheckedAsync();
        await ExpectFocusOnTheFirstErrorAsync(page);
        await ShotAsync(page, "lifecycle-01-draft-refused");

        // Corrected, the draft is saved with the education, the service in the organisation and the results still empty.
        await _person.CheckAsync(general);
        await _person.FillAsync(decisionDate, "");
        await _person.FillAsync(inPosition, "10");
        await _person.CheckAsync(page.GetByLabel("Даю согласие на обработку моих персональных данных в целях проведения аттестации"));
        await form.SaveDraftAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Черновик заявления сохранён");

        // Item 6 at submission: refused, a Russian message next to each empty field, the typed values kept.
        await form.SubmitAsync();
        await Expect(Refusal(page, "Заявление не может быть подано: ")).ToBeVisibleAsync();
        (string Label, string Message)[] missing =
        [
            ("Образовательное учреждение", "Не указано образование: образовательное учреждение."),
            ("Год окончания", "Не указано образование: год окончания."),
            ("Специальность", "Не указано образование: специальность."),
            ("Квалификация", "Не указано образование: квалификация."),
            ("Стаж в данной организации, лет", "Не указан стаж в данной организации."),
            ("Основанием для аттестации", "Не указаны результаты работы, которые вы считаете основанием для аттестации."),
        ];
        foreach (var (label, message) in missing)
            await Expect(page.GetByLabel(label, new() { Exact = false })).ToHaveAccessibleDescriptionAsync(message);
        await Expect(pedagogical).ToHaveValueAsync("12");
        await Expect(inPosition).ToHaveValueAsync("10");
        await Expect(general).ToBeCheckedAsync();
        await ExpectFocusOnTheFirstErrorAsync(page);
        await ShotAsync(page, "lifecycle-02-submission-refused");

        // Filled in, the signed scan attached: submitted.
        await form.FillAsync("первая", "Победители муниципального этапа всероссийской олимпиады школьников по математике.");
        await form.AttachAsync("Подписанное заявление (скан)", scan);
        await Expect(form.StatusMessage).ToContainTextAsync("прикреплён");
        await form.SubmitAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Заявление подано");

        // Item 2: the home tells the state and the next step; in «Мои заявления» the row's link is the claim and status.
        await ActivateAsync(Menu(page, "Главная"));
        var submittedDue = Russian(today.AddDays(ApplicationClocks.ConsiderationDays));
        await Expect(Status(page, "Подано")).ToBeVisibleAsync();
        await Expect(page.GetByText("Следующий шаг: ")).ToHaveTextAsync(
            $"Следующий шаг: Заявление на регистрации у муниципального координатора (рассмотреть до {submittedDue})");
        await ShotAsync(page, "lifecycle-03-teacher-home-submitted");
        await ActivateAsync(Menu(page, "Мои заявления"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "На категорию «первая» — Подано", Exact = true })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Item 1: a teacher who claims the simplified form names its ground from the list.</summary>
    private async Task ASecondTeacherAppliesInTheSimplifiedFormAsync(string scan)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await ActivateAsync(Menu(page, "Регистрация"));
        await new RegisterPage(page, _person).RegisterAsync(Simplified.LastName, Simplified.FirstName, Simplified.MiddleName, Simplified.Login,
            Simplified.Email, "г. Томск", "МАОУ СОШ № 32 г. Томска", "учитель", "математики", TeacherPassword);
        await ActivateAsync(page.GetByRole(AriaRole.Link, new() { Name = "Подать заявление", Exact = true }));
        var form = new ApplicationEditPage(page, _person);
        await form.FillAsync("первая", "Победитель регионального этапа конкурса «Учитель года».");
        await _person.CheckAsync(page.GetByRole(AriaRole.Radio, new() { Name = "по упрощённой форме" }));
        await _person.SelectAsync(page.GetByLabel("Основание для прохождения аттестации по упрощённой форме"), SimplifiedForm.Grounds[0]);
        await _person.FillAsync(page.GetByLabel("Что это подтверждает"), "«Учитель года — 2025», лауреат");
        await form.SaveDraftAsync();
        await form.AttachAsync("Подписанное заявление (скан)", scan);
        await form.SubmitAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Заявление подано");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Registration of both applications: the general one goes on to the schedule with two experts chosen from lists
    /// named «первый» and «второй»; the simplified one has its own next step and is in «Аттестация педагогических
    /// работников» at once (item 1: never in no list).
    /// </summary>
    private async Task TheCoordinatorRegistersBothAndSchedulesTheFirstWithTwoExpertsAsync(string periodName)
    {
        var page = await SignInAsync(DemoSeeder.MunicipalLogin, DemoOptions.DefaultPassword);
        await OpenForRegistrationAsync(page, Attestee);
        await RegisterOnTheCardAsync(page, Attestee);
        await ActivateAsync(page.GetByRole(AriaRole.Link, new() { Name = "Назначить период и специалистов", Exact = true }));

        var period = page.GetByLabel("Период аттестации", new() { Exact = true });
        // The nearest open period is chosen.
        Assert.Equal(periodName, await period.EvaluateAsync<string>("select => select.selectedOptions[0].text.trim()"));
        var first = page.GetByLabel("Первый специалист по аттестации", new() { Exact = true });
        var second = page.GetByLabel("Второй специалист по аттестации", new() { Exact = true });
        var offered = (await first.GetByRole(AriaRole.Option).AllInnerTextsAsync()).Select(o => o.Trim()).ToList();
        var fedorov = offered.Single(o => o.Contains(Fedorov, StringComparison.Ordinal));
        // Another expert the list does not warn about (⚠: a conflict of interest, a heavy load).
        var colleague = offered.First(o => o != fedorov && !o.StartsWith('—') && !o.StartsWith('⚠'));
        await _person.SelectAsync(first, fedorov);
        await _person.SelectAsync(second, colleague);
        await ShotAsync(page, "lifecycle-04-schedule-two-experts");
        await ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Сохранить", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(
            $"{Attestee.FullName}: назначены период «{periodName}» и два специалиста по аттестации.");

        await OpenForRegistrationAsync(page, Simplified);
        await RegisterOnTheCardAsync(page, Simplified);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Следующий шаг: аттестация по упрощённой форме" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Назначить период и специалистов", Exact = true })).ToHaveCountAsync(0);
        await ShotAsync(page, "lifecycle-05-simplified-registered");
        await ActivateAsync(page.GetByRole(AriaRole.Link, new() { Name = "Аттестовать", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Аттестация педагогических работников" })).ToBeVisibleAsync();
        var row = await SearchAsync(page, Simplified);
        await Expect(row).ToContainTextAsync("Упрощенная форма: без специалистов, основание проверяет координатор");
        await Expect(row).ToContainTextAsync(SimplifiedForm.Grounds[0]);
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "Аттестовать", Exact = true })).ToBeVisibleAsync();
        await ShotAsync(page, "lifecycle-06-simplified-in-attestation-list");
        await page.Context.CloseAsync();
    }

    /// <summary>Item 2 (the next step names the period) and item 5 (the printed application names the period's year).</summary>
    private async Task TheTeacherSeesTheScheduleAndPrintsTheApplicationForThePeriodsYearAsync(IPage page, string periodName,
        DateOnly periodStart)
    {
        await ActivateAsync(Menu(page, "Главная"));
        await Expect(Status(page, "В графике")).ToBeVisibleAsync();
        await Expect(page.GetByText("Следующий шаг: ")).ToContainTextAsync($"Следующий шаг: Ожидает экспертизы в период «{periodName}» ({Russian(periodStart)} – ");
        await ActivateAsync(page.GetByRole(AriaRole.Link, new() { Name = "Заявление о проведении аттестации на категорию «первая»", Exact = true }));
        var download = await page.RunAndWaitForDownloadAsync(() =>
            ActivateAsync(page.GetByRole(AriaRole.Link, new() { Name = "Распечатать заявление", Exact = true })));
        var text = await PdfReading.TextAsync(await File.ReadAllBytesAsync(await download.PathAsync()));
        // Printed in December for a January period: the period's year, not today's.
        Assert.Contains($"Прошу аттестовать меня в {periodStart.Year} году на первую квалификационную категорию", text, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    private async Task TheOperatorApprovesTheConsolidatedScheduleAsync(string periodName)
    {
        var page = await SignInAsync(DemoSeeder.OperatorLogin, DemoOptions.DefaultPassword);
        await ActivateAsync(Menu(page, "Сводный график"));
        // The list names a closed period «(ПЕРИОД ЗАКРЫТ) …».
        var periods = page.GetByLabel("Период аттестации", new() { Exact = false });
        var option = (await periods.GetByRole(AriaRole.Option).AllInnerTextsAsync()).Select(o => o.Trim())
            .Single(o => o.EndsWith(periodName, StringComparison.Ordinal));
        await _person.SelectAndShowAsync(periods, option);
        var heading = page.GetByRole(AriaRole.Heading, new() { Name = $"Период «{periodName}»", Exact = true });
        await Expect(heading).ToBeVisibleAsync();
        var tomsk = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "г. Томск" })
            .Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Утвердить", Exact = true }) });
        await ActivateAsync(tomsk.GetByRole(AriaRole.Button, new() { Name = "Утвердить", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Утверждён график за период «{periodName}»: г. Томск.");
        await ShotAsync(page, "lifecycle-07-consolidated-schedule-approved");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Item 3: the assigned expert sees the attestee's phone and e-mail. Item 4: the conclusion signed by the experts
    /// only, uploaded before the period starts, asks for a confirmation; the demo teacher's conclusion, signed by all
    /// three, is the other path, in its own words.
    /// </summary>
    private async Task TheExpertCallsTheAttesteeAndUploadsTheConclusionForHimToSignAsync(DateOnly periodStart, string scan)
    {
        var page = await SignInAsync(DemoSeeder.ExpertLogin, DemoOptions.DefaultPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Индивидуальный график проведения аттестации" })).ToBeVisibleAsync();
        await ActivateAsync(page.GetByRole(AriaRole.Link, new() { Name = Attestee.FullName, Exact = true }));
        await ActivateAsync(page.GetByRole(AriaRole.Link, new() { Name = "Показать телефон и адрес электронной почты", Exact = true }));
        await Expect(page.GetByText("Телефон: +7 913 555-12-34", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText($"Электронная почта: {Attestee.Email}", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = Attestee.Email, Exact = true })).ToHaveAttributeAsync("href", $"mailto:{Attestee.Email}");
        await ShotAsync(page, "lifecycle-08-expert-sees-contacts");

        await ActivateAsync(page.GetByRole(AriaRole.Link, new() { Name = "Шаблон заключения и прикрепление скана", Exact = true }));
        var expertsOnly = page.GetByLabel(
            "Только специалисты: аттестуемый получит заключение в личном кабинете, распечатает, подпишет и прикрепит подписанный экземпляр",
            new() { Exact = true });
        var allThree = page.GetByLabel(
            "Аттестуемый и оба специалиста: загружаю скан со всеми тремя подписями, подписывать ещё раз не нужно", new() { Exact = true });
        await Expect(expertsOnly).ToBeVisibleAsync();
        await Expect(allThree).ToBeVisibleAsync();
        var early = page.GetByLabel(
            $"Период аттестации ещё не начался (начнётся {Russian(periodStart)}); загружаю заключение заранее намеренно", new() { Exact = true });
        await FillConclusionAsync(page, signedByAll: false, "первая", scan);
        await ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Прикрепить итоговое заключение", Exact = true }));
        await Expect(early).ToHaveAccessibleDescriptionAsync(
            $"Период аттестации начнётся {Russian(periodStart)}: подтвердите, что заключение загружается заранее намеренно.");
        await ShotAsync(page, "lifecycle-09-early-conclusion-asks-to-confirm");

        await FillConclusionAsync(page, signedByAll: false, "первая", scan);
        await _person.CheckAsync(early);
        await ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Прикрепить итоговое заключение", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(
            "Итоговое заключение прикреплено. Аттестуемый увидит его в личном кабинете, распечатает, подпишет и прикрепит подписанный экземпляр.");
        await Expect(page.GetByText("Аттестуемый ещё не прикрепил подписанный экземпляр; до этого заключение можно заменить.")).ToBeVisibleAsync();

        // The other path, on the demo teacher of the period under way: the scan bears all three signatures.
        await ActivateAsync(page.GetByRole(AriaRole.Link, new() { Name = "Индивидуальный график", Exact = true }));
        await ActivateAsync(page.GetByRole(AriaRole.Link, new() { Name = DemoTeacher, Exact = true }));
        await ActivateAsync(page.GetByRole(AriaRole.Link, new() { Name = "Шаблон заключения и прикрепление скана", Exact = true }));
        await Expect(page.GetByLabel("Период аттестации ещё не начался", new() { Exact = false })).ToHaveCountAsync(0);
        await FillConclusionAsync(page, signedByAll: true, "высшая", scan);
        await ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Прикрепить итоговое заключение", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(
            "Итоговое заключение, подписанное аттестуемым и двумя специалистами, прикреплено. Подписывать его ещё раз аттестуемому не нужно.");
        await Expect(page.GetByText("Заключение подписано", new() { Exact = true })).ToBeVisibleAsync();
        await ShotAsync(page, "lifecycle-10-conclusion-signed-by-all-three");
        await page.Context.CloseAsync();
    }

    /// <summary>Item 4, the first path's end: the teacher signs the experts' conclusion and attaches the signed copy.</summary>
    private async Task TheTeacherSignsTheConclusionAsync(string scan)
    {
        var page = await SignInAsync(Attestee.Login, TeacherPassword);
        await Expect(Status(page, "Заключение прикреплено")).ToBeVisibleAsync();
        await Expect(page.GetByText("Следующий шаг: ")).ToHaveTextAsync("Следующий шаг: Загрузить подписанное заключение");
        await ActivateAsync(page.GetByRole(AriaRole.Link, new() { Name = "Заявление о проведении аттестации на категорию «первая»", Exact = true }));
        await Expect(page.GetByText("Вам пришло итоговое заключение.", new() { Exact = false })).ToBeVisibleAsync();
        await _person.AttachAsync(page.GetByLabel("Скан итогового заключения, подписанного вами и двумя специалистами"), scan);
        await ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Прикрепить подписанный скан", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Подписанное итоговое заключение", Exact = true })).ToBeVisibleAsync();
        await ActivateAsync(Menu(page, "Главная"));
        await Expect(page.GetByText("Следующий шаг: ")).ToHaveTextAsync(
            "Следующий шаг: Итоговое заключение на проверке у муниципального координатора");
        await ShotAsync(page, "lifecycle-11-teacher-signed");
        await page.Context.CloseAsync();
    }

    private async Task TheCoordinatorVerifiesTheSignedConclusionAsync()
    {
        var page = await SignInAsync(DemoSeeder.MunicipalLogin, DemoOptions.DefaultPassword);
        await ActivateAsync(Menu(page, "Работа с заявлениями"));
        await ActivateAsync(page.GetByRole(AriaRole.Link, new() { Name = "Аттестовать", Exact = true }));
        var row = await SearchAsync(page, Attestee);
        await Expect(row).ToContainTextAsync("Подписано аттестуемым");
        await ActivateAsync(row.GetByRole(AriaRole.Link, new() { Name = "Аттестовать", Exact = true }));
        foreach (var check in new[]
                 {
                     "Итоговое заключение полное: все страницы на месте", "Есть подпись аттестуемого",
                     "Есть подписи обоих специалистов по аттестации",
                     "Рекомендация специалистов заполнена (соответствует / не соответствует заявленной категории)",
                 })
            await _person.CheckAsync(page.GetByLabel(check, new() { Exact = true }));
        await _person.CheckAsync(page.GetByLabel("соответствует", new() { Exact = true }));
        await ShotAsync(page, "lifecycle-12-coordinator-verifies");
        await ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Сохранить", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(
            $"{Attestee.FullName}: соответствует требованиям, предъявляемым к заявленной квалификационной категории.");

        // Item 1: the simplified application's own route: its ground checked against its documents, no conclusion.
        await ActivateAsync(Menu(page, "Работа с заявлениями"));
        await ActivateAsync(page.GetByRole(AriaRole.Link, new() { Name = "Аттестовать", Exact = true }));
        var simplified = await SearchAsync(page, Simplified);
        await ActivateAsync(simplified.GetByRole(AriaRole.Link, new() { Name = "Аттестовать", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Основание упрощенной формы", Exact = true })).ToBeVisibleAsync();
        await _person.CheckAsync(page.GetByLabel(
            "Основание для прохождения аттестации по упрощенной форме подтверждено документами, приложенными к заявлению", new() { Exact = true }));
        await _person.CheckAsync(page.GetByLabel("соответствует", new() { Exact = true }));
        await ShotAsync(page, "lifecycle-12b-coordinator-checks-the-simplified-ground");
        await ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Сохранить", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(
            $"{Simplified.FullName}: соответствует требованиям, предъявляемым к заявленной квалификационной категории.");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Item 5: a meeting years ahead is refused; one a week ahead may be planned, but no decision is recorded before it.
    /// </summary>
    private async Task<string> TheOperatorPlansAMeetingAndCannotDecideBeforeItAsync(DateOnly today, DateOnly meetingDay)
    {
        const string protocol = "12";
        var page = await SignInAsync(DemoSeeder.OperatorLogin, DemoOptions.DefaultPassword);
        await ActivateAsync(Menu(page, "Комиссия"));
        var date = page.GetByLabel("Дата заседания", new() { Exact = true });
        await _person.FillAsync(date, Iso(today.AddYears(3)));
        await _person.FillAsync(page.GetByLabel("Номер протокола"), protocol);
        await ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Создать заседание", Exact = true }));
        await Expect(date).ToHaveAccessibleDescriptionAsync("Дата заседания должна быть не раньше прошлого года и не позже чем через год.");
        await Expect(date).ToHaveValueAsync(Iso(today.AddYears(3)));
        await ShotAsync(page, "lifecycle-13-meeting-years-ahead-refused");

        await _person.FillAsync(date, Iso(meetingDay));
        await ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Создать заседание", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(
            $"Заседание {Russian(meetingDay)} (протокол № {protocol}) создано. Включите в него проверенные заявления.");
        await _person.CheckAsync(page.GetByRole(AriaRole.Checkbox, new() { Name = $"Выбрать: {Attestee.FullName}", Exact = true }));
        await _person.CheckAsync(page.GetByRole(AriaRole.Checkbox, new() { Name = $"Выбрать: {Simplified.FullName}", Exact = true }));
        await ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Включить в заседание", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Включено в заседание заявлений: 2.");

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = Attestee.FullName });
        await ActivateAsync(row.GetByRole(AriaRole.Button, new() { Name = "Установить", Exact = true }));
        await Expect(Refusal(page, $"Заседание назначено на {Russian(meetingDay)}: решение комиссии можно записать в день заседания или позже.")).ToBeVisibleAsync();
        await ShotAsync(page, "lifecycle-14-decision-before-the-meeting-refused");
        await page.Context.CloseAsync();
        return protocol;
    }

    /// <summary>Item 5: the order is not dated after today.</summary>
    private async Task TheOperatorRecordsTheDecisionAndTheOrderNotDatedAheadAsync(string protocol, DateOnly meetingDay)
    {
        var page = await SignInAsync(DemoSeeder.OperatorLogin, DemoOptions.DefaultPassword);
        await ActivateAsync(Menu(page, "Комиссия"));
        var meeting = page.GetByRole(AriaRole.Row).Filter(new() { HasText = Russian(meetingDay) }).Filter(new() { HasText = $"№ {protocol}" });
        await ActivateAsync(meeting.GetByRole(AriaRole.Link, new() { Name = "Открыть", Exact = true }));
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = Attestee.FullName });
        await ActivateAsync(row.GetByRole(AriaRole.Button, new() { Name = "Установить", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{Attestee.FullName}: установить");
        var simplified = page.GetByRole(AriaRole.Row).Filter(new() { HasText = Simplified.FullName });
        await ActivateAsync(simplified.GetByRole(AriaRole.Button, new() { Name = "Установить", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{Simplified.FullName}: установить");

        await _person.FillAsync(page.GetByLabel("Номер распоряжения"), "125-р");
        await _person.FillAsync(page.GetByLabel("Дата распоряжения"), Iso(meetingDay.AddDays(1)));
        await ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Записать распоряжение", Exact = true }));
        await Expect(Refusal(page, $"Дата распоряжения не может быть позже сегодняшнего дня ({Russian(meetingDay)}).")).ToBeVisibleAsync();
        await ShotAsync(page, "lifecycle-15-order-dated-ahead-refused");

        await _person.FillAsync(page.GetByLabel("Дата распоряжения"), Iso(meetingDay));
        await ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Записать распоряжение", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Распоряжение № 125-р от {Russian(meetingDay)} записано по заявлениям: 2");
        await page.Context.CloseAsync();
    }

    /// <summary>Item 2: after the decision the home keeps the decision and the category held.</summary>
    private async Task TheTeachersHomeShowsTheDecisionAndTheCategoryAsync(string protocol, DateOnly meetingDay)
    {
        var page = await SignInAsync(Attestee.Login, TeacherPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Решение аттестационной комиссии", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("Установлена квалификационная категория «первая»", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText(
            $"Заседание аттестационной комиссии {Russian(meetingDay)}, протокол № {protocol}; распоряжение № 125-р от {Russian(meetingDay)}.",
            new() { Exact = false })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "«первая»" }))
            .ToContainTextAsync($"с {Russian(meetingDay)}, без ограничения срока");
        await ShotAsync(page, "lifecycle-16-teacher-home-decided");
        await ActivateAsync(Menu(page, "Мои заявления"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "На категорию «первая» — Решение принято", Exact = true })).ToBeVisibleAsync();
        await page.Context.CloseAsync();

        // Item 1, the simplified route's end: the same decision, without experts.
        page = await SignInAsync(Simplified.Login, TeacherPassword);
        await Expect(page.GetByText("Установлена квалификационная категория «первая»", new() { Exact = true })).ToBeVisibleAsync();
        await ShotAsync(page, "lifecycle-17-simplified-teacher-home-decided");
        await page.Context.CloseAsync();
    }

    private async Task FillConclusionAsync(IPage page, bool signedByAll, string claimed, string scan)
    {
        await _person.CheckAsync(page.GetByLabel(signedByAll ? "Аттестуемый и оба специалиста" : "Только специалисты", new() { Exact = false }));
        await _person.CheckAsync(page.GetByLabel($"соответствует заявленной квалификационной категории ({claimed})", new() { Exact = true }));
        await _person.FillAsync(page.GetByLabel("Комментарий (необязательно)"), "Результаты подтверждены материалами и посещением уроков.");
        await _person.AttachAsync(page.GetByLabel("Скан итогового заключения", new() { Exact = true }), scan);
    }

    /// <summary>«Регистрация заявлений»: the teacher found by name, his application opened.</summary>
    private async Task OpenForRegistrationAsync(IPage page, Teacher teacher)
    {
        await ActivateAsync(Menu(page, "Работа с заявлениями"));
        await ActivateAsync(page.GetByRole(AriaRole.Link, new() { Name = "Зарегистрировать заявления", Exact = true }));
        var row = await SearchAsync(page, teacher);
        await Expect(row).ToContainTextAsync("Подано");
        await ActivateAsync(row.GetByRole(AriaRole.Link, new() { Name = "Просмотреть заявление", Exact = true }));
    }

    /// <summary>A list of the coordinator's searched by «Поиск по ФИО» (it pages): the teacher's row.</summary>
    private async Task<ILocator> SearchAsync(IPage page, Teacher teacher)
    {
        await _person.FillAsync(page.GetByLabel("Поиск по ФИО"), teacher.LastName);
        await ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Фильтровать", Exact = true }));
        return page.GetByRole(AriaRole.Row).Filter(new() { HasText = teacher.FullName });
    }

    /// <summary>«Зарегистрировать», and «…несмотря на предупреждения» when the rules warn.</summary>
    private async Task RegisterOnTheCardAsync(IPage page, Teacher teacher)
    {
        await ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Зарегистрировать", Exact = true }));
        var despite = page.GetByRole(AriaRole.Button, new() { Name = "Зарегистрировать, несмотря на предупреждения", Exact = true });
        if (await despite.CountAsync() > 0)
            await ActivateAsync(despite);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{teacher.FullName}: заявление зарегистрировано, №");
    }

    /// <summary>A fresh browser that opens the home page and signs in through «Войти».</summary>
    private async Task<IPage> SignInAsync(string login, string password)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await ActivateAsync(Menu(page, "Войти"));
        await new LoginPage(page, _person).SignInAsync(login, password);
        return page;
    }

    /// <summary>A form sent back with errors has put the focus on its first invalid field (item 9).</summary>
    private static async Task ExpectFocusOnTheFirstErrorAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>(
                "() => document.activeElement !== null && document.activeElement === document.querySelector('main .input-validation-error')"),
            "The focus is not on the first field with an error: " + await page.EvaluateAsync<string>("() => document.activeElement.outerHTML.slice(0, 200)"));

    /// <summary>A link of the main menu.</summary>
    private static ILocator Menu(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Основное меню" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>A refusal in red (an error summary or a refused action): a role «alert» saying <paramref name="text"/>.</summary>
    private static ILocator Refusal(IPage page, string text) => page.GetByRole(AriaRole.Alert).Filter(new() { HasText = text });

    /// <summary>The status of the current application on the teacher's home, next to its link.</summary>
    private static ILocator Status(IPage page, string status) => page.GetByText(status, new() { Exact = true });

    private Task ActivateAsync(ILocator target) => _person.ActivateAsync(target);

    /// <summary>A date as the pages print it: 05.12.2027.</summary>
    private static string Russian(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The «scan» every upload sends: a one-page PDF.</summary>
    private static async Task<string> ScanAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"скан-{Guid.NewGuid():N}.pdf");
        await File.WriteAllTextAsync(path, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        return path;
    }

    /// <summary>A full-page screenshot, and the time the story took to reach it in the test's output.</summary>
    /// <summary>Each state the story shows (refusals with their messages included) is also checked by axe-core.</summary>
    private async Task ShotAsync(IPage page, string name)
    {
        var violations = await Axe.ViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{name}: " + string.Join("; ", violations));
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}.png"),
            FullPage = true,
        });
        output.WriteLine($"{_clock.Elapsed.TotalSeconds,5:F1} s  {name}");
    }
}
