using System.ComponentModel.DataAnnotations;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Attestation.Web.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Teacher.Pages.Applications;

/// <summary>«Заявление на отзыв»: filed here, registered by the municipal coordinator.</summary>
public sealed class WithdrawModel(AttestationDbContext db, StaffEmails staff, RegionTime region) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public string Summary { get; private set; } = "";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Выберите причину отзыва.")]
        [Display(Name = "Причина отзыва")]
        public WithdrawalReason? Reason { get; set; }

        [StringLength(Withdrawal.ReasonTextMaxLength, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Пояснение")]
        public string? Text { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var application = await FindAsync(id, ct);
        if (application is null)
            return NotFound();
        if (!application.CanBeWithdrawn)
            return RedirectToPage("./Details", new { id });
        Summary = $"{application.FullName}, заявление от {application.SubmittedAt?.ToRegionDate()} ({application.StatusText})";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var application = await FindAsync(id, ct);
        if (application is null)
            return NotFound();
        if (Input.Reason == WithdrawalReason.Other && string.IsNullOrWhiteSpace(Input.Text))
            ModelState.AddModelError("Input.Text", "Опишите причину отзыва.");
        if (!ModelState.IsValid)
        {
            Summary = $"{application.FullName}, заявление от {application.SubmittedAt?.ToRegionDate()} ({application.StatusText})";
            return Page();
        }

        var saved = await db.TrySaveAsync(async token =>
        {
            application.FileWithdrawal(Input.Reason!.Value, Input.Text, byCoordinator: false, documentFileId: null,
                new Actor(User.UserId(), Roles.Teacher), region.Now);
            await staff.QueueWithdrawalFiledAsync(application, token);
        }, ct);
        if (saved.Refusal is { } refusal)
            this.Refuse(refusal);
        else
            StatusMessage = "Заявление на отзыв подано. Оно будет зарегистрировано муниципальным координатором.";
        return RedirectToPage("./Details", new { id });
    }

    private Task<Application?> FindAsync(Guid id, CancellationToken ct) =>
        db.Applications.OwnedBy(User).SingleOrDefaultAsync(a => a.Id == id, ct);
}
