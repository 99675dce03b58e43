using System.Globalization;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attestation.Web.Tests.Notifications;

/// <summary>
/// The portal mailing over SMTP to a loopback port where, at first, nothing listens: the tests bring the server
/// (<see cref="SmtpSink"/>) up when they want it.
/// </summary>
public sealed class SmtpPortalFactory : PortalFactory
{
    public int SmtpPort { get; } = SmtpSink.FreePort();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Email:Host", "127.0.0.1");
        builder.UseSetting("Email:Port", SmtpPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Email:Timeout", "00:00:10");
        builder.UseSetting("Email:RetryDelay", "00:01:00");
        builder.UseSetting("Email:MaxAttempts", "3");
        builder.UseSetting("Email:PublicBaseUrl", "https://attestation.example.ru/");
    }
}

public sealed class SmtpDeliveryTests(SmtpPortalFactory factory) : IClassFixture<SmtpPortalFactory>
{
    [Fact]
    public async Task An_smtp_outage_delays_the_letters_and_a_later_run_delivers_each_exactly_once()
    {
        var subjects = await QueueAsync("outage", 3);

        Assert.Equal(0, await factory.DeliverMailAsync());
        var waiting = await LettersAsync("outage");
        Assert.All(waiting, l =>
        {
            Assert.Equal((OutboxStatus.Waiting, 1, (DateTimeOffset?)null), (l.Status, l.Attempts, l.SentAt));
            Assert.False(string.IsNullOrWhiteSpace(l.LastError));
            AssertSameInstant(factory.Clock.GetUtcNow().AddMinutes(1), l.NextAttemptAt);
        });

        await using var sink = await SmtpSink.StartAsync(factory.SmtpPort);
        // Up again, but the letters wait for their retry time.
        Assert.Equal(0, await factory.DeliverMailAsync());
        Assert.Empty(sink.Received());

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(3, await factory.DeliverMailAsync());
        Assert.Equal(0, await factory.DeliverMailAsync());

        var received = sink.Received().Where(m => m.Subject.Contains("(outage", StringComparison.Ordinal)).ToList();
        Assert.Equal(subjects, received.Select(m => m.Subject).Order(StringComparer.Ordinal));
        Assert.Equal(3, received.Select(m => m.MessageId).Distinct().Count());
        var first = received.Single(m => m.Subject == subjects[0]);
        Assert.Equal("outage.1@example.org", first.To);
        Assert.Contains("Здравствуйте, Проверкина Анна Сергеевна!", first.PlainText, StringComparison.Ordinal);
        Assert.Contains("заявление о проведении аттестации ещё не подано", first.PlainText, StringComparison.Ordinal);
        Assert.Contains("Перейти в личный кабинет: https://attestation.example.ru/Teacher", first.PlainText, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://attestation.example.ru/Teacher\">Перейти в личный кабинет</a>", first.Html, StringComparison.Ordinal);
        Assert.All(await LettersAsync("outage"), l =>
        {
            Assert.Equal((OutboxStatus.Sent, 2), (l.Status, l.Attempts));
            AssertSameInstant(factory.Clock.GetUtcNow(), l.SentAt!.Value);
            Assert.Null(l.LastError);
        });
    }

    [Fact]
    public async Task A_letter_that_never_gets_through_is_failed_after_the_last_attempt_with_the_error_kept()
    {
        await QueueAsync("failing", 1);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal(0, await factory.DeliverMailAsync());
            factory.Clock.Advance(TimeSpan.FromHours(1));
        }

        var letter = Assert.Single(await LettersAsync("failing"));
        Assert.Equal((OutboxStatus.Failed, 3), (letter.Status, letter.Attempts));
        Assert.False(string.IsNullOrWhiteSpace(letter.LastError));
        // Failed is final until the operator puts it back: no further attempt.
        Assert.Equal(0, await factory.DeliverMailAsync());
        Assert.Equal(3, Assert.Single(await LettersAsync("failing")).Attempts);
    }

    /// <summary>Reminders to <paramref name="count"/> new teachers, composed by the portal's own letters outside any
    /// request (the links on Email:PublicBaseUrl); the subject numbered so that each letter can be told apart.</summary>
    private async Task<List<string>> QueueAsync(string login, int count)
    {
        var teachers = new List<AppUser>();
        for (var i = 1; i <= count; i++)
            teachers.Add(await factory.CreateUserAsync(Roles.Teacher, $"{login}.{i}"));
        await factory.WithServicesAsync(async services =>
        {
            var letters = services.GetRequiredService<ApplicationEmails>();
            foreach (var teacher in teachers)
                letters.QueueSubmissionReminder(new Recipient(teacher.Id, teacher.Email, teacher.FullName),
                    new CoordinatorContact("Координаторова Ольга Петровна", "+7 3822 000000", null));
            var db = services.GetRequiredService<AttestationDbContext>();
            await db.SaveChangesAsync();
            // Numbered, so that each letter can be told apart in the sink.
            var queued = db.ChangeTracker.Entries<OutboxMessage>().Select(e => e.Entity).ToList();
            foreach (var (letter, i) in queued.OrderBy(l => l.To, StringComparer.Ordinal).Select((l, i) => (l, i + 1)))
                letter.Subject = $"{letter.Subject} ({login} {i})";
            return await db.SaveChangesAsync();
        });
        return Enumerable.Range(1, count).Select(i => $"{ApplicationEmails.ReminderSubject} ({login} {i})").ToList();
    }

    /// <summary>PostgreSQL keeps microseconds, the test clock ticks.</summary>
    internal static void AssertSameInstant(DateTimeOffset expected, DateTimeOffset actual) =>
        Assert.True((expected - actual).Duration() < TimeSpan.FromMilliseconds(1), $"Expected {expected:O}, got {actual:O}.");

    private async Task<List<OutboxMessage>> LettersAsync(string login)
    {
        await using var db = factory.OpenDb();
        return await db.OutboxMessages.Where(m => m.To.StartsWith(login + ".")).OrderBy(m => m.Id).ToListAsync();
    }
}
