using Attestation.Domain.Periods;
using Attestation.Web.Data;
using Attestation.Web.Documents;
using Attestation.Web.Documents.Spreadsheets;
using Attestation.Web.Documents.Templates;
using Attestation.Web.Infrastructure;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Pages.Schedules;

/// <summary>
/// The approved schedule of one municipality for one period, for everyone, with PDF and Excel. Only a schedule the
/// operator approved is shown; until then the page says so. The schedule's layout has no teacher's contact data (no
/// phone, no e-mail, SPEC §6): what the public reads is the layout of MunicipalScheduleModel, nothing added.
/// </summary>
[AllowAnonymous]
public sealed class ViewModel(AttestationDbContext db, RegionTime region, IDocumentRenderer documents, ScheduleWorkbook workbook)
    : PageModel
{
    public const string Pdf = "pdf";
    public const string Excel = "xlsx";

    [BindProperty(SupportsGet = true)]
    public Guid? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Municipality { get; set; }

    public IReadOnlyList<AttestationPeriod> Periods { get; private set; } = [];

    public List<SelectListItem> Municipalities { get; private set; } = [];

    public AttestationPeriod ChosenPeriod { get; private set; } = null!;

    public string MunicipalityName { get; private set; } = "";

    public ScheduleApproval? Approval { get; private set; }

    /// <summary>Loaded only once approved.</summary>
    public MunicipalScheduleModel? Schedule { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Period is null || Municipality is null)
            return RedirectToPage("./Index", new { period = Period });
        if (!await ChooseAsync(Period.Value, Municipality.Value, ct))
            return NotFound();

        Periods = await db.Periods.AsNoTracking().OrderBy(p => p.StartYear).ThenBy(p => p.StartMonth).ToListAsync(ct);
        Municipalities = await db.MunicipalityOptionsAsync(ct);
        if (!Municipalities.Exists(m => m.Value == MunicipalityValue))
            Municipalities.Add(new SelectListItem(MunicipalityName, MunicipalityValue));
        if (Approval is not null)
            Schedule = await LoadAsync(ct);
        return Page();
    }

    /// <summary>The approved schedule as a file: <paramref name="format"/> «pdf» or «xlsx»; nothing before approval.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string? format, CancellationToken ct)
    {
        if (format is not (Pdf or Excel) || Period is null || Municipality is null
            || !await ChooseAsync(Period.Value, Municipality.Value, ct) || Approval is null)
            return NotFound();

        var schedule = await LoadAsync(ct);
        if (format == Excel)
            return this.Attachment(workbook.Write(schedule), Spreadsheet.ContentType, schedule.FileName + Spreadsheet.Extension);
        var pdf = await documents.RenderPdfAsync<MunicipalSchedule>(
            new Dictionary<string, object?> { [nameof(MunicipalSchedule.Model)] = schedule },
            PdfPageOptions.Table(schedule.Rows.Count), ct);
        return this.Attachment(pdf, "application/pdf", schedule.FileName + ".pdf");
    }

    public string MunicipalityValue => Municipality?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private async Task<bool> ChooseAsync(Guid periodId, int municipalityId, CancellationToken ct)
    {
        var period = await db.Periods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == periodId, ct);
        var municipality = await db.FindMunicipalityNameAsync(municipalityId, ct);
        if (period is null || municipality is null)
            return false;
        (ChosenPeriod, MunicipalityName) = (period, municipality);
        Approval = await db.ApprovalAsync(periodId, municipalityId, ct);
        return true;
    }

    private async Task<MunicipalScheduleModel> LoadAsync(CancellationToken ct)
    {
        // Of several coordinators, one who gave a work phone: the line is there to be called.
        return await MunicipalScheduleModel.LoadAsync(db, Municipality!.Value, ChosenPeriod, preferredCoordinator: null, region.Zone, ct);
    }
}
