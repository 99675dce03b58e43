using Attestation.Domain.Periods;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Notifications.Reminders;

/// <summary>
/// A reminder tied to a deadline of a period (<see cref="ReminderCalendar"/>): on its day, the letters about each period
/// whose reminder of <see cref="RemindedStep"/> falls today. The periods are a small table (eight a school year), read whole.
/// </summary>
public abstract class PeriodReminder(AttestationDbContext db, ReminderPost post, RegionTime region) : IReminder
{
    public abstract NotificationKind Kind { get; }

    protected abstract PeriodStep RemindedStep { get; }

    /// <summary>The operator's checks go out on the deadline itself; the others some days before it.</summary>
    protected virtual bool OnDeadlineDay => false;

    /// <summary>Only periods still open for scheduling (the registration and schedule reminders).</summary>
    protected virtual bool OpenPeriodsOnly => false;

    protected AttestationDbContext Db => db;

    protected RegionTime Region => region;

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var periods = await db.Periods.AsNoTracking().ToListAsync(ct);
        if (OpenPeriodsOnly)
            periods = periods.Where(p => p.IsOpenForScheduling(region.Now, region.Zone)).ToList();
        var due = OnDeadlineDay
            ? ReminderCalendar.DueOn(RemindedStep, periods, region.Today)
            : ReminderCalendar.RemindedOn(RemindedStep, periods, region.Today);
        var letters = new List<ReminderLetter>();
        foreach (var period in due)
            letters.AddRange(await LettersAsync(period, ReminderCalendar.Deadline(RemindedStep, period), ct));
        return await post.SendAsync(Kind, letters, ct);
    }

    /// <summary>Today's letters about <paramref name="period"/>, one per person, each naming <paramref name="deadline"/>.</summary>
    protected abstract Task<IReadOnlyList<ReminderLetter>> LettersAsync(AttestationPeriod period, DateOnly deadline,
        CancellationToken ct);
}
