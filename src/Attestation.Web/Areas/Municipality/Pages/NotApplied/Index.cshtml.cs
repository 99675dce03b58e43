using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Documents.Spreadsheets;
using Attestation.Web.Infrastructure;
using Attestation.Web.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Municipality.Pages.NotApplied;

/// <summary>
/// «Педагогические работники не подавшие заявление»: teachers of the municipality registered in the portal who never
/// submitted an application (some have a draft), searched by a part of the name a page at a time, as an Excel file, and
/// «Отправить уведомление» to one, to those chosen (after a page that lists them) or to all — at most one reminder a
/// teacher a day, whoever presses the button and however often.
/// </summary>
public sealed class IndexModel(
    AttestationDbContext db,
    ApplicationEmails emails,
    RegionTime region) : PageModel
{
    public static readonly ListWorkbook<Row> Workbook = new("Не подавшие заявление", "Педагогические работники, не подавшие заявление",
        new ListColumn<Row>("Фамилия Имя Отчество", 30, t => SheetCell.Text(t.FullName)),
        new ListColumn<Row>("Место работы (образовательная организация)", 36, t => SheetCell.Text(t.Organisation ?? "—")),
        new ListColumn<Row>("Номер телефона (сотовый)", 18, t => SheetCell.Text(t.Phone ?? "—")),
        new ListColumn<Row>("Адрес электронной почты", 28, t => SheetCell.Text(t.Email ?? "—")),
        new ListColumn<Row>("Зарегистрировался", 14, t => SheetCell.Day(t.RegisteredAt.ToRegionDay())),
        new ListColumn<Row>("Сформировал заявление", 14, t => SheetCell.Centered(t.HasDraft ? "да (черновик)" : "нет")),
        new ListColumn<Row>("Последнее уведомление", 14, t => SheetCell.Day(t.LastReminderAt?.ToRegionDay())));

    /// <summary>A part of the teacher's full name («ё» as «е», any case).</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerView.Parameter)]
    public int? PageNumber { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<Row> Teachers { get; private set; } = [];

    public PagerView? Pager { get; private set; }

    /// <summary>The teachers chosen for «Отправить уведомление выбранным», shown for confirmation; null otherwise.</summary>
    public IReadOnlyList<Row>? Chosen { get; private set; }

    public sealed record Row(PersonRow Person, bool HasDraft, DateTimeOffset? LastReminderAt, bool RemindedToday)
    {
        public Guid Id => Person.Id;

        public string FullName => Person.FullName;

        public string? Organisation => Person.Organisation;

        public string? Phone => Person.Phone;

        public string? Email => Person.Email;

        public DateTimeOffset RegisteredAt => Person.CreatedAt;
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var page = await Rows(Search).ToPagedAsync(PageNumber, ct);
        Pager = PagerView.Of(page, Request);
        Teachers = page.Items;
    }

    public Task<IActionResult> OnGetExcelAsync(CancellationToken ct) =>
        Workbook.DownloadAsync(this, region, ListFilters.Search(Search), Rows(Search).AsAsyncEnumerable(), ct);

    public async Task<IActionResult> OnPostSendAsync(Guid id, CancellationToken ct)
    {
        var teacher = await Rows(null, [id]).SingleOrDefaultAsync(ct);
        if (teacher is null)
            return NotFound();

        var outcome = await RemindAsync([teacher], ct);
        if (outcome.Sent == 1)
            StatusMessage = $"Уведомление отправлено: {teacher.FullName} ({teacher.Email}).";
        else if (outcome.AlreadyToday == 1)
            this.Refuse($"{teacher.FullName}: уведомление сегодня уже отправлено, повторно его можно отправить завтра.");
        else
            this.Refuse($"{teacher.FullName}: не указан адрес электронной почты, уведомление не отправлено.");
        return RedirectToPage(new { q = Search, p = PageNumber });
    }

    /// <summary>«Отправить уведомление выбранным»: first the page lists whom the letter goes to, nothing is sent yet.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            this.Refuse("Отметьте педагогических работников, которым нужно отправить уведомление.");
            return RedirectToPage(new { q = Search, p = PageNumber });
        }
        Chosen = await ChosenAsync(ids, ct);
        await OnGetAsync(ct);
        return Page();
    }

    /// <summary>The letters to the teachers confirmed: again at most one a teacher a day, so a resent form sends none.</summary>
    public async Task<IActionResult> OnPostSendChosenAsync(List<Guid> ids, CancellationToken ct)
    {
        StatusMessage = Summary(await RemindAsync(await ChosenAsync(ids, ct), ct));
        return RedirectToPage(new { q = Search, p = PageNumber });
    }

    public async Task<IActionResult> OnPostSendAllAsync(CancellationToken ct)
    {
        StatusMessage = Summary(await RemindAsync(await Rows(null).ToListAsync(ct), ct));
        return RedirectToPage();
    }

    private static string Summary(Outcome outcome)
    {
        var message = $"Уведомлений отправлено: {outcome.Sent}.";
        if (outcome.AlreadyToday > 0)
            message += $" Пропущено, так как уведомление сегодня уже отправлялось: {outcome.AlreadyToday}.";
        if (outcome.NoEmail > 0)
            message += $" Без адреса электронной почты: {outcome.NoEmail}.";
        return message;
    }

    /// <summary>Of the ids posted, the teachers of this list (another municipality's or one who has applied since drop out).</summary>
    private async Task<IReadOnlyList<Row>> ChosenAsync(List<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().Take(Paging.DefaultPageSize * 4).ToList();
        return await Rows(null, wanted).ToListAsync(ct);
    }

    private sealed record Outcome(int Sent, int AlreadyToday, int NoEmail);

    private async Task<Outcome> RemindAsync(IReadOnlyList<Row> teachers, CancellationToken ct)
    {
        var today = region.Today;
        var now = region.Now;
        var by = User.UserId();
        var kind = nameof(NotificationKind.SubmissionReminder);
        var coordinator = await db.CoordinatorContactAsync(by, ct);
        int sent = 0, alreadyToday = 0, noEmail = 0;

        foreach (var teacher in teachers)
        {
            if (string.IsNullOrWhiteSpace(teacher.Email))
            {
                noEmail++;
                continue;
            }

            // The unique key claims today's reminder, in the transaction that queues it: a second press, or a
            // colleague's at the same moment, finds the row taken and queues nothing.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "NotificationLogs" ("UserId", "Kind", "SentOn", "SentAt", "SentBy")
                VALUES ({teacher.Id}, {kind}, {today}, {now}, {by})
                ON CONFLICT ("UserId", "Kind", "SentOn") DO NOTHING
                """, ct);
            if (claimed == 0)
            {
                alreadyToday++;
                continue;
            }

            emails.QueueSubmissionReminder(new Recipient(teacher.Id, teacher.Email, teacher.FullName), coordinator);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            sent++;
        }
        return new Outcome(sent, alreadyToday, noEmail);
    }

    /// <summary>
    /// Teachers of the coordinator's municipality without a submitted application, by name, as rows (not yet read); of
    /// them, <paramref name="only"/> these when given.
    /// </summary>
    private IQueryable<Row> Rows(string? search, IReadOnlyCollection<Guid>? only = null)
    {
        var today = region.Today;
        // The role by its fixed id, on the account (AccountRoles).
        var teachers = db.UsersInRole(Roles.Teacher).AsNoTracking().InMunicipalityOf(User)
            // Never submitted: the account's flag (SubmittedTeachers), the municipality's few such people read from
            // their partial index, where each of its 1,500 was looked up among the applications and the roles.
            .Where(u => !u.HasSubmittedApplication)
            .WhoseNameContains(search);
        if (only is not null)
            teachers = teachers.Where(u => only.Contains(u.Id));
        return
            from p in teachers.ToPeople(db)
            orderby p.LastName, p.FirstName, p.MiddleName, p.Id
            select new Row(
                p,
                db.Applications.Any(a => a.TeacherId == p.Id),
                // Two lookups in the (user, kind, day) key per teacher: a «latest reminder» row would be a window
                // over every reminder of the region (52 ms for a page of 48 teachers).
                db.NotificationLogs
                    .Where(n => n.UserId == p.Id && n.Kind == NotificationKind.SubmissionReminder)
                    .Max(n => (DateTimeOffset?)n.SentAt),
                db.NotificationLogs
                    .Any(n => n.UserId == p.Id && n.Kind == NotificationKind.SubmissionReminder && n.SentOn == today));
    }
}
