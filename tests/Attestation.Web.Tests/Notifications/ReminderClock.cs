using System.Globalization;
using Attestation.Domain;
using Attestation.Web.Data;
using Attestation.Web.Notifications.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attestation.Web.Tests.Notifications;

/// <summary>
/// Moves a test class's clock forward to the days reminders fall on (the fake clock cannot go back, so each test asks
/// for days after the present one) and reads back the reminders queued.
/// </summary>
public sealed class ReminderClock(MunicipalFactory factory)
{
    /// <summary>10:00 in Tomsk on <paramref name="day"/>: a working hour, after the digests' time.</summary>
    public void MoveTo(DateOnly day, int hour = 10)
    {
        var at = RegionClock.StartOfDay(day, MunicipalFactory.Zone).AddHours(hour);
        if (at < factory.Now)
            throw new InvalidOperationException($"The clock is at {factory.Now:O}; it cannot go back to {at:O}.");
        factory.Clock.SetUtcNow(at);
    }

    /// <summary>The first <paramref name="dayOfMonth"/> at least two days ahead (so that its eve is still ahead too).</summary>
    public DateOnly Next(int dayOfMonth)
    {
        var day = factory.Today.AddDays(2);
        while (day.Day != dayOfMonth)
            day = day.AddDays(1);
        return day;
    }

    /// <summary>Runs one reminder as the job would.</summary>
    public Task<int> RunAsync<T>() where T : IReminder =>
        factory.WithServicesAsync(services => services.GetRequiredService<T>().RunOnceAsync(CancellationToken.None));

    public async Task<List<OutboxMessage>> LettersAsync(LetterKind kind, Guid userId)
    {
        await using var db = factory.OpenDb();
        return await db.OutboxMessages.Where(m => m.UserId == userId && m.Kind == kind).OrderBy(m => m.Id).ToListAsync();
    }

    /// <summary>Runs <typeparamref name="T"/> and returns the person's letters of its kind so far.</summary>
    public async Task<List<OutboxMessage>> RemindAsync<T>(LetterKind kind, Guid userId) where T : IReminder
    {
        await RunAsync<T>();
        return await LettersAsync(kind, userId);
    }

    public static DateTimeOffset Noon(DateOnly day) => RegionClock.StartOfDay(day, MunicipalFactory.Zone).AddHours(12);

    public static string Date(DateOnly day) => day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
