using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Teacher.Pages.Applications;

/// <summary>«Мои заявления».</summary>
public sealed class IndexModel(AttestationDbContext db) : PageModel
{
    public IReadOnlyList<Row> Applications { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed record Row(
        Guid Id, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, QualificationCategory? Claimed,
        AttestationForm? Form, ApplicationStatus Status, bool WithdrawalPending, string? RegistrationNumber, string? Period)
    {
        public string StatusText => WithdrawalPending
            ? $"{Status.ToShortRussian()} (подано заявление на отзыв)"
            : Status.ToShortRussian();
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.Applications.AsNoTracking()
            .OwnedBy(User)
            .OrderByDescending(a => a.CreatedAt)
            .Select(a => new
            {
                a.Id, a.CreatedAt, a.SubmittedAt, a.ClaimedCategory, a.Form, a.Status,
                WithdrawalPending = a.Withdrawal != null && a.Withdrawal.RegisteredAt == null,
                a.RegistrationNumber,
                Period = db.Periods.Where(p => p.Id == a.PeriodId).Select(p => new { p.StartYear, p.StartMonth }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        Applications = rows
            .Select(r => new Row(r.Id, r.CreatedAt, r.SubmittedAt, r.ClaimedCategory, r.Form, r.Status, r.WithdrawalPending,
                r.RegistrationNumber,
                r.Period is null ? null : AttestationPeriod.NameOf(r.Period.StartYear, r.Period.StartMonth)))
            .ToList();
    }
}
