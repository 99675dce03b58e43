using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Web.Areas.Operator.Pages.Directories;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Documents;
using Attestation.Web.Infrastructure;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Areas.Operator.Pages.Print;

/// <summary>
/// «Печать заявлений» (seed 001: the operator «извлекает заявления педагогов из системы для печати»): the submitted
/// applications of a municipality and period (<see cref="PrintSelection"/>), counted and listed first, then downloaded as
/// one PDF with each application on pages of its own, numbered apart (<see cref="ApplicationFormsPdf"/>).
/// </summary>
public sealed class IndexModel(
    AttestationDbContext db,
    RegionTime region,
    IDocumentRenderer documents,
    IOptions<DocumentsOptions> wording,
    DirectoryNameCache directories) : PageModel
{
    /// <summary>The period choice for the applications that have none yet.</summary>
    public const string WithoutPeriod = "none";

    public const string WithoutPeriodName = "без назначенного периода";

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Municipality { get; set; }

    /// <summary>The chosen municipality as its option's value.</summary>
    public string? MunicipalityValue => Municipality is { } id ? OperatorLists.Text(id) : null;

    [TempData]
    public string? StatusMessage { get; set; }

    public List<SelectListItem> Periods { get; private set; } = [];

    public List<SelectListItem> Municipalities { get; private set; } = [];

    /// <summary>The municipality and period chosen, once both are valid.</summary>
    public Selection? Chosen { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public sealed record Selection(int MunicipalityId, string Municipality, Guid? PeriodId, string PeriodName, string PeriodKey)
    {
        /// <summary>«муниципального образования "Город Томск" за период «январь-февраль 2027»».</summary>
        public string Description => PeriodId is null
            ? $"муниципального образования \"{Municipality}\" без назначенного периода аттестации"
            : $"муниципального образования \"{Municipality}\" за период «{PeriodName}»";

        public string EmptyMessage => $"Нет поданных заявлений {Description}: печатать нечего.";
    }

    public sealed record Row(int Number, Guid Id, string FullName, string? Organisation, string? Position, string ClaimedCategory, string Status);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var periods = await LoadListsAsync(ct);
        // The first visit proposes a period; a form sent with nothing chosen is told what is missing.
        if (!Request.Query.ContainsKey("period") && !Request.Query.ContainsKey("municipality"))
        {
            Period = DefaultPeriod(periods)?.Id.ToString();
            return Page();
        }

        Chosen = await ResolveAsync(periods, ct);
        if (Chosen is null)
            return Page();

        var rows = await PrintSelection.Of(db.Applications.AsNoTracking(), Chosen.MunicipalityId, Chosen.PeriodId)
            .ToRows(db)
            .OrderBy(a => a.LastName).ThenBy(a => a.FirstName).ThenBy(a => a.MiddleName).ThenBy(a => a.Id)
            .ToListAsync(ct);
        Rows = rows.Select((a, index) => new Row(index + 1, a.Id, a.FullName,
                a.Organisation, a.Position, a.ClaimedCategory?.ToRussian() ?? "—", a.Status.ToShortRussian()))
            .ToList();
        return Page();
    }

    /// <summary>«Скачать»: one PDF, one application after another; nothing to print gives a message, never an empty file.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        var periods = await db.Periods.AsNoTracking().ToListAsync(ct);
        var chosen = await ResolveAsync(periods, ct);
        // The page itself says what is wrong with the choice, next to its list.
        if (chosen is null)
            return RedirectToPage(new { period = Period ?? "", municipality = Municipality });

        var applications = await PrintSelection.Of(db.Applications.AsNoTracking(), chosen.MunicipalityId, chosen.PeriodId)
            .Alphabetical()
            .Include(a => a.Documents)
            .AsSplitQuery()
            .ToListAsync(ct);
        if (applications.Count == 0)
        {
            StatusMessage = chosen.EmptyMessage;
            return RedirectToPage(new { period = chosen.PeriodKey, municipality = chosen.MunicipalityId });
        }

        var model = await FormsAsync(chosen, applications, ct);
        var pdf = await ApplicationFormsPdf.RenderPdfAsync(documents, model, ct);
        return this.Attachment(pdf, "application/pdf", model.FileName);
    }

    /// <summary>
    /// Each application as the teacher printed it to sign: the year and the expiry of the held category are judged on
    /// the day of its submission, not on the day the operator prints the stack.
    /// </summary>
    private async Task<ApplicationFormsModel> FormsAsync(Selection chosen, List<Application> applications, CancellationToken ct)
    {
        var names = await db.RowsOfAsync(applications, ct);
        var teachers = await db.TeacherProfilesAsync(applications.Select(a => a.TeacherId).Distinct().ToList(), ct);

        var forms = applications.Select(a => ApplicationFormModel.From(
                a,
                names[a.Id].Organisation,
                names[a.Id].Position,
                names[a.Id].Subject,
                chosen.Municipality,
                teachers.GetValueOrDefault(a.TeacherId) ?? TeacherProfile.None,
                wording.Value.CommissionAddressee,
                RegionClock.Today(a.SubmittedAt ?? region.Now, region.Zone),
                names[a.Id].PeriodStartYear))
            .ToList();
        return new ApplicationFormsModel { Municipality = chosen.Municipality, PeriodName = chosen.PeriodName, Forms = forms };
    }

    /// <summary>The server's check of both choices; a wrong one is reported next to its list.</summary>
    private async Task<Selection?> ResolveAsync(List<AttestationPeriod> periods, CancellationToken ct)
    {
        string? municipality = null;
        if (Municipality is { } id)
        {
            municipality = await db.FindMunicipalityNameAsync(id, ct);
            if (municipality is null)
                ModelState.AddModelError(nameof(Municipality), "Выберите муниципальное образование из списка.");
        }
        else if (!ModelState.TryGetValue(nameof(Municipality), out var entry) || entry.Errors.Count == 0)
        {
            // Not chosen at all; a value that is not a number already has the binder's message.
            ModelState.AddModelError(nameof(Municipality), "Выберите муниципальное образование.");
        }

        AttestationPeriod? period = null;
        if (string.IsNullOrEmpty(Period))
        {
            ModelState.AddModelError(nameof(Period), "Выберите период аттестации.");
        }
        else if (Period != WithoutPeriod)
        {
            period = Guid.TryParse(Period, out var periodId) ? periods.Find(p => p.Id == periodId) : null;
            if (period is null)
                ModelState.AddModelError(nameof(Period), "Выберите период аттестации из списка.");
        }

        if (!ModelState.IsValid || municipality is null)
            return null;
        return period is null
            ? new Selection(Municipality!.Value, municipality, null, WithoutPeriodName, WithoutPeriod)
            : new Selection(Municipality!.Value, municipality, period.Id, period.Name, period.Id.ToString());
    }

    private async Task<List<AttestationPeriod>> LoadListsAsync(CancellationToken ct)
    {
        var periods = await db.Periods.AsNoTracking().OrderBy(p => p.StartYear).ThenBy(p => p.StartMonth).ToListAsync(ct);
        Periods = periods.Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToList();
        Periods.Insert(0, new SelectListItem("Без назначенного периода аттестации (поданные и зарегистрированные)", WithoutPeriod));
        Municipalities = await directories.MunicipalityChoicesAsync(db, ct);
        return periods;
    }

    /// <summary>The period being prepared: the one whose schedule is being built, or else the next one not yet over.</summary>
    private AttestationPeriod? DefaultPeriod(List<AttestationPeriod> periods)
    {
        var today = region.Today;
        return periods.Find(p => p.EndDate >= today && p.IsOpenForScheduling(region.Now, region.Zone))
            ?? periods.Find(p => p.EndDate >= today);
    }
}
