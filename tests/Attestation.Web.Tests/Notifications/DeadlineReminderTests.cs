using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Notifications.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Attestation.Web.Tests.Notifications.ReminderClock;

namespace Attestation.Web.Tests.Notifications;

/// <summary>
/// The reminders of the deadlines, each on its day only and once: the clock is moved to the eve, the day and the day
/// after. The tests share one portal and one clock that only goes forward, so each picks its days after the present.
/// </summary>
public sealed class DeadlineReminderTests(ReminderFactory factory) : IClassFixture<ReminderFactory>
{
    private readonly MunicipalWorld _world = new(factory);
    private readonly ReminderClock _clock = new(factory);

    [Fact]
    public async Task A_teacher_is_reminded_of_a_draft_on_its_seventh_day_only()
    {
        var place = await _world.MunicipalityAsync("Зырянский район");
        var startedOn = factory.Today;
        // A period whose registration deadline is after the reminder: the letter names it.
        var reminded = startedOn.AddDays(7);
        await factory.Applications.PeriodAsync(new DateOnly(reminded.Year, reminded.Month, 1).AddMonths(2));
        // StartedAt is an hour before the "submission" the builder is given.
        var draft = await _world.ApplicationAsync(place, "Черновикова", ApplicationStage.Draft, submittedAt: Noon(startedOn).AddHours(1));
        var submitted = await _world.ApplicationAsync(place, "Поданная", ApplicationStage.Submitted, submittedAt: Noon(startedOn).AddHours(1));

        _clock.MoveTo(startedOn.AddDays(6));
        Assert.Empty(await _clock.RemindAsync<DraftReminders>(LetterKind.DraftReminder, draft.TeacherId));

        _clock.MoveTo(startedOn.AddDays(7));
        var letter = Assert.Single(await _clock.RemindAsync<DraftReminders>(LetterKind.DraftReminder, draft.TeacherId));
        Assert.Equal(DraftReminders.Subject, letter.Subject);
        Assert.Equal(draft.Id, letter.ApplicationId);
        Assert.Contains($"начатый {Date(startedOn)}, не подан уже 7 дней", letter.PlainText, StringComparison.Ordinal);
        Assert.Matches(@"до \d\d\.\d\d\.\d{4} включительно, можно включить в график периода «", letter.PlainText);
        Assert.Contains($"https://attestation.example.ru/Teacher/Applications/Details?id={draft.Id}", letter.PlainText, StringComparison.Ordinal);
        Assert.Empty(await _clock.LettersAsync(LetterKind.DraftReminder, submitted.TeacherId));
        Assert.Single(await _clock.RemindAsync<DraftReminders>(LetterKind.DraftReminder, draft.TeacherId));

        _clock.MoveTo(startedOn.AddDays(8));
        Assert.Single(await _clock.RemindAsync<DraftReminders>(LetterKind.DraftReminder, draft.TeacherId));
    }

    [Fact]
    public async Task A_legacy_category_ending_is_reminded_of_three_months_and_the_margin_before_unless_the_teacher_applied()
    {
        var place = await _world.MunicipalityAsync("Кожевниковский район");
        // Some days remind of no expiry date (months differ in length): the first one ahead that does.
        var remindOn = factory.Today.AddDays(3);
        while (ReminderCalendar.ExpiriesRemindedOn(remindOn, 30).Count == 0)
            remindOn = remindOn.AddDays(1);
        var expiresOn = ReminderCalendar.ExpiriesRemindedOn(remindOn, 30)[^1];
        var holder = await TeacherWithCategoryAsync("Сроковая", expiresOn);
        var applied = await _world.ApplicationAsync(place, "Подавшая", ApplicationStage.Registered);
        await RecordCategoryAsync(applied.TeacherId, expiresOn);

        _clock.MoveTo(remindOn.AddDays(-1));
        Assert.Empty(await _clock.RemindAsync<CategoryExpiryReminders>(LetterKind.CategoryExpiryReminder, holder.Id));

        _clock.MoveTo(remindOn);
        var letter = Assert.Single(await _clock.RemindAsync<CategoryExpiryReminders>(LetterKind.CategoryExpiryReminder, holder.Id));
        Assert.Equal($"Напоминание: срок действия квалификационной категории истекает {Date(expiresOn)}", letter.Subject);
        Assert.Contains($"«первая» по должности «учитель» истекает {Date(expiresOn)}", letter.PlainText, StringComparison.Ordinal);
        Assert.Contains($"не позднее {Date(expiresOn.AddMonths(-3))} — за 3 месяца", letter.PlainText, StringComparison.Ordinal);
        Assert.Contains("https://attestation.example.ru/Teacher/Applications", letter.PlainText, StringComparison.Ordinal);
        Assert.Empty(await _clock.LettersAsync(LetterKind.CategoryExpiryReminder, applied.TeacherId));

        _clock.MoveTo(remindOn.AddDays(1));
        Assert.Single(await _clock.RemindAsync<CategoryExpiryReminders>(LetterKind.CategoryExpiryReminder, holder.Id));
    }

    [Fact]
    public async Task Coordinators_are_reminded_on_the_9th_of_applications_to_register_by_the_11th()
    {
        var ninth = _clock.Next(9);
        var period = await factory.Applications.PeriodAsync(new DateOnly(ninth.Year, ninth.Month, 1).AddMonths(1));
        var place = await _world.MunicipalityAsync("Шегарский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var quiet = await _world.CoordinatorAsync(await _world.MunicipalityAsync("Тегульдетский район"));
        var waiting = await _world.ApplicationAsync(place, "Незарегистрированная", ApplicationStage.Submitted, submittedAt: factory.Now);
        await _world.ApplicationAsync(place, "Зарегистрированная", ApplicationStage.Registered, submittedAt: factory.Now);

        _clock.MoveTo(ninth.AddDays(-1));
        Assert.Empty(await _clock.RemindAsync<RegistrationReminders>(LetterKind.RegistrationReminder, coordinator.Id));

        _clock.MoveTo(ninth);
        var letter = Assert.Single(await _clock.RemindAsync<RegistrationReminders>(LetterKind.RegistrationReminder, coordinator.Id));
        var deadline = PeriodCalendar.RegistrationDeadline(period);
        Assert.Equal(11, deadline.Day);
        Assert.Equal($"Напоминание: зарегистрируйте заявления до {Date(deadline)}", letter.Subject);
        Assert.Contains($"До {Date(deadline)} включительно зарегистрируйте (или отклоните) поданные заявления", letter.PlainText, StringComparison.Ordinal);
        Assert.Contains($"в график периода «{period.Name}». Не зарегистрировано заявлений: 1.", letter.PlainText, StringComparison.Ordinal);
        Assert.Contains($"— {waiting.FullName}: подано", letter.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Зарегистрированная", letter.PlainText, StringComparison.Ordinal);
        Assert.Contains("https://attestation.example.ru/Municipality/Registration", letter.PlainText, StringComparison.Ordinal);
        Assert.Empty(await _clock.LettersAsync(LetterKind.RegistrationReminder, quiet.Id));

        _clock.MoveTo(ninth.AddDays(1));
        Assert.Single(await _clock.RemindAsync<RegistrationReminders>(LetterKind.RegistrationReminder, coordinator.Id));
    }

    [Fact]
    public async Task Coordinators_are_reminded_on_the_10th_of_the_schedule_due_by_the_12th()
    {
        var tenth = _clock.Next(10);
        var period = await factory.Applications.PeriodAsync(new DateOnly(tenth.Year, tenth.Month, 1).AddMonths(1));
        var place = await _world.MunicipalityAsync("Верхнекетский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var withoutPeriod = await _world.ApplicationAsync(place, "Беспериодная", ApplicationStage.Registered, submittedAt: factory.Now);
        var noExperts = await _world.ApplicationAsync(place, "Безэкспертная", ApplicationStage.Registered, submittedAt: factory.Now);
        await factory.Applications.Saved(noExperts.Id).InPeriod(period).AtAsync(ApplicationStage.Registered);
        var expertA = await _world.ExpertAsync(place, "Первов");
        var expertB = await _world.ExpertAsync(place, "Второв");
        await _world.ApplicationAsync(place, "Вграфике", ApplicationStage.Scheduled, period, expertA, expertB, submittedAt: factory.Now);

        _clock.MoveTo(tenth.AddDays(-1));
        Assert.Empty(await _clock.RemindAsync<ScheduleReminders>(LetterKind.ScheduleReminder, coordinator.Id));

        _clock.MoveTo(tenth);
        var letter = Assert.Single(await _clock.RemindAsync<ScheduleReminders>(LetterKind.ScheduleReminder, coordinator.Id));
        var deadline = PeriodCalendar.ScheduleDeadline(period);
        Assert.Equal(12, deadline.Day);
        Assert.Equal($"Напоминание: график аттестации на период «{period.Name}» формируется до {Date(deadline)}", letter.Subject);
        Assert.Contains($"Зарегистрированы, период аттестации не назначен (1):\n— {withoutPeriod.FullName}", letter.PlainText, StringComparison.Ordinal);
        Assert.Contains($"назначено менее двух специалистов по аттестации (1):\n— {noExperts.FullName}: назначено 0", letter.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Вграфике", letter.PlainText, StringComparison.Ordinal);
        Assert.Contains("https://attestation.example.ru/Municipality/Schedule/Fill", letter.PlainText, StringComparison.Ordinal);

        _clock.MoveTo(tenth.AddDays(1));
        Assert.Single(await _clock.RemindAsync<ScheduleReminders>(LetterKind.ScheduleReminder, coordinator.Id));
    }

    [Fact]
    public async Task Experts_are_reminded_fourteen_days_before_the_period_and_on_the_10th_of_its_second_month()
    {
        var today = factory.Today;
        var period = await factory.Applications.PeriodAsync(new DateOnly(today.Year, today.Month, 1).AddMonths(2));
        var place = await _world.MunicipalityAsync("Колпашевский район");
        var expertA = await _world.ExpertAsync(place, "Готовцев");
        var expertB = await _world.ExpertAsync(place, "Заключенко");
        var scheduled = await _world.ApplicationAsync(place, "Аттестуемая", ApplicationStage.Scheduled, period, expertA, expertB,
            submittedAt: factory.Now.AddDays(-5), form: AttestationForm.Distance);
        var concluded = await _world.ApplicationAsync(place, "Сзаключением", ApplicationStage.ConclusionUploaded, period, expertA, expertB,
            submittedAt: factory.Now.AddDays(-5));

        var prepareOn = period.StartDate.AddDays(-14);
        _clock.MoveTo(prepareOn.AddDays(-1));
        Assert.Empty(await _clock.RemindAsync<ExpertPreparationReminders>(LetterKind.ExpertPreparationReminder, expertA.Id));

        _clock.MoveTo(prepareOn);
        var prepare = Assert.Single(await _clock.RemindAsync<ExpertPreparationReminders>(LetterKind.ExpertPreparationReminder, expertA.Id));
        Assert.Single(await _clock.LettersAsync(LetterKind.ExpertPreparationReminder, expertB.Id));
        Assert.Equal($"Напоминание: {Date(period.StartDate)} начинается период аттестации «{period.Name}»", prepare.Subject);
        Assert.Contains($"Не менее чем за 14 дней до начала срока проведения аттестации — до {Date(prepareOn)}", prepare.PlainText, StringComparison.Ordinal);
        Assert.Contains($"— {scheduled.FullName} (дистанционно)", prepare.PlainText, StringComparison.Ordinal);
        Assert.Contains("https://attestation.example.ru/Expert", prepare.PlainText, StringComparison.Ordinal);

        _clock.MoveTo(prepareOn.AddDays(1));
        Assert.Single(await _clock.RemindAsync<ExpertPreparationReminders>(LetterKind.ExpertPreparationReminder, expertA.Id));

        var tenth = period.StartDate.AddMonths(1).AddDays(9);
        _clock.MoveTo(tenth.AddDays(-1));
        Assert.Empty(await _clock.RemindAsync<ConclusionReminders>(LetterKind.ConclusionReminder, expertB.Id));

        _clock.MoveTo(tenth);
        var due = Assert.Single(await _clock.RemindAsync<ConclusionReminders>(LetterKind.ConclusionReminder, expertB.Id));
        var deadline = period.StartDate.AddMonths(1).AddDays(14);
        Assert.Equal($"Напоминание: итоговые заключения за период «{period.Name}» — до {Date(deadline)}", due.Subject);
        Assert.Contains($"загружены в систему не позднее {Date(deadline)}. Не загружено заключений: 1.", due.PlainText, StringComparison.Ordinal);
        Assert.Contains($"— {scheduled.FullName}", due.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain(concluded.FullName, due.PlainText, StringComparison.Ordinal);

        _clock.MoveTo(tenth.AddDays(1));
        Assert.Single(await _clock.RemindAsync<ConclusionReminders>(LetterKind.ConclusionReminder, expertB.Id));
    }

    [Fact]
    public async Task The_operator_learns_on_the_12th_and_the_15th_which_municipalities_are_behind()
    {
        var today = factory.Today;
        var period = await factory.Applications.PeriodAsync(new DateOnly(today.Year, today.Month, 1).AddMonths(2));
        var @operator = await factory.CreateUserAsync(Roles.Operator, $"operator{MunicipalWorld.Next()}");
        var place = await _world.MunicipalityAsync("Асиновский район");
        var expertA = await _world.ExpertAsync(place, "Асин");
        var expertB = await _world.ExpertAsync(place, "Новский");
        await _world.ApplicationAsync(place, "Безпериода", ApplicationStage.Registered, submittedAt: factory.Now);
        await _world.ApplicationAsync(place, "Неподписанная", ApplicationStage.Scheduled, period, expertA, expertB, submittedAt: factory.Now.AddDays(-5));
        var onTime = await _world.MunicipalityAsync("Каргасокский район");

        var twelfth = PeriodCalendar.ScheduleDeadline(period);
        _clock.MoveTo(twelfth.AddDays(-1));
        Assert.Empty(await _clock.RemindAsync<SchedulesBehindReminders>(LetterKind.SchedulesBehindReminder, @operator.Id));

        _clock.MoveTo(twelfth);
        var schedules = Assert.Single(await _clock.RemindAsync<SchedulesBehindReminders>(LetterKind.SchedulesBehindReminder, @operator.Id));
        Assert.Equal($"Контроль: график на период «{period.Name}» — последний день {Date(twelfth)}", schedules.Subject);
        Assert.Contains($"— {place.Municipality.Name}: без периода — 1", schedules.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain(onTime.Municipality.Name, schedules.PlainText, StringComparison.Ordinal);
        Assert.Contains("https://attestation.example.ru/Operator/Control", schedules.PlainText, StringComparison.Ordinal);

        var fifteenth = PeriodCalendar.Deadlines(period).ConclusionUploadedBy;
        _clock.MoveTo(fifteenth.AddDays(-1));
        Assert.Empty(await _clock.RemindAsync<ConclusionsBehindReminders>(LetterKind.ConclusionsBehindReminder, @operator.Id));

        _clock.MoveTo(fifteenth);
        var conclusions = Assert.Single(await _clock.RemindAsync<ConclusionsBehindReminders>(LetterKind.ConclusionsBehindReminder, @operator.Id));
        Assert.Equal(15, fifteenth.Day);
        Assert.Equal($"Контроль: итоговые заключения за период «{period.Name}» — последний день {Date(fifteenth)}", conclusions.Subject);
        Assert.Contains($"— {place.Municipality.Name}: нет итогового заключения — 1", conclusions.PlainText, StringComparison.Ordinal);
        Assert.Contains($"https://attestation.example.ru/Operator/Conclusions?periodId={period.Id}", conclusions.PlainText, StringComparison.Ordinal);

        _clock.MoveTo(fifteenth.AddDays(1));
        Assert.Single(await _clock.RemindAsync<ConclusionsBehindReminders>(LetterKind.ConclusionsBehindReminder, @operator.Id));
    }

    [Fact]
    public async Task Three_runners_of_every_reminder_at_once_queue_each_persons_letter_once()
    {
        var ninth = _clock.Next(9);
        await factory.Applications.PeriodAsync(new DateOnly(ninth.Year, ninth.Month, 1).AddMonths(1));
        var place = await _world.MunicipalityAsync("Парабельский район");
        var first = await _world.CoordinatorAsync(place);
        var second = await _world.CoordinatorAsync(place, "Второва");
        await _world.ApplicationAsync(place, "Одна", ApplicationStage.Submitted, submittedAt: factory.Now);
        await _world.ApplicationAsync(place, "Другая", ApplicationStage.Submitted, submittedAt: factory.Now.AddHours(1));
        _clock.MoveTo(ninth);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => factory.WithServicesAsync(async services =>
        {
            var queued = 0;
            foreach (var reminder in services.GetServices<IReminder>())
                queued += await reminder.RunOnceAsync(CancellationToken.None);
            return queued;
        }))));

        foreach (var coordinator in new[] { first, second })
        {
            var letter = Assert.Single(await _clock.LettersAsync(LetterKind.RegistrationReminder, coordinator.Id));
            Assert.Contains("Не зарегистрировано заявлений: 2.", letter.PlainText, StringComparison.Ordinal);
        }
        await using var db = factory.OpenDb();
        Assert.Equal(2, await db.Notifications.CountAsync(n => (n.UserId == first.Id || n.UserId == second.Id) && n.Kind == LetterKind.RegistrationReminder));
    }

    private async Task<AppUser> TeacherWithCategoryAsync(string lastName, DateOnly expiresOn)
    {
        var teacher = await factory.CreateUserAsync(Roles.Teacher, $"teacher{MunicipalWorld.Next()}", u => u.LastName = lastName);
        await RecordCategoryAsync(teacher.Id, expiresOn);
        return teacher;
    }

    private async Task RecordCategoryAsync(Guid teacherId, DateOnly expiresOn)
    {
        await using var db = factory.OpenDb();
        db.HeldCategories.Add(HeldCategory.Record(teacherId, QualificationCategory.First, "учитель", new DateOnly(2022, 11, 2),
            "1234-р", new DateOnly(2022, 11, 2), legacyExpiresOn: expiresOn));
        await db.SaveChangesAsync();
    }
}
