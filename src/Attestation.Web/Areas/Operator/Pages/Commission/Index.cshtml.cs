using System.ComponentModel.DataAnnotations;
using Attestation.Domain;
using Attestation.Domain.Commission;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Commission;

/// <summary>
/// «Заседания аттестационной комиссии»: every meeting with how many applications are on its list and how many are
/// decided, and its order once recorded; a new meeting is created here by its date and protocol number.
/// </summary>
public sealed class IndexModel(AttestationDbContext db, RegionTime region, CountedAheadStore countedAhead) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>Verified applications on no meeting's list: what the next meeting can take.</summary>
    public int Waiting { get; private set; }

    /// <summary>When <see cref="Waiting"/> was counted ahead (<see cref="AheadCounting"/>); null when counted now.</summary>
    public DateTimeOffset? WaitingCountedAt { get; private set; }

    public sealed record Row(Guid Id, DateOnly MeetingDate, string ProtocolNumber, int Listed, int Decided,
        string? OrderNumber, DateOnly? OrderDate);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Укажите дату заседания.")]
        [Display(Name = "Дата заседания")]
        public string? MeetingDate { get; set; }

        [Required(ErrorMessage = "Укажите номер протокола.")]
        [StringLength(CommissionMeeting.ProtocolNumberMaxLength, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Номер протокола")]
        public string? ProtocolNumber { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>«Создать заседание»; the same date and protocol number twice is one meeting (a double click included).</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var date = default(DateOnly);
        if (!string.IsNullOrWhiteSpace(Input.MeetingDate) && !DateInput.TryParse(Input.MeetingDate, out date))
            ModelState.AddModelError("Input.MeetingDate", DateInput.Invalid);
        else if (!string.IsNullOrWhiteSpace(Input.MeetingDate) && (date.Year < region.Today.Year - 1 || date > region.Today.AddYears(1)))
            ModelState.AddModelError("Input.MeetingDate", "Дата заседания должна быть не раньше прошлого года и не позже чем через год.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await CommissionLock.AcquireAsync(db, ct);
        var protocol = Input.ProtocolNumber!.Trim();
        var existing = await db.CommissionMeetings.AsNoTracking()
            .Where(m => m.MeetingDate == date && m.ProtocolNumber == protocol)
            .Select(m => (Guid?)m.Id)
            .FirstOrDefaultAsync(ct);
        if (existing is { } id)
        {
            StatusMessage = $"Заседание {date.ToRussianDate()} (протокол № {protocol}) уже создано.";
            return RedirectToPage("./Meeting", new { id });
        }

        var meeting = ModelState.TryBuild("Input.ProtocolNumber", () => new CommissionMeeting(date, protocol, User.UserId(), region.Now));
        if (meeting is null)
        {
            await LoadAsync(ct);
            return Page();
        }

        db.CommissionMeetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        StatusMessage = $"Заседание {meeting.MeetingDate.ToRussianDate()} (протокол № {meeting.ProtocolNumber}) создано. Включите в него проверенные заявления.";
        return RedirectToPage("./Meeting", new { id = meeting.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rows = await db.CommissionMeetings.AsNoTracking()
            .OrderByDescending(m => m.MeetingDate).ThenByDescending(m => m.CreatedAt)
            .Select(m => new Row(m.Id, m.MeetingDate, m.ProtocolNumber,
                m.Items.Count, m.Items.Count(i => i.Outcome != null), m.OrderNumber, m.OrderDate))
            .ToListAsync(ct);
        if (await countedAhead.ReadAsync<int>(AheadKeys.CommissionWaiting, ct) is { } counted)
            (Waiting, WaitingCountedAt) = (counted.Value, counted.CountedAt);
        else
            Waiting = await AheadCounting.CountWaitingAsync(db, ct);
    }
}
