using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Web.Applications;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Municipality.Pages.Registration;

/// <summary>
/// «Регистрация заявлений»: the journal of the applications submitted in the coordinator's municipality with the seed's
/// columns and the 30-day clock of each; by default the new ones, oldest first, which are the ones to act on.
/// </summary>
public sealed class IndexModel(AttestationDbContext db, RegionTime region, ApplicationWarnings warnings) : PageModel
{
    public const string Waiting = "new";
    public const string Near = "near";
    public const string Overdue = "overdue";
    public const string All = "all";

    /// <summary>Which rows: <see cref="Waiting"/> (default), <see cref="Near"/>, <see cref="Overdue"/>, <see cref="All"/> or a status.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerView.Parameter)]
    public int? PageNumber { get; set; }

    /// <summary>The pages of the lists that grow with the years («Все поданные» and each status); null for the lists of new ones.</summary>
    public PagerView? Pager { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int WaitingCount { get; private set; }
    public int NearCount { get; private set; }
    public int OverdueCount { get; private set; }

    public string Filter => Show ?? Waiting;

    /// <summary>The choices of the filter: the three lists of new applications, everything, and each status after submission.</summary>
    public static IReadOnlyList<(string Value, string Text)> Filters { get; } =
    [
        (Waiting, "Новые (ожидают регистрации)"),
        (Near, "Срок рассмотрения истекает (последние 7 дней)"),
        (Overdue, "Срок рассмотрения истёк"),
        (All, "Все поданные заявления"),
        .. ApplicationRules.PastRegistrationStep.Select(s => (s.ToString(), s.ToShortRussian())),
    ];

    public sealed record Row(
        Guid Id,
        string FullName,
        string Organisation,
        string CurrentCategory,
        DateOnly? CurrentCategoryExpiresOn,
        string ClaimedCategory,
        string Form,
        DateTimeOffset SubmittedAt,
        string? RegistrationNumber,
        DateOnly? RegisteredOn,
        ApplicationStatus Status,
        string StatusText,
        ConsiderationClock Clock,
        bool CanRegister,
        IReadOnlyList<string> Warnings);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Filters.Any(f => f.Value == Filter))
            Show = null;

        var submitted = db.Applications.AsNoTracking().InMunicipalityOf(User).Where(a => a.SubmittedAt != null);
        var waiting = await submitted.Where(ApplicationFilters.AwaitingConsideration).ToListAsync(ct);
        var clocks = waiting.ToDictionary(a => a.Id, Clock);
        WaitingCount = waiting.Count;
        NearCount = clocks.Values.Count(c => c.Light == TrafficLight.Amber);
        OverdueCount = clocks.Values.Count(c => c.Light == TrafficLight.Red);

        List<Application> applications = Filter switch
        {
            Waiting => waiting,
            Near => waiting.Where(a => clocks[a.Id].Light == TrafficLight.Amber).ToList(),
            Overdue => waiting.Where(a => clocks[a.Id].Light == TrafficLight.Red).ToList(),
            All => await PageAsync(submitted, ct),
            _ => await PageAsync(submitted.Where(ApplicationFilters.StatusIn([Enum.Parse<ApplicationStatus>(Filter)])), ct),
        };
        if (Filter is Waiting or Near or Overdue)
            applications = applications.OrderBy(a => a.SubmittedAt).ToList();

        var names = await db.RowsOfAsync(applications, ct);

        // The rule warnings of the applications waiting for registration: ⚠ in the row, and a confirmation to register.
        var warned = await warnings.ForManyAsync(applications.Where(a => a.CanRegister).ToList(), ct);

        Rows = applications.Select(a => new Row(
                a.Id,
                a.FullName,
                names[a.Id].Organisation,
                a.CurrentCategory.ToRussian(),
                a.CurrentCategoryExpiresOn,
                a.ClaimedCategory?.ToRussian() ?? "—",
                a.Form?.ToRussian() ?? "—",
                a.SubmittedAt!.Value,
                a.RegistrationNumber,
                a.RegisteredOn,
                a.Status,
                a.StatusText,
                clocks.TryGetValue(a.Id, out var clock) ? clock : Clock(a),
                a.CanRegister,
                warned.TryGetValue(a.Id, out var found) ? found.Select(w => w.Message).ToList() : []))
            .ToList();
        return Page();
    }

    /// <summary>A page of a list that grows with the years, the latest submissions first.</summary>
    private async Task<List<Application>> PageAsync(IQueryable<Application> applications, CancellationToken ct)
    {
        var page = await applications.OrderByDescending(a => a.SubmittedAt).ThenBy(a => a.Id).ToPagedAsync(PageNumber, ct);
        Pager = PagerView.Of(page, Request);
        return [.. page.Items];
    }

    private ConsiderationClock Clock(Application application) =>
        ApplicationClocks.Consideration(application, region.Now, region.Zone)!;
}
