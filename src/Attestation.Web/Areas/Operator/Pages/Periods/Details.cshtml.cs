using System.ComponentModel.DataAnnotations;
using Attestation.Domain;
using Attestation.Domain.Periods;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;
using Attestation.Web.Jobs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Attestation.Web.Areas.Operator.Pages.Periods;

/// <summary>
/// One period: its deadlines, its history (who closed or reopened it, when and why), closing or reopening it by hand,
/// and removing it while no application refers to it.
/// </summary>
public sealed class DetailsModel(AttestationDbContext db, RegionTime region) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public AttestationPeriod Period { get; private set; } = null!;

    public string Name { get; private set; } = "";

    public (string Text, string Css) State { get; private set; }

    public PeriodDeadlines Deadlines { get; private set; } = null!;

    public int Applications { get; private set; }

    public int Approvals { get; private set; }

    public IReadOnlyList<HistoryRow> History { get; private set; } = [];

    public bool CanRemove => Applications == 0 && Approvals == 0;

    public sealed record HistoryRow(DateTimeOffset At, string Description, string Actor, string? Reason);

    public sealed class InputModel
    {
        [StringLength(AttestationPeriod.ReasonMaxLength, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Причина")]
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>«Закрыть период»: a reason is optional.</summary>
    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        ChangeStateAsync(id, period => period.Close(User.UserId(), region.Now, Input.Reason),
            period => $"Период «{period.Name}» закрыт.", ct);

    /// <summary>«Открыть период»: the reason is required (the domain refuses an empty one).</summary>
    public Task<IActionResult> OnPostReopenAsync(Guid id, CancellationToken ct) =>
        ChangeStateAsync(id, period => period.Reopen(User.UserId(), region.Now, Input.Reason!),
            period => $"Период «{period.Name}» открыт.", ct);

    /// <summary>«Удалить период»: only while no application (and no approved schedule) refers to it.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct)
    {
        var period = await db.Periods.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (period is null)
            return NotFound();

        var applications = await db.Applications.CountAsync(a => a.PeriodId == id, ct);
        if (applications > 0 || await db.ScheduleApprovals.AnyAsync(a => a.PeriodId == id, ct))
        {
            ModelState.AddModelError(string.Empty, RefusalToRemove(period, applications));
            await LoadAsync(id, ct);
            return Page();
        }

        db.Periods.Remove(period);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (error.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation })
        {
            // An application was put into the period between the check and the delete.
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, RefusalToRemove(period, await db.Applications.CountAsync(a => a.PeriodId == id, ct)));
            await LoadAsync(id, ct);
            return Page();
        }

        StatusMessage = $"Период «{period.Name}» удалён.";
        return RedirectToPage("./Index", new { year = period.SchoolYear.StartYear });
    }

    private static string RefusalToRemove(AttestationPeriod period, int applications) =>
        applications > 0
            ? $"Период «{period.Name}» нельзя удалить: на него ссылаются заявления ({applications}). Период можно только закрыть."
            : $"Период «{period.Name}» нельзя удалить: графики этого периода уже утверждены. Период можно только закрыть.";

    /// <summary>
    /// Under the same lock as the automatic closing, and with the period read after taking it: the job and the operator
    /// (or two operators) never both act on a state one of them has not seen.
    /// </summary>
    private async Task<IActionResult> ChangeStateAsync(Guid id, Action<AttestationPeriod> change,
        Func<AttestationPeriod, string> message, CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return await LoadAsync(id, ct) ? Page() : NotFound();

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await PeriodLock.AcquireAsync(db, ct);
            var period = await db.Periods.SingleOrDefaultAsync(p => p.Id == id, ct);
            if (period is null)
                return NotFound();
            if (SafeSave.RefusalOf(() => change(period)) is { } refusal)
                ModelState.AddModelError(string.Empty, refusal);

            if (ModelState.IsValid)
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                StatusMessage = message(period);
                return RedirectToPage(new { id });
            }
        }

        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        // The period with its two counts in one statement, its history with the actors' names in another.
        var found = await db.Periods.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new
            {
                Period = p,
                Applications = db.Applications.Count(a => a.PeriodId == p.Id),
                Approvals = db.ScheduleApprovals.Count(a => a.PeriodId == p.Id),
            })
            .SingleOrDefaultAsync(ct);
        if (found is null)
            return false;

        var period = found.Period;
        Period = period;
        Name = PeriodState.ListName(period, region.Now, region.Zone);
        State = PeriodState.Badge(period, region.Now, region.Zone);
        Deadlines = PeriodCalendar.Deadlines(period);
        Applications = found.Applications;
        Approvals = found.Approvals;

        var events = await (
                from e in db.PeriodEvents.AsNoTracking().Where(e => e.PeriodId == id)
                join u in db.Users on e.ActorId equals (Guid?)u.Id into actors
                from u in actors.DefaultIfEmpty()
                orderby e.At
                select new
                {
                    e.At,
                    e.Description,
                    e.Reason,
                    e.ActorId,
                    Actor = u == null ? null : new PersonName(u.LastName, u.FirstName, u.MiddleName),
                })
            .ToListAsync(ct);
        History = events
            .Select(e => new HistoryRow(e.At, e.Description, e.ActorId is null ? "автоматически" : e.Actor?.FullName ?? "удалённый пользователь", e.Reason))
            .ToList();
        return true;
    }
}
