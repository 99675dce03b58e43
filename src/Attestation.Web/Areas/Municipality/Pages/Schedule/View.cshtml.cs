using Attestation.Domain.Periods;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Documents;
using Attestation.Web.Documents.Spreadsheets;
using Attestation.Web.Documents.Templates;
using Attestation.Web.Infrastructure;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Municipality.Pages.Schedule;

/// <summary>
/// «Просмотр графика проведения аттестации»: the schedule of the coordinator's municipality for a chosen period, as it
/// stands (not approved) and as the operator approved it, each downloadable as PDF and Excel. The municipality always
/// comes from the sign-in, never from the address.
/// </summary>
public sealed class ViewModel(
    AttestationDbContext db,
    RegionTime region,
    IDocumentRenderer documents,
    ScheduleWorkbook workbook) : PageModel
{
    public const string Pdf = "pdf";
    public const string Excel = "xlsx";

    [BindProperty(SupportsGet = true)]
    public Guid? PeriodId { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<AttestationPeriod> Periods { get; private set; } = [];

    public AttestationPeriod? Period { get; private set; }

    public MunicipalScheduleModel? Schedule { get; private set; }

    /// <summary>
    /// When the operator approved the municipality's schedule for the period (with the consolidated schedule). After it
    /// the schedule changes only with the operator's consent, so the approved schedule is the schedule as it stands.
    /// </summary>
    public DateTimeOffset? ApprovedAt => Schedule?.ApprovedAt;

    public bool IsApproved => ApprovedAt is not null;

    /// <summary>Three statements: the periods, the municipality's summary for the period, its rows with their experts.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Periods = await db.Periods.AsNoTracking().OrderBy(p => p.StartYear).ThenBy(p => p.StartMonth).ToListAsync(ct);
        if (PeriodId is null)
        {
            var today = region.Today;
            PeriodId = (Periods.FirstOrDefault(p => p.EndDate >= today && p.IsOpenForScheduling(region.Now, region.Zone))
                ?? Periods.FirstOrDefault(p => p.EndDate >= today))?.Id;
        }

        Period = Periods.FirstOrDefault(p => p.Id == PeriodId);
        if (PeriodId is not null && Period is null)
            return NotFound();
        if (Period is not null)
            Schedule = await LoadAsync(Period, ct);
        return Page();
    }

    /// <summary>The schedule file: <paramref name="format"/> «pdf» or «xlsx»; the approved one only once approved.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(Guid periodId, string? format, bool approved, CancellationToken ct)
    {
        if (format is not (Pdf or Excel))
            return NotFound();
        var period = await db.Periods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == periodId, ct);
        if (period is null)
            return NotFound();
        var schedule = await LoadAsync(period, ct);
        if (approved && !schedule.Approved)
        {
            StatusMessage = $"Утверждённого графика за период «{period.Name}» пока нет: график утверждает оператор.";
            return RedirectToPage(new { periodId });
        }

        if (format == Excel)
            return this.Attachment(workbook.Write(schedule), Spreadsheet.ContentType, schedule.FileName + Spreadsheet.Extension);

        var pdf = await documents.RenderPdfAsync<MunicipalSchedule>(
            new Dictionary<string, object?> { [nameof(MunicipalSchedule.Model)] = schedule },
            PdfPageOptions.Table(schedule.Rows.Count), ct);
        return this.Attachment(pdf, "application/pdf", schedule.FileName + ".pdf");
    }

    /// <summary>The schedule as it stands, the signed-in coordinator named as the one to call.</summary>
    private Task<MunicipalScheduleModel> LoadAsync(AttestationPeriod period, CancellationToken ct) =>
        MunicipalScheduleModel.LoadAsync(db, User.OwnMunicipalityId(), period, User.UserId(), region.Zone, ct);
}
