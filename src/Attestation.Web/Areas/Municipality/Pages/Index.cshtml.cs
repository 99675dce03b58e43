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

    /// <summary>Two statements: the periods, and the municipality's name with every count of the page.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = region.Today;
        var municipalityId = User.MunicipalityId();
        HasMunicipality = municipalityId is not null;
        var periods = await db.Periods.AsNoTracking().ToListAsync(ct);
        var nearest = PeriodCalendar.NearestOpenPeriod(periods, region.Now, region.Zone);
        // The 15th of this month is the conclusions' deadline of the period whose second month this is.
        var thisMonth = new DateOnly(Today.Year, Today.Month, 1);
        var started = thisMonth.AddMonths(-1);
        var due = periods.FirstOrDefault(p => p.StartYear == started.Year && p.StartMonth == started.Month);
        var next = thisMonth.AddMonths(1);
        var upcoming = periods.FirstOrDefault(p => p.StartYear == next.Year && p.StartMonth == next.Month);

        var nearestId = nearest?.Id;
        var upcomingId = upcoming?.Id;
        var dueId = due?.Id;
        var applications = db.Applications.AsNoTracking().InMunicipalityOf(User);
        var found = await db.MunicipalityName(municipalityId).WithCountsAsync(applications,
        [
            ApplicationFilters.InProgress,
            ApplicationFilters.WithdrawalPending,
            ApplicationFilters.AwaitingConsideration,
            ApplicationFilters.ConsiderationLight(TrafficLight.Amber, Today, region.Zone),
            ApplicationFilters.ConsiderationLight(TrafficLight.Red, Today, region.Zone),
            ApplicationFilters.AwaitingPeriod,
            a => a.PeriodId == nearestId && a.Status == ApplicationStatus.Registered,
            a => a.PeriodId == nearestId && a.ExpertAId != null && a.ExpertBId != null,
            a => a.PeriodId == upcomingId && a.Status == ApplicationStatus.Registered,
            a => a.PeriodId == upcomingId && a.ExpertAId != null && a.ExpertBId != null,
            a => a.PeriodId == dueId && a.Status == ApplicationStatus.Scheduled,
            a => a.PeriodId == dueId && a.Status == ApplicationStatus.ConclusionUploaded,
            a => a.PeriodId == dueId && a.Status == ApplicationStatus.ConclusionSigned,
        ], ct);
        Municipality = found?.Row;
        var counts = found?.Counts ?? new int[13];

        ApplicationCount = counts[0];
        PendingWithdrawals = counts[1];
        Waiting = counts[2];
        Near = counts[3];
        Overdue = counts[4];
        var withoutPeriod = counts[5];
        if (nearest is not null)
            Schedule = new ScheduleState(nearest, PeriodCalendar.ScheduleDeadline(nearest), withoutPeriod, counts[6], counts[7]);
        var upcomingSchedule = upcoming is null
            ? null
            : new ScheduleState(upcoming, PeriodCalendar.ScheduleDeadline(upcoming), withoutPeriod, counts[8], counts[9]);
        if (due is not null)
            Conclusions = new ConclusionState(due, PeriodCalendar.Deadlines(due).ConclusionUploadedBy, counts[10], counts[11], counts[12]);
        Deadlines = MonthDeadlines(thisMonth, upcoming, upcomingSchedule);
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
