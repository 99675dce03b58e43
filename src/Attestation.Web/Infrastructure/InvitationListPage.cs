using Attestation.Web.Data;
using Attestation.Web.Documents.Spreadsheets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Infrastructure;

/// <summary>
/// «Список пользователей зарегистрированных по приглашению», the operator's and the municipal coordinator's: the
/// invitations of the page's <see cref="Scope"/>, searched by the address or the registered person's name, a page at a
/// time, and the whole list as an Excel file (the view is <c>_InvitationList</c>).
/// </summary>
public abstract class InvitationListPage(AttestationDbContext db, RegionTime region) : PageModel
{
    public static readonly ListWorkbook<InvitationRow> Workbook = new("Приглашения", "Пользователи, зарегистрированные по приглашению",
        new ListColumn<InvitationRow>("Имя пользователя", 18, r => SheetCell.Text(r.Login ?? "—")),
        new ListColumn<InvitationRow>("Адрес электронной почты", 28, r => SheetCell.Text(r.Email)),
        new ListColumn<InvitationRow>("Фамилия Имя Отчество", 30, r => SheetCell.Text(r.FullName)),
        new ListColumn<InvitationRow>("Роль пользователя", 30, r => SheetCell.Text(r.Organisation is null ? r.Role : $"{r.Role}, {r.Organisation}")),
        new ListColumn<InvitationRow>("Муниципалитет", 22, r => SheetCell.Text(r.Municipality)),
        new ListColumn<InvitationRow>("Приглашение отправлено", 14, r => SheetCell.Day(r.InvitedAt.ToRegionDay())),
        new ListColumn<InvitationRow>("Состояние", 24, r => SheetCell.Text(r.StateText)),
        new ListColumn<InvitationRow>("Зарегистрирован", 14, r => SheetCell.Day(r.AcceptedAt?.ToRegionDay())));

    /// <summary>A part of the address or of the registered person's full name.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerView.Parameter)]
    public int? PageNumber { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<InvitationRow> Invitations { get; private set; } = [];

    public PagerView? Pager { get; private set; }

    /// <summary>The invitations the signed-in person may see, of <paramref name="data"/>.</summary>
    protected abstract IQueryable<Invitation> ScopeOf(AttestationDbContext data);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var page = await db.Lines(ScopeOf(db), Search).PageAsync(PageNumber, region.Now, ct);
        Pager = PagerView.Of(page, Request);
        Invitations = page.Items;
    }

    public Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        var now = region.Now;
        var rows = db.Lines(ScopeOf(db), Search).AsAsyncEnumerable().Select(l => l.ToRow(now));
        return Workbook.DownloadAsync(this, region, ListFilters.Search(Search, "по ФИО или адресу"), rows, ct);
    }
}
