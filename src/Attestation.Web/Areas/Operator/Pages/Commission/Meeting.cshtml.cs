using System.ComponentModel.DataAnnotations;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Commission;
using Attestation.Web.Areas.Operator.Pages.Directories;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Documents;
using Attestation.Web.Documents.Spreadsheets;
using Attestation.Web.Documents.Templates;
using Attestation.Web.Infrastructure;
using Attestation.Web.Notifications;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Commission;

/// <summary>
/// One meeting of the attestation commission: its list of attestees grouped by the claimed category (downloadable as
/// PDF and Excel), verified applications put on it or taken off it, the decision on each («установить» / «отказать»),
/// and then the order («распоряжение») that completes the decided applications and records the established
/// categories in the teachers' profiles.
/// </summary>
public sealed class MeetingModel(
    AttestationDbContext db,
    RegionTime region,
    IDocumentRenderer documents,
    CommissionListWorkbook workbook,
    ApplicationEmails emails,
    CountedAheadStore countedAhead,
    DirectoryNameCache directories) : PageModel
{
    public const string Pdf = "pdf";
    public const string Excel = "xlsx";

    /// <summary>More candidates than anyone reads on one page: the filters narrow the list first.</summary>
    public const int MaxCandidates = 300;

    private const string Changed = "Заседание или заявление только что изменил другой пользователь. Проверьте список и повторите действие.";

    [BindProperty(SupportsGet = true)]
    public int? MunicipalityId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? PeriodId { get; set; }

    /// <summary>A part of the teacher's full name among the applications to include («ё» as «е», any case).</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>The applications ticked in «Включить в заседание».</summary>
    [BindProperty]
    public List<Guid> Selected { get; set; } = [];

    [BindProperty]
    public OrderInput Order { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public CommissionListModel Attestees { get; private set; } = null!;

    public bool HasOrder => Attestees.OrderNumber is not null;

    /// <summary>Undecided applications that both the experts and the coordinator found «соответствует».</summary>
    public int RecommendedUndecided => Attestees.Groups.Sum(g => g.Rows.Count(r => r.Recommended && r.Outcome is null));

    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];

    public int CandidatesTotal { get; private set; }

    public List<SelectListItem> Municipalities { get; private set; } = [];

    public List<SelectListItem> Periods { get; private set; } = [];

    public sealed record Candidate(
        Guid Id,
        string FullName,
        string Municipality,
        string Organisation,
        string Position,
        string ClaimedCategory,
        string? Period,
        string Recommendation,
        string CoordinatorMark);

    public sealed class OrderInput
    {
        [Required(ErrorMessage = "Укажите номер распоряжения.")]
        [StringLength(CommissionMeeting.OrderNumberMaxLength, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Номер распоряжения")]
        public string? Number { get; set; }

        [Required(ErrorMessage = "Укажите дату распоряжения.")]
        [Display(Name = "Дата распоряжения")]
        public string? Date { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>«Список аттестуемых на заседание аттестационной комиссии»: <paramref name="format"/> «pdf» or «xlsx».</summary>
    public async Task<IActionResult> OnGetListAsync(Guid id, string? format, CancellationToken ct)
    {
        if (format is not (Pdf or Excel))
            return NotFound();
        var list = await CommissionListModel.LoadAsync(db, id, ct);
        if (list is null)
            return NotFound();
        if (format == Excel)
            return this.Attachment(workbook.Write(list), Spreadsheet.ContentType, list.FileName + Spreadsheet.Extension);

        var pdf = await documents.RenderPdfAsync<CommissionList>(
            new Dictionary<string, object?> { [nameof(CommissionList.Model)] = list },
            PdfPageOptions.Table(list.Count), ct);
        return this.Attachment(pdf, "application/pdf", list.FileName + ".pdf");
    }

    /// <summary>
    /// «Включить в заседание»: the ticked applications that are still verified and on no meeting's list; one added by
    /// someone else meanwhile is skipped and said so.
    /// </summary>
    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var ids = Selected.Distinct().ToList();
        if (ids.Count == 0)
            return await PageWithErrorAsync(id, "Отметьте заявления, которые нужно включить в заседание.", ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await CommissionLock.AcquireAsync(db, ct);
        var meeting = await MeetingAsync(id, ct);
        if (meeting is null)
            return NotFound();

        var applications = await MeetingQueries.WaitingForMeeting(db).Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        // The count of those waiting, kept ahead, is wrong from this save on: «Заседания» counts for itself until recounted.
        await countedAhead.ForgetAsync(AheadKeys.CommissionWaiting, ct);
        if (SafeSave.RefusalOf(() =>
            {
                foreach (var application in applications)
                    meeting.Add(application);
            }) is { } refusal)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await PageWithErrorAsync(id, refusal, ct);
        }

        // Each teacher learns the date of the meeting with the same save.
        var teachers = await db.RecipientsAsync(applications.Select(a => a.TeacherId).Distinct().ToList(), ct);
        foreach (var application in applications)
        {
            if (teachers.TryGetValue(application.TeacherId, out var teacher))
                emails.QueueMeetingSet(teacher, meeting.MeetingDate, application.Id);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        var skipped = ids.Count - applications.Count;
        StatusMessage = $"Включено в заседание заявлений: {applications.Count}."
            + (skipped > 0 ? $" Не включено: {skipped} — заявление уже в другом заседании или больше не в статусе «Проверено»." : "");
        return RedirectToPage(new { id, MunicipalityId, PeriodId });
    }

    /// <summary>«Исключить из заседания»: only while the commission has not decided on it.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid applicationId, CancellationToken ct)
    {
        ModelState.Clear();
        var meeting = await MeetingAsync(id, ct);
        if (meeting is null)
            return NotFound();
        var name = (await db.Applications.AsNoTracking().Where(a => a.Id == applicationId).ToRows(db).FirstOrDefaultAsync(ct))?.FullName;
        await countedAhead.ForgetAsync(AheadKeys.CommissionWaiting, ct);
        return await SaveAsync(id, () => meeting.Remove(applicationId), $"{name}: заявление исключено из заседания.", ct);
    }

    /// <summary>«Установить» or «Отказать» for one application on the list.</summary>
    public async Task<IActionResult> OnPostDecideAsync(Guid id, Guid applicationId, DecisionOutcome? outcome, CancellationToken ct)
    {
        ModelState.Clear();
        if (outcome is not { } decided || !Enum.IsDefined(decided))
            return BadRequest();
        var meeting = await MeetingAsync(id, ct);
        if (meeting is null)
            return NotFound();
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        if (application is null || meeting.Items.All(i => i.ApplicationId != applicationId))
            return NotFound();

        var actor = new Actor(User.UserId(), Roles.Operator);
        return await SaveAsync(id, () => meeting.Decide(application, decided, actor, region.Now, region.Zone),
            $"{application.FullName}: {CommissionListModel.DecisionText(application.ClaimedCategory, decided)}.", ct);
    }

    /// <summary>
    /// «Установить всем, кому рекомендовано»: every undecided application on the list that the experts and the
    /// coordinator found «соответствует»; the others wait for a decision one by one.
    /// </summary>
    public async Task<IActionResult> OnPostDecideRecommendedAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var list = await CommissionListModel.LoadAsync(db, id, ct);
        var meeting = await MeetingAsync(id, ct);
        if (list is null || meeting is null)
            return NotFound();

        var ids = list.Groups.SelectMany(g => g.Rows).Where(r => r.Recommended && r.Outcome is null).Select(r => r.ApplicationId).ToList();
        if (ids.Count == 0)
            return await PageWithErrorAsync(id, "Нет заявлений без решения, по которым рекомендовано установить категорию.", ct);

        var applications = await db.Applications.Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        var actor = new Actor(User.UserId(), Roles.Operator);
        var now = region.Now;
        var refused = new List<string>();
        foreach (var application in applications)
        {
            if (SafeSave.RefusalOf(() => meeting.Decide(application, DecisionOutcome.Established, actor, now, region.Zone)) is { } refusal)
                refused.Add($"{application.FullName}: {refusal}");
        }

        var established = applications.Count - refused.Count;
        return await SaveAsync(id, () => { },
            $"Решение «установить» записано по заявлениям: {established}."
                + (refused.Count > 0 ? $" Не записано: {string.Join("; ", refused)}" : ""),
            ct);
    }

    /// <summary>
    /// The order: recorded on the meeting and on each decided application, and each «установить» adds the category to
    /// the teacher's profile (no expiry). One transaction; a second submit of the same order changes nothing.
    /// </summary>
    public async Task<IActionResult> OnPostOrderAsync(Guid id, CancellationToken ct)
    {
        var date = default(DateOnly);
        if (!string.IsNullOrWhiteSpace(Order.Date) && !DateInput.TryParse(Order.Date, out date))
            ModelState.AddModelError("Order.Date", DateInput.Invalid);
        if (!ModelState.IsValid)
            return await LoadAsync(id, ct) ? Page() : NotFound();

        var number = Order.Number!.Trim();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // A double submit waits here for the first, then finds the order recorded.
        await CommissionLock.AcquireAsync(db, ct);
        var meeting = await MeetingAsync(id, ct);
        if (meeting is null)
            return NotFound();
        if (meeting.HasOrder)
            return AlreadyRecorded(id, meeting, number, date);
        if (meeting.Items.Count == 0)
            return await PageWithErrorAsync(id, "В заседание не включено ни одного заявления: записывать распоряжение не о чем.", ct);

        var actor = new Actor(User.UserId(), Roles.Operator);
        var now = region.Now;
        var applicationIds = meeting.Items.Select(i => i.ApplicationId).ToList();
        var applications = await db.Applications.Where(a => applicationIds.Contains(a.Id)).ToListAsync(ct);
        var names = await db.RowsOfAsync(applications, ct);
        var teacherIds = applications.Select(a => a.TeacherId).Distinct().ToList();
        var held = await db.HeldCategories.Where(c => teacherIds.Contains(c.TeacherId)).ToListAsync(ct);
        var refused = SafeSave.RefusalOf(() =>
        {
            meeting.RecordOrder(number, date, region.Today);
            foreach (var application in applications)
            {
                application.RecordOrder(number, date, actor, now);
                if (application.Decision!.Outcome != DecisionOutcome.Established)
                    continue;

                var category = application.CreateEstablishedCategory(names[application.Id].Position);
                // The teacher may have typed the new category into his profile before the order was recorded here.
                var typed = held.Find(c => c.TeacherId == category.TeacherId && c.Category == category.Category && c.SetOn == category.SetOn);
                if (typed is null)
                    db.HeldCategories.Add(category);
                else
                    typed.RecordDecision(number, date);
            }
        });
        if (refused is not null)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, refused);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        // The letters are saved with the order, in its transaction.
        var notSent = await QueueDecisionsAsync(applications, ct);
        var saved = await db.TrySaveAsync(_ => Task.CompletedTask, ct, Changed);
        if (!saved.Succeeded)
        {
            // A double submit: the other request recorded the order first.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var current = await MeetingAsync(id, ct);
            if (current is { HasOrder: true })
                return AlreadyRecorded(id, current, number, date);
            return await PageWithErrorAsync(id, saved.Refusal!, ct);
        }

        await transaction.CommitAsync(ct);
        var established = applications.Count(a => a.Decision!.Outcome == DecisionOutcome.Established);
        StatusMessage = $"Распоряжение № {meeting.OrderNumber} от {date.ToRussianDate()} записано по заявлениям: {applications.Count}; "
            + $"категория установлена и добавлена в профиль педагога: {established}. "
            + (notSent == 0 ? "Педагогам отправлены письма с решением." : $"Письмо с решением не отправлено педагогам без адреса электронной почты: {notSent}.");
        return RedirectToPage(new { id });
    }

    /// <summary>Each teacher gets the decision and the order by mail, queued with the order; returns how many have no
    /// address to write to.</summary>
    private async Task<int> QueueDecisionsAsync(IReadOnlyList<Application> applications, CancellationToken ct)
    {
        var recipients = await db.RecipientsAsync(applications.Select(a => a.TeacherId).Distinct().ToList(), ct);
        var failed = 0;
        foreach (var application in applications)
        {
            var sent = recipients.TryGetValue(application.TeacherId, out var teacher)
                && emails.QueueDecision(teacher, application.ClaimedCategory!.Value, application.Decision!, application.Id);
            if (!sent)
                failed++;
        }

        return failed;
    }

    private RedirectToPageResult AlreadyRecorded(Guid id, CommissionMeeting meeting, string number, DateOnly date)
    {
        StatusMessage = meeting.OrderNumber == number && meeting.OrderDate == date
            ? $"Распоряжение № {meeting.OrderNumber} от {meeting.OrderDate?.ToRussianDate()} уже записано."
            : $"По заседанию уже записано распоряжение № {meeting.OrderNumber} от {meeting.OrderDate?.ToRussianDate()}; распоряжение № {number} не записано.";
        return RedirectToPage(new { id });
    }

    private Task<CommissionMeeting?> MeetingAsync(Guid id, CancellationToken ct) =>
        db.CommissionMeetings.Include(m => m.Items).SingleOrDefaultAsync(m => m.Id == id, ct);

    /// <summary>Applies <paramref name="change"/> and saves; a refusal or a concurrent change is shown on the page.</summary>
    private async Task<IActionResult> SaveAsync(Guid id, Action change, string message, CancellationToken ct)
    {
        var saved = await db.TrySaveAsync(change, ct, Changed);
        if (saved.Refusal is { } refusal)
        {
            db.ChangeTracker.Clear();
            return await PageWithErrorAsync(id, refusal, ct);
        }

        StatusMessage = message;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> PageWithErrorAsync(Guid id, string error, CancellationToken ct)
    {
        ModelState.AddModelError(string.Empty, error);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var list = await CommissionListModel.LoadAsync(db, id, ct);
        if (list is null)
            return false;
        Attestees = list;
        if (HasOrder)
            return true;

        Municipalities = (await directories.MunicipalityChoicesAsync(db, ct)).Choosing(MunicipalityId);
        Periods = (await db.Periods.AsNoTracking()
                .OrderByDescending(p => p.StartYear).ThenByDescending(p => p.StartMonth)
                .ToListAsync(ct))
            .Select(p => new SelectListItem(p.Name, p.Id.ToString()))
            .ToList()
            .Choosing(PeriodId);

        var query = MeetingQueries.WaitingForMeeting(db).WhoseNameContains(Search);
        if (MunicipalityId is { } municipalityId)
            query = query.Where(a => a.MunicipalityId == municipalityId);
        if (PeriodId is { } periodId)
            query = query.Where(a => a.PeriodId == periodId);
        CandidatesTotal = await query.CountAsync(ct);
        var candidates = await query
            .OrderBy(a => a.VerifiedAt)
            .Take(MaxCandidates)
            .ToRows(db)
            .ToListAsync(ct);
        Candidates = candidates
            .Select(a => new Candidate(
                a.Id,
                a.FullName,
                a.Municipality,
                a.Organisation,
                a.PositionWithSubject,
                a.ClaimedCategory?.ToRussian() ?? "—",
                a.PeriodName,
                a.Conclusion?.Recommendation.ToRussian() ?? (a.Simplified ? "упрощенная форма" : "—"),
                a.CoordinatorMark?.ToRussian() ?? "—"))
            .OrderBy(c => c.Municipality, Alphabet.Russian)
            .ThenBy(c => c.FullName, Alphabet.Russian)
            .ToList();
        return true;
    }
}
