using Attestation.Domain.Applications;
using Attestation.Domain.Periods;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Municipality.Pages;

/// <summary>
/// «Главная» of the municipal coordinator: what needs doing now, each count linking to its list, and the month's three
/// deadlines (the 11th, the 12th, the 15th) with what is still open for each.
/// </summary>
public sealed class IndexModel(AttestationDbContext db, RegionTime region) : PageModel
{
    public bool HasMunicipality { get; private set; }
    public string? Municipality { get; private set; }
    public DateOnly Today { get; private set; }

    /// <summary>«Количество заявлений»: submitted and not finished (from submission to the commission's decision).</summary>
    public int ApplicationCount { get; private set; }

    public int Waiting { get; private set; }
    public int Near { get; private set; }
    public int Overdue { get; private set; }
    public int PendingWithdrawals { get; private set; }

    public ScheduleState? Schedule { get; private set; }
    public ConclusionState? Conclusions { get; private set; }
    public IReadOnlyList<Deadline> Deadlines { get; private set; } = [];

    /// <param name="WithoutPeriod">Registered on general grounds with no period yet: candidates for this period.</param>
    /// <param name="FewerThanTwoExperts">Put into this period without their two experts.</param>
    /// <param name="Complete">In this period with both experts.</param>
    public sealed record ScheduleState(AttestationPeriod Period, DateOnly ScheduleDeadline, int WithoutPeriod,
        int FewerThanTwoExperts, int Complete);

    /// <param name="NotUploaded">Scheduled: the experts have not uploaded the final conclusion.</param>
    /// <param name="NotSigned">Uploaded, not yet signed by the teacher.</param>
    /// <param name="ToVerify">Signed: the coordinator checks it and marks «соответствует / не соответствует».</param>
    public sealed record ConclusionState(AttestationPeriod Period, DateOnly DueOn, int NotUploaded, int NotSigned, int ToVerify);

    public sealed record Deadline(DateOnly Date, string What, string Open, bool IsDone, string? Link);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = region.Today;
        var municipalityId = User.MunicipalityId();
        HasMunicipality = municipalityId is not null;
        Municipality = municipalityId is { } id ? await db.FindMunicipalityNameAsync(id, ct) : null;

        var applications = db.Applications.AsNoTracking().InMunicipalityOf(User);
        ApplicationCount = await applications.CountAsync(ApplicationFilters.InProgress, ct);
        PendingWithdrawals = await applications.CountAsync(ApplicationFilters.WithdrawalPending, ct);

        var waiting = await applications.Where(ApplicationFilters.AwaitingConsideration).ToListAsync(ct);
        var lights = waiting
            .Select(a => ApplicationClocks.Consideration(a, region.Now, region.Zone)!.Light)
            .ToList();
        Waiting = waiting.Count;
        Near = lights.Count(l => l == TrafficLight.Amber);
        Overdue = lights.Count(l => l == TrafficLight.Red);

        var periods = await db.Periods.AsNoTracking().ToListAsync(ct);
        var withoutPeriod = await applications.CountAsync(ApplicationFilters.AwaitingPeriod, ct);

        if (PeriodCalendar.NearestOpenPeriod(periods, region.Now, region.Zone) is { } nearest)
            Schedule = await ScheduleOfAsync(applications, nearest, withoutPeriod, ct);

        // The 15th of this month is the conclusions' deadline of the period whose second month this is.
        var thisMonth = new DateOnly(Today.Year, Today.Month, 1);
        var started = thisMonth.AddMonths(-1);
        if (periods.FirstOrDefault(p => p.StartYear == started.Year && p.StartMonth == started.Month) is { } due)
        {
            var counts = await applications
                .Where(a => a.PeriodId == due.Id)
                .GroupBy(a => a.Status)
                .Select(g => new { Status = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Status, g => g.Count, ct);
            Conclusions = new ConclusionState(due, PeriodCalendar.Deadlines(due).ConclusionUploadedBy,
                counts.GetValueOrDefault(ApplicationStatus.Scheduled),
                counts.GetValueOrDefault(ApplicationStatus.ConclusionUploaded),
                counts.GetValueOrDefault(ApplicationStatus.ConclusionSigned));
        }

        var next = thisMonth.AddMonths(1);
        var upcoming = periods.FirstOrDefault(p => p.StartYear == next.Year && p.StartMonth == next.Month);
        var upcomingSchedule = upcoming is null ? null : await ScheduleOfAsync(applications, upcoming, withoutPeriod, ct);
        Deadlines = MonthDeadlines(thisMonth, upcoming, upcomingSchedule);
    }

    private static async Task<ScheduleState> ScheduleOfAsync(IQueryable<Application> applications, AttestationPeriod period,
        int withoutPeriod, CancellationToken ct)
    {
        var inPeriod = applications.Where(a => a.PeriodId == period.Id);
        return new ScheduleState(period, PeriodCalendar.ScheduleDeadline(period), withoutPeriod,
            await inPeriod.CountAsync(a => a.Status == ApplicationStatus.Registered, ct),
            await inPeriod.CountAsync(a => a.ExpertAId != null && a.ExpertBId != null, ct));
    }

    private List<Deadline> MonthDeadlines(DateOnly thisMonth, AttestationPeriod? upcoming, ScheduleState? upcomingSchedule)
    {
        var deadlines = new List<Deadline>
        {
            new(thisMonth.AddDays(PeriodCalendar.RegistrationDeadlineDay - 1),
                upcoming is null
                    ? "Регистрация заявлений"
                    : $"Регистрация заявлений (к периоду «{upcoming.Name}»)",
                Waiting == 0 ? "все поданные заявления рассмотрены" : $"ожидают регистрации: {Waiting}",
                Waiting == 0, "/Municipality/Registration"),
        };
        if (upcoming is not null && upcomingSchedule is not null)
        {
            var open = upcomingSchedule.FewerThanTwoExperts;
            deadlines.Add(new(PeriodCalendar.ScheduleDeadline(upcoming),
                $"Заполнение графика периода «{upcoming.Name}»; после 12 числа период закрывается",
                upcoming.IsOpenForScheduling(region.Now, region.Zone)
                    ? $"в графике: {upcomingSchedule.Complete}; без двух экспертов: {open}; зарегистрированы без периода: {upcomingSchedule.WithoutPeriod}"
                    : $"период закрыт; в графике: {upcomingSchedule.Complete}",
                open == 0, "/Municipality/Schedule/Fill"));
        }
        if (Conclusions is { } c)
        {
            deadlines.Add(new(c.DueOn,
                $"Итоговые заключения периода «{c.Period.Name}» загружены в систему",
                $"не загружено: {c.NotUploaded}; не подписано педагогом: {c.NotSigned}; на проверке: {c.ToVerify}",
                c.NotUploaded + c.NotSigned == 0, "/Municipality/Attestation"));
        }
        return deadlines.OrderBy(d => d.Date).ToList();
    }
}
