using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Attestation.Web.Notifications;
using Attestation.Web.Notifications.Reminders;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Pages.Notifications;

/// <summary>
/// «Настройки уведомлений», whatever the role: which reminders of one's role to get, the daily digest instead of single
/// event letters (coordinators and experts), and the private calendar feed's address (made, renewed, switched off). Each
/// person reaches only his own settings; the form carries the version it was read at.
/// </summary>
[Authorize]
public sealed class SettingsModel(
    AttestationDbContext db,
    RegionTime region,
    PortalLinks links,
    IOptions<ReminderOptions> options) : PageModel
{
    public const string Conflict = "Настройки уведомлений только что изменены в другом окне: откройте страницу заново, проверьте их и сохраните.";

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>The new feed's address, shown once right after it is made: only its hash is kept.</summary>
    [TempData]
    public string? NewCalendarUrl { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<ReminderKind> Kinds { get; private set; } = [];

    public bool OffersDigest { get; private set; }

    public DateTimeOffset? CalendarIssuedAt { get; private set; }

    public TimeSpan DigestTime { get; private set; }

    /// <summary>When the daily digest is sent, as the label shows it («07:30»).</summary>
    public string DigestTimeText => DigestTime.ToString(@"hh\:mm", WebSetup.Russian);

    public sealed class InputModel
    {
        /// <summary>The reminders left on (the others of the role are switched off).</summary>
        public List<NotificationKind> Enabled { get; set; } = [];

        public bool DailyDigest { get; set; }

        /// <summary>The settings' version when the form was read; 0 while he has none saved.</summary>
        public uint Version { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var settings = await LoadAsync(ct);
        var muted = await db.ReminderOptOuts.AsNoTracking().Where(o => o.UserId == User.UserId()).Select(o => o.Kind).ToListAsync(ct);
        Input = new InputModel
        {
            Enabled = Kinds.Select(k => k.Kind).Except(muted).ToList(),
            DailyDigest = settings?.DailyDigest ?? false,
            Version = settings is null ? 0 : db.Entry(settings).Property<uint>("Version").CurrentValue,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var settings = await LoadAsync(ct);
        if (!ModelState.IsValid)
            return Page();
        var userId = User.UserId();
        var existed = settings is not null;
        var version = settings is null ? 0 : db.Entry(settings).Property<uint>("Version").CurrentValue;
        if (version != Input.Version)
        {
            ModelState.AddModelError("", Conflict);
            return Page();
        }

        settings ??= db.NotificationSettings.Add(new NotificationSettings { UserId = userId }).Entity;
        if (existed)
            db.Entry(settings).Property<uint>("Version").OriginalValue = Input.Version;
        var stoppedDigest = settings.DailyDigest && !(OffersDigest && Input.DailyDigest);
        var roleKinds = Kinds.Select(k => k.Kind).ToList();
        var muted = roleKinds.Except(Input.Enabled).ToList();
        var current = await db.ReminderOptOuts.Where(o => o.UserId == userId).ToListAsync(ct);
        var saved = await db.TrySaveAsync(() =>
        {
            settings.DailyDigest = OffersDigest && Input.DailyDigest;
            settings.UpdatedAt = region.Now;
            db.ReminderOptOuts.RemoveRange(current.Where(o => !muted.Contains(o.Kind)));
            db.ReminderOptOuts.AddRange(muted.Where(k => current.All(o => o.Kind != k))
                .Select(k => new ReminderOptOut { UserId = userId, Kind = k }));
        }, ct, Conflict, duplicate: Conflict);
        if (saved.ReportTo(ModelState))
            return Page();

        if (stoppedDigest)
        {
            // Letters held for a digest he no longer wants go now, one by one.
            var now = region.Now;
            await db.OutboxMessages.Where(m => m.UserId == userId && m.Status == OutboxStatus.Held)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Waiting).SetProperty(m => m.NextAttemptAt, now), ct);
        }
        StatusMessage = "Настройки уведомлений сохранены.";
        return RedirectToPage();
    }

    /// <summary>«Получить ссылку» / «Получить новую ссылку»: a new secret; the previous address stops working at once.</summary>
    public async Task<IActionResult> OnPostRenewCalendarAsync(CancellationToken ct)
    {
        var token = CalendarTokens.NewToken();
        var renewed = false;
        var saved = await SaveSettingsAsync(settings =>
        {
            renewed = settings.CalendarTokenHash is not null;
            settings.CalendarTokenHash = CalendarTokens.Hash(token);
            settings.CalendarTokenIssuedAt = region.Now;
        }, ct);
        if (saved.Refusal is { } refusal)
        {
            this.Refuse(refusal);
            return RedirectToPage();
        }
        NewCalendarUrl = links.Absolute(CalendarTokens.PathOf(token));
        StatusMessage = renewed
            ? "Создана новая ссылка на календарь; прежняя ссылка больше не работает."
            : "Создана ссылка на календарь.";
        return RedirectToPage();
    }

    /// <summary>«Отключить календарь»: the address stops working; a new one can be made later.</summary>
    public async Task<IActionResult> OnPostRevokeCalendarAsync(CancellationToken ct)
    {
        var saved = await SaveSettingsAsync(settings =>
        {
            settings.CalendarTokenHash = null;
            settings.CalendarTokenIssuedAt = null;
        }, ct);
        if (saved.Refusal is { } refusal)
            this.Refuse(refusal);
        else
            StatusMessage = "Календарь отключён: ссылка больше не работает.";
        return RedirectToPage();
    }

    private async Task<SaveResult> SaveSettingsAsync(Action<NotificationSettings> change, CancellationToken ct)
    {
        var settings = await LoadAsync(ct)
            ?? db.NotificationSettings.Add(new NotificationSettings { UserId = User.UserId() }).Entity;
        return await db.TrySaveAsync(() =>
        {
            change(settings);
            settings.UpdatedAt = region.Now;
        }, ct, Conflict, duplicate: Conflict);
    }

    /// <summary>His settings (null while none are saved), and what his role is offered.</summary>
    private async Task<NotificationSettings?> LoadAsync(CancellationToken ct)
    {
        var role = Roles.All.FirstOrDefault(User.IsInRole);
        Kinds = ReminderKinds.For(role);
        OffersDigest = DailyDigests.Offers(role);
        DigestTime = options.Value.DigestTime;
        var userId = User.UserId();
        // Tracked: its version (xmin) is read from the entry.
        var settings = await db.NotificationSettings.SingleOrDefaultAsync(s => s.UserId == userId, ct);
        CalendarIssuedAt = settings?.CalendarTokenHash is null ? null : settings.CalendarTokenIssuedAt;
        return settings;
    }
}
