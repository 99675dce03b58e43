using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Data;
using Attestation.Web.Notifications;
using Attestation.Web.Notifications.Reminders;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attestation.Web.Tests.Notifications;

/// <summary>The municipal region, with the public address the letters composed outside a request are built on.</summary>
public sealed class ReminderFactory : MunicipalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Email:PublicBaseUrl", "https://attestation.example.ru");
    }
}

public sealed class ConsiderationReminderTests(ReminderFactory factory) : IClassFixture<ReminderFactory>
{
    private readonly MunicipalWorld _world = new(factory);

    [Fact]
    public async Task The_coordinator_is_reminded_on_day_23_of_the_clock_only_and_only_once()
    {
        var place = await _world.MunicipalityAsync("Бакчарский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var elsewhere = await _world.CoordinatorAsync(await _world.MunicipalityAsync("Чаинский район"));
        var submittedOn = factory.Today.AddDays(-22);
        var waiting = await _world.ApplicationAsync(place, "Ожидающая", ApplicationStage.Submitted, submittedAt: Noon(submittedOn));
        // Registered in time: nothing to remind of.
        await _world.ApplicationAsync(place, "Зарегистрированная", ApplicationStage.Registered, submittedAt: Noon(submittedOn));

        Assert.Empty(await RemindAsync(coordinator));

        factory.Clock.Advance(TimeSpan.FromDays(1));
        var letter = Assert.Single(await RemindAsync(coordinator));
        Assert.Equal(ConsiderationReminders.Subject, letter.Subject);
        var deadline = submittedOn.AddDays(ApplicationClocks.ConsiderationDays);
        Assert.Contains($"— {waiting.FullName}: подано {Date(submittedOn)}, рассмотреть до {Date(deadline)} включительно",
            letter.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Зарегистрированная", letter.PlainText, StringComparison.Ordinal);
        Assert.Contains("https://attestation.example.ru/Municipality/Registration", letter.PlainText, StringComparison.Ordinal);
        Assert.Empty(await LettersAsync(elsewhere));
        // Run again the same day (the next interval, a restart): nothing more.
        Assert.Single(await RemindAsync(coordinator));

        factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Single(await RemindAsync(coordinator));
    }

    [Fact]
    public async Task Two_runners_at_once_queue_the_days_reminder_once()
    {
        var place = await _world.MunicipalityAsync("Парабельский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var submittedOn = factory.Today.AddDays(-ApplicationClocks.ConsiderationReminderDay);
        await _world.ApplicationAsync(place, "Первая", ApplicationStage.Submitted, submittedAt: Noon(submittedOn));
        await _world.ApplicationAsync(place, "Вторая", ApplicationStage.Submitted, submittedAt: Noon(submittedOn).AddHours(3));

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => factory.WithServicesAsync(services =>
            services.GetRequiredService<ConsiderationReminders>().RunOnceAsync(CancellationToken.None)))));

        var letter = Assert.Single(await LettersAsync(coordinator));
        Assert.Contains("заявлений о проведении аттестации: 2", letter.PlainText, StringComparison.Ordinal);
        await using var db = factory.OpenDb();
        Assert.Single(await db.Notifications.Where(n => n.UserId == coordinator.Id && n.Kind == LetterKind.ConsiderationReminder).ToListAsync());
    }

    private async Task<List<OutboxMessage>> RemindAsync(AppUser coordinator)
    {
        await factory.WithServicesAsync(services =>
            services.GetRequiredService<ConsiderationReminders>().RunOnceAsync(CancellationToken.None));
        return await LettersAsync(coordinator);
    }

    private async Task<List<OutboxMessage>> LettersAsync(AppUser coordinator)
    {
        await using var db = factory.OpenDb();
        return await db.OutboxMessages.Where(m => m.UserId == coordinator.Id && m.Kind == LetterKind.ConsiderationReminder).ToListAsync();
    }

    private static DateTimeOffset Noon(DateOnly day) => RegionClock.StartOfDay(day, MunicipalFactory.Zone).AddHours(12);

    private static string Date(DateOnly day) => day.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
