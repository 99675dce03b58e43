using System.Net;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Data;
using Attestation.Web.Notifications;
using Attestation.Web.Notifications.Reminders;
using Attestation.Web.Pages.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attestation.Web.Tests.Notifications;

/// <summary>
/// The person's choices: a reminder switched off is not sent (his colleague's still is), the daily digest collects event
/// letters into one a day, exactly once, and old letters are deleted after the retention.
/// </summary>
public sealed class NotificationSettingsTests(ReminderFactory factory) : IClassFixture<ReminderFactory>
{
    private readonly MunicipalWorld _world = new(factory);
    private readonly ReminderClock _clock = new(factory);

    [Fact]
    public async Task A_reminder_switched_off_is_not_sent_to_him_and_still_to_his_colleague()
    {
        var ninth = _clock.Next(9);
        await factory.Applications.PeriodAsync(new DateOnly(ninth.Year, ninth.Month, 1).AddMonths(1));
        var place = await _world.MunicipalityAsync("Молчановский район");
        var muted = await _world.CoordinatorAsync(place, "Тихонова");
        var colleague = await _world.CoordinatorAsync(place, "Громова");
        await _world.ApplicationAsync(place, "Ждущая", ApplicationStage.Submitted, submittedAt: factory.Now);
        using var client = await factory.SignInAsync(muted.UserName!);

        var kept = ReminderKinds.For(Web.Authorization.Roles.MunicipalCoordinator).Select(k => k.Kind)
            .Where(k => k != NotificationKind.RegistrationReminder).ToList();
        using (var saved = await SettingsForm.SaveAsync(client, kept))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await client.GetDocumentAsync(SettingsForm.Url);
        Assert.Null(page.QuerySelector("#reminder-RegistrationReminder")!.GetAttribute("checked"));
        Assert.NotNull(page.QuerySelector("#reminder-ScheduleReminder")!.GetAttribute("checked"));
        Assert.Null(page.QuerySelector("#reminder-DraftReminder"));

        _clock.MoveTo(ninth);
        await _clock.RunAsync<RegistrationReminders>();
        Assert.Empty(await _clock.LettersAsync(LetterKind.RegistrationReminder, muted.Id));
        Assert.Single(await _clock.LettersAsync(LetterKind.RegistrationReminder, colleague.Id));
    }

    [Fact]
    public async Task The_settings_form_refuses_a_stale_version_and_odd_input_in_Russian()
    {
        var teacher = await factory.CreateUserAsync(Web.Authorization.Roles.Teacher, $"settings{MunicipalWorld.Next()}");
        using var client = await factory.SignInAsync(teacher.UserName!);
        Assert.Null((await client.GetDocumentAsync(SettingsForm.Url)).QuerySelector("#digest"));

        // A teacher cannot choose the digest: the choice is not offered and is not stored.
        using (var saved = await SettingsForm.SaveAsync(client, [NotificationKind.DraftReminder], digest: true))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = factory.OpenDb())
        {
            Assert.False((await db.NotificationSettings.SingleAsync(s => s.UserId == teacher.Id)).DailyDigest);
            Assert.Equal([NotificationKind.CategoryExpiryReminder],
                await db.ReminderOptOuts.Where(o => o.UserId == teacher.Id).Select(o => o.Kind).ToListAsync());
        }

        using var stale = await SettingsForm.SaveAsync(client, [], version: "1");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains(SettingsModel.Conflict, (await stale.ReadDocumentAsync()).SummaryErrors());

        using var odd = await SettingsForm.SaveAsync(client, [], rawEnabled: ["Бессмыслица", "99999999999"]);
        Assert.Equal(HttpStatusCode.OK, odd.StatusCode);
        Assert.NotEmpty((await odd.ReadDocumentAsync()).SummaryErrors());
        await using (var db = factory.OpenDb())
            Assert.Single(await db.ReminderOptOuts.Where(o => o.UserId == teacher.Id).ToListAsync());
    }

    [Fact]
    public async Task Event_letters_wait_for_the_daily_digest_which_goes_once_a_day_from_its_time()
    {
        var place = await _world.MunicipalityAsync("Бакчарский район");
        var coordinator = await _world.CoordinatorAsync(place, "Сводкина");
        var colleague = await _world.CoordinatorAsync(place, "Письмова");
        using (var client = await factory.SignInAsync(coordinator.UserName!))
        using (var saved = await SettingsForm.SaveAsync(client,
                   ReminderKinds.For(Web.Authorization.Roles.MunicipalCoordinator).Select(k => k.Kind), digest: true))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var first = await SubmittedAsync(place, "Первая");

        var held = Assert.Single(await _clock.LettersAsync(LetterKind.ApplicationSubmitted, coordinator.Id));
        Assert.Equal(OutboxStatus.Held, held.Status);
        Assert.Equal(OutboxStatus.Waiting, Assert.Single(await _clock.LettersAsync(LetterKind.ApplicationSubmitted, colleague.Id)).Status);
        await using (var db = factory.OpenDb())
            Assert.True(await db.Notifications.AnyAsync(n => n.UserId == coordinator.Id && n.Kind == LetterKind.ApplicationSubmitted));
        Assert.DoesNotContain(await factory.SentMailsAsync(), m => m.To == coordinator.Email);

        // Today after the digest's time: three runners at once, one digest.
        var tomorrow = factory.Today.AddDays(1);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(DigestAsync)));
        var digest = Assert.Single(await _clock.LettersAsync(LetterKind.DailyDigest, coordinator.Id));
        Assert.StartsWith(DailyDigests.Subject, digest.Subject, StringComparison.Ordinal);
        Assert.Contains($"{StaffEmails.SubmittedSubject}. {first.FullName} подал(а) заявление", digest.PlainText, StringComparison.Ordinal);
        Assert.Contains($"https://attestation.example.ru/Municipality/Applications/Details?id={first.Id}", digest.PlainText, StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Digested, Assert.Single(await _clock.LettersAsync(LetterKind.ApplicationSubmitted, coordinator.Id)).Status);
        Assert.Contains(await factory.SentMailsAsync(), m => m.To == coordinator.Email && m.Subject == digest.Subject);

        // A letter held after today's digest waits for tomorrow's, and tomorrow's waits for its time.
        var second = await SubmittedAsync(place, "Вторая");
        await DigestAsync();
        _clock.MoveTo(tomorrow, hour: 7);
        await DigestAsync();
        Assert.Single(await _clock.LettersAsync(LetterKind.DailyDigest, coordinator.Id));
        _clock.MoveTo(tomorrow, hour: 9);
        await DigestAsync();
        var next = (await _clock.LettersAsync(LetterKind.DailyDigest, coordinator.Id)).Last();
        Assert.Contains(second.FullName, next.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain(first.FullName, next.PlainText, StringComparison.Ordinal);
        Assert.Empty(await _clock.LettersAsync(LetterKind.DailyDigest, colleague.Id));

        // Back to single letters: what was held goes at once.
        await SubmittedAsync(place, "Третья");
        using (var client = await factory.SignInAsync(coordinator.UserName!))
        using (var saved = await SettingsForm.SaveAsync(client, [], digest: false))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(OutboxStatus.Waiting, (await _clock.LettersAsync(LetterKind.ApplicationSubmitted, coordinator.Id)).Last().Status);
    }

    [Fact]
    public async Task Letters_gone_longer_than_the_retention_are_deleted_and_the_rest_kept()
    {
        var now = factory.Now;
        await using (var db = factory.OpenDb())
        {
            db.OutboxMessages.AddRange(
                Letter("old.sent@example.org", OutboxStatus.Sent, now.AddDays(-200), now.AddDays(-200)),
                Letter("old.digested@example.org", OutboxStatus.Digested, now.AddDays(-181), now.AddDays(-181)),
                Letter("recent.sent@example.org", OutboxStatus.Sent, now.AddDays(-10), now.AddDays(-10)),
                Letter("old.failed@example.org", OutboxStatus.Failed, now.AddDays(-300), null));
            await db.SaveChangesAsync();
        }

        var deleted = await factory.WithServicesAsync(s => s.GetRequiredService<OutboxCleanup>().RunOnceAsync(CancellationToken.None));

        Assert.Equal(2, deleted);
        await using var check = factory.OpenDb();
        var left = await check.OutboxMessages.Select(m => m.To).ToListAsync();
        Assert.Contains("recent.sent@example.org", left);
        Assert.Contains("old.failed@example.org", left);
        Assert.DoesNotContain("old.sent@example.org", left);
        Assert.DoesNotContain("old.digested@example.org", left);
    }

    private Task<int> DigestAsync() =>
        factory.WithServicesAsync(s => s.GetRequiredService<DailyDigests>().RunOnceAsync(CancellationToken.None));

    /// <summary>A teacher's application submitted, and the coordinators' letters queued as the submission page does.</summary>
    private async Task<Application> SubmittedAsync(MunicipalWorld.Place place, string lastName)
    {
        var application = await _world.ApplicationAsync(place, lastName, ApplicationStage.Submitted, submittedAt: factory.Now);
        await factory.WithServicesAsync(async s =>
        {
            var queued = await s.GetRequiredService<StaffEmails>().QueueSubmittedAsync(application, CancellationToken.None);
            await s.GetRequiredService<AttestationDbContext>().SaveChangesAsync();
            return queued;
        });
        return application;
    }

    private static OutboxMessage Letter(string to, OutboxStatus status, DateTimeOffset queuedAt, DateTimeOffset? sentAt) => new()
    {
        Kind = LetterKind.Registered,
        To = to,
        Subject = "Заявление о проведении аттестации зарегистрировано",
        PlainText = "Текст",
        Html = "<p>Текст</p>",
        MessageKey = Guid.CreateVersion7(),
        QueuedAt = queuedAt,
        NextAttemptAt = queuedAt,
        Status = status,
        SentAt = sentAt,
    };
}
