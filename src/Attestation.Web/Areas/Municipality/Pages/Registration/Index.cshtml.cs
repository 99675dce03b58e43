using System.Linq.Expressions;
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
public sealed class IndexModel(
    AttestationDbContext db,
    RegionTime region,
    ApplicationWarnings warnings,
    ApplicationRegistration registration) : PageModel
{
    /// <summary>At most this many applications are registered by one press: a page of the journal.</summary>
    public const int MaxChosen = Paging.DefaultPageSize;
    public const string Waiting = "new";
    public const string Near = "near";
    public const string Overdue = "overdue";
    public const string All = "all";

    /// <summary>Which rows: <see cref="Waiting"/> (default), <see cref="Near"/>, <see cref="Overdue"/>, <see cref="All"/> or a status.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    /// <summary>A part of the teacher's full name («ё» as «е», any case).</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerView.Parameter)]
    public int? PageNumber { get; set; }

    /// <summary>The pages of the list shown.</summary>
    public PagerView? Pager { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>The applications chosen for «Зарегистрировать выбранные», shown for confirmation; null otherwise.</summary>
    public IReadOnlyList<Chosen>? Confirming { get; private set; }

    /// <summary>A chosen application: registered by the confirmation unless <see cref="Skipped"/> says why not.</summary>
    public sealed record Chosen(Guid Id, string FullName, string Organisation, string ClaimedCategory, DateTimeOffset SubmittedAt, string? Skipped);

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

    /// <summary>
    /// Three statements: the counts of the three lists of new ones and of the list shown (one GROUP BY), the page of rows,
    /// and the rule warnings of the rows awaiting registration.
    /// </summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Filters.Any(f => f.Value == Filter))
            Show = null;

        var submitted = db.Applications.AsNoTracking().InMunicipalityOf(User).Where(a => a.SubmittedAt != null)
            .WhoseNameContains(Search);
        var near = ApplicationFilters.ConsiderationLight(TrafficLight.Amber, region.Today, region.Zone);
        var overdue = ApplicationFilters.ConsiderationLight(TrafficLight.Red, region.Today, region.Zone);
        Expression<Func<Application, bool>> shown = Filter switch
        {
            Waiting => ApplicationFilters.AwaitingConsideration,
            Near => near,
            Overdue => overdue,
            All => a => true,
            _ => ApplicationFilters.StatusIn([Enum.Parse<ApplicationStatus>(Filter)]),
        };
        // Counted among the rows of the lists alone: the three new ones are the waiting ones, a few dozen of the
        // municipality's thousands of submissions (the index's status column narrows the scan to them).
        var counted = Filter == All ? submitted : submitted.Where(ApplicationFilters.AwaitingConsideration.Or(shown));
        var counts = await counted.CountEachAsync([ApplicationFilters.AwaitingConsideration, near, overdue, shown],
            a => a.MunicipalityId, User.MunicipalityId() ?? 0, ct);
        (WaitingCount, NearCount, OverdueCount) = (counts[0], counts[1], counts[2]);

        // The new ones oldest first (the next to act on); the lists that grow with the years latest first.
        var rows = submitted.Where(shown).ToRows(db);
        var ordered = Filter is Waiting or Near or Overdue
            ? rows.OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id)
            : rows.OrderByDescending(a => a.SubmittedAt).ThenBy(a => a.Id);
        var page = await ordered.ToPagedAsync(PageNumber, counts[3], ct);
        Pager = PagerView.Of(page, Request);

        // The rule warnings of the applications waiting for registration: ⚠ in the row, and a confirmation to register.
        var warned = await warnings.OfSavedAsync(
            page.Items.Where(a => a.Can(ApplicationAction.Register)).Select(a => a.Id).ToList(), ct);

        Rows = page.Items.Select(a => new Row(
                a.Id,
                a.FullName,
                a.Organisation,
                a.CurrentCategory.ToRussian(),
                a.CurrentCategoryExpiresOn,
                a.ClaimedCategory?.ToRussian() ?? "—",
                a.Form?.ToRussian() ?? "—",
                a.SubmittedAt!.Value,
                a.RegistrationNumber,
                a.RegisteredOn,
                a.Status,
                a.StatusText,
                a.Consideration(region.Now, region.Zone)!,
                a.Can(ApplicationAction.Register),
                warned.TryGetValue(a.Id, out var found) ? found.Select(w => w.Message).ToList() : []))
            .ToList();
        return Page();
    }

    /// <summary>«Зарегистрировать выбранные»: first the list of what will be registered and what will not, nothing saved yet.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            this.Refuse("Отметьте заявления, которые нужно зарегистрировать.");
            return RedirectToPage(new { show = Show, q = Search, p = PageNumber });
        }
        Confirming = await ChooseAsync(ids, ct);
        return await OnGetAsync(ct);
    }

    /// <summary>
    /// The confirmed ones registered one by one, each with its number and letter, each checked again: one registered
    /// meanwhile (a second press, a colleague) or warned about since is left as it is and said so.
    /// </summary>
    public async Task<IActionResult> OnPostRegisterChosenAsync(List<Guid> ids, CancellationToken ct)
    {
        var chosen = await ChooseAsync(ids, ct);
        var actor = new Domain.Actor(User.UserId(), Roles.MunicipalCoordinator);
        var registered = new List<string>();
        var refused = new List<string>();
        foreach (var item in chosen)
        {
            if (item.Skipped is { } why)
            {
                refused.Add($"{item.FullName} — {why}");
                continue;
            }
            var application = await db.Applications.InMunicipalityOf(User).SingleAsync(a => a.Id == item.Id, ct);
            var outcome = await registration.RegisterAsync(application, actor, ct);
            if (outcome.Refusal is { } refusal)
                refused.Add($"{item.FullName} — {refusal}");
            else
                registered.Add($"{item.FullName} (№ {outcome.Number})");
            db.ChangeTracker.Clear();
        }
        StatusMessage = registered.Count == 0
            ? "Ни одно заявление не зарегистрировано."
            : $"Зарегистрировано заявлений: {registered.Count}: {string.Join("; ", registered)}. Педагогам отправлены письма.";
        if (refused.Count > 0)
            this.Refuse("Не зарегистрированы: " + string.Join("; ", refused) + ".");
        return RedirectToPage(new { show = Show, q = Search, p = PageNumber });
    }

    /// <summary>Of the ids posted (at most <see cref="MaxChosen"/>), the municipality's submitted applications, each with why it would not be registered.</summary>
    private async Task<IReadOnlyList<Chosen>> ChooseAsync(List<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().Take(MaxChosen).ToList();
        var rows = await db.Applications.AsNoTracking().InMunicipalityOf(User)
            .Where(a => a.SubmittedAt != null && wanted.Contains(a.Id))
            .ToRows(db)
            .OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id)
            .ToListAsync(ct);
        var warned = await warnings.OfSavedAsync(rows.Where(a => a.Can(ApplicationAction.Register)).Select(a => a.Id).ToList(), ct);
        return rows.Select(a => new Chosen(a.Id, a.FullName, a.Organisation, a.ClaimedCategory?.ToRussian() ?? "—", a.SubmittedAt!.Value,
                !a.Can(ApplicationAction.Register) ? $"уже не ожидает регистрации ({a.StatusText})"
                : warned.TryGetValue(a.Id, out var found) && found.Count > 0
                    ? "есть предупреждения: зарегистрируйте его из карточки заявления, ознакомившись с ними"
                    : null))
            .ToList();
    }
}
