using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Mail;

/// <summary>
/// «Очередь писем»: every letter the portal has queued — waiting (with the attempts so far and the server's last
/// answer), sent, not sent — a page at a time, the latest first, with search by address; «Отправить повторно» puts a
/// letter given up back into the queue. Nobody has to guess whether a letter went.
/// </summary>
public sealed class IndexModel(AttestationDbContext db, RegionTime region) : PageModel
{
    /// <summary>The shortest search the trigram index of addresses serves.</summary>
    public const int MinSearchLength = 3;

    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty(SupportsGet = true)]
    public OutboxStatus Show { get; set; } = OutboxStatus.Failed;

    /// <summary>A part of the address: «ivanova», «@school.ru».</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerView.Parameter)]
    public int? PageNumber { get; set; }

    public IReadOnlyDictionary<OutboxStatus, int> Counts { get; private set; } = new Dictionary<OutboxStatus, int>();

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public PagerView? Pager { get; private set; }

    public string? SearchProblem { get; private set; }

    public sealed record Row(long Id, uint Version, LetterKind Kind, string To, string Subject, DateTimeOffset QueuedAt,
        int Attempts, DateTimeOffset? LastAttemptAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError,
        bool CanRetry);

    public static string Title(OutboxStatus status) => status switch
    {
        OutboxStatus.Waiting => "В очереди",
        OutboxStatus.Sent => "Отправлены",
        OutboxStatus.Held => "Ждут сводки",
        OutboxStatus.Digested => "В сводке",
        _ => "Не отправлены",
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        var letters = db.OutboxMessages.AsNoTracking();
        var search = Q?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            if (search.Length < MinSearchLength)
                SearchProblem = $"Введите не меньше {MinSearchLength} символов адреса.";
            else
                letters = letters.Where(m => EF.Functions.ILike(m.To, "%" + LikePattern.Escape(search) + "%", "\\"));
        }

        var counts = await letters.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Counts = Enum.GetValues<OutboxStatus>().ToDictionary(s => s, s => counts.SingleOrDefault(c => c.Key == s)?.Count ?? 0);

        var paged = await letters.Where(m => m.Status == Show).OrderByDescending(m => m.Id)
            .Select(m => new Row(m.Id, EF.Property<uint>(m, "Version"), m.Kind, m.To, m.Subject, m.QueuedAt, m.Attempts,
                m.LastAttemptAt, m.NextAttemptAt, m.SentAt, m.LastError, m.Status == OutboxStatus.Failed))
            .ToPagedAsync(PageNumber, Counts[Show], ct);
        Pager = PagerView.Of(paged, Request);
        Rows = paged.Items;
    }

    /// <summary>«Отправить повторно»: the form carries the letter's version, so a second press (or a press on a letter
    /// another operator has just put back) changes nothing and says why.</summary>
    public async Task<IActionResult> OnPostRetryAsync(long id, uint version, CancellationToken ct)
    {
        var letter = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (letter is null)
            return NotFound();

        db.Entry(letter).Property<uint>("Version").OriginalValue = version;
        var saved = await db.TrySaveAsync(() => letter.Retry(region.Now), ct,
            $"Письмо на адрес {letter.To} только что изменилось (его отправил повторно другой пользователь или отправитель). Проверьте его состояние.");
        if (saved.Refusal is { } refusal)
            this.Refuse(refusal);
        else
            StatusMessage = $"Письмо «{letter.Subject}» на адрес {letter.To} снова в очереди и будет отправлено в ближайшие минуты.";
        return RedirectToPage(new { show = Show, q = Q });
    }
}
