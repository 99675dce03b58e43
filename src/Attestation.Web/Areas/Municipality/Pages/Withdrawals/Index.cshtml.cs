using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;
using Attestation.Web.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Municipality.Pages.Withdrawals;

/// <summary>
/// «Регистрация заявлений на отзыв»: the new withdrawals to register and those registered before — the journal of
/// withdrawn applications of the coordinator's municipality.
/// </summary>
public sealed class IndexModel(
    AttestationDbContext db,
    ApplicationEmails emails,
    RegionTime region) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<Row> Pending { get; private set; } = [];

    public IReadOnlyList<Row> Registered { get; private set; } = [];

    /// <summary>A part of the teacher's full name («ё» as «е», any case), in both lists.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerView.Parameter)]
    public int? PageNumber { get; set; }

    /// <summary>The registered withdrawals, the journal of years: a page at a time, the latest first.</summary>
    public PagerView? Pager { get; private set; }

    public sealed record Row(
        Guid ApplicationId,
        string FullName,
        string Organisation,
        string Reason,
        bool ByCoordinator,
        Guid? DocumentFileId,
        DateTimeOffset FiledAt,
        DateTimeOffset? RegisteredAt,
        ApplicationStatus StatusWhenFiled);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var withdrawals = db.Applications.AsNoTracking().InMunicipalityOf(User).WhoseNameContains(Search);
        // The few still to register, oldest first, ordered here: ordered in SQL, the planner walked the region's
        // withdrawals by date instead of the municipality's pending ones by their own index.
        var pending = await withdrawals.Where(ApplicationFilters.WithdrawalPending).ToRows(db).ToListAsync(ct);
        Pending = pending.Select(RowOf).OrderBy(r => r.FiledAt).ThenBy(r => r.ApplicationId).ToList();
        var registered = await withdrawals.Where(a => a.Withdrawal!.RegisteredAt != null).ToRows(db)
            .OrderByDescending(a => a.Withdrawal!.RegisteredAt).ThenBy(a => a.Id)
            .ToPagedAsync(PageNumber, ct);
        Pager = PagerView.Of(registered, Request);
        Registered = registered.Items.Select(RowOf).ToList();
    }

    private static Row RowOf(ApplicationRow a) => new(a.Id, a.FullName, a.Organisation,
        a.Withdrawal!.ReasonDisplay, a.Withdrawal.ByCoordinator, a.Withdrawal.DocumentFileId, a.Withdrawal.FiledAt,
        a.Withdrawal.RegisteredAt, a.Withdrawal.StatusWhenFiled);

    public async Task<IActionResult> OnPostRegisterAsync(Guid id, CancellationToken ct)
    {
        var application = await db.Applications.InMunicipalityOf(User)
            .Where(a => a.Withdrawal != null)
            .SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
            return NotFound();

        var sent = false;
        var saved = await db.TrySaveAsync(async token =>
        {
            application.RegisterWithdrawal(new Actor(User.UserId(), Roles.MunicipalCoordinator), region.Now);
            sent = await db.RecipientAsync(application.TeacherId, token) is { } teacher
                && emails.QueueWithdrawalRegistered(teacher, region.Today, application.Withdrawal!.ReasonDisplay, id);
        }, ct, Notices.ChangedMeanwhile(application.FullName));
        if (saved.Refusal is { } refusal)
        {
            this.Refuse(refusal);
            return RedirectToPage();
        }

        StatusMessage = $"{application.FullName}: заявление на отзыв зарегистрировано, заявление о проведении аттестации отозвано и исключено из графика. "
            + (sent ? "Педагогу отправлено письмо." : "У педагога не указан адрес электронной почты: сообщите ему об отзыве.");
        return RedirectToPage();
    }
}
