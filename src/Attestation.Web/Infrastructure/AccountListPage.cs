using Attestation.Web.Documents.Spreadsheets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Attestation.Web.Infrastructure;

/// <summary>
/// «Пользователи», the operator's and the municipal coordinator's: the same list and actions over the accounts of the
/// page's <see cref="Scope"/> (the view is <c>_AccountList</c>).
/// </summary>
public abstract class AccountListPage(AccountDirectory accounts, RegionTime region) : PageModel
{
    public static readonly ListWorkbook<AccountRow> Workbook = new("Пользователи", "Пользователи",
        new ListColumn<AccountRow>("Фамилия Имя Отчество", 30, r => SheetCell.Text(r.FullName)),
        new ListColumn<AccountRow>("Логин", 18, r => SheetCell.Text(r.Login)),
        new ListColumn<AccountRow>("Адрес электронной почты", 28, r => SheetCell.Text(r.Email)),
        new ListColumn<AccountRow>("Роль", 24, r => SheetCell.Text(r.Role)),
        new ListColumn<AccountRow>("Муниципалитет", 22, r => SheetCell.Text(r.Municipality ?? "—")),
        new ListColumn<AccountRow>("Место работы", 30, r => SheetCell.Text(r.Organisation ?? "—")),
        new ListColumn<AccountRow>("Последний вход", 14, r => SheetCell.Day(r.LastSignInAt?.ToRegionDay())),
        new ListColumn<AccountRow>("Состояние", 14, r => SheetCell.Centered(r.Blocked ? "заблокирована" : "активна")));

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? MunicipalityId { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerView.Parameter)]
    public int? PageNumber { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    [TempData]
    public string? ErrorMessage { get; set; }

    public PagerView? Pager { get; private set; }

    public IReadOnlyList<AccountRow> Rows { get; private set; } = [];

    /// <summary>The municipalities to filter by; empty where the scope is one municipality.</summary>
    public List<SelectListItem> Municipalities { get; protected set; } = [];

    /// <summary>Whose accounts the page lists, for the signed-in person.</summary>
    public abstract AccountScope Scope { get; }

    /// <summary>Fills <see cref="Municipalities"/> where the page offers the choice.</summary>
    protected virtual Task LoadChoicesAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Role is not null && !Scope.Roles.Contains(Role))
            return NotFound();
        await LoadChoicesAsync(ct);
        var page = await accounts.ListAsync(Scope, Q, Role, Scope.MunicipalityId is null ? MunicipalityId : null, PageNumber, ct);
        Pager = PagerView.Of(page, Request);
        Rows = page.Items;
        return Page();
    }

    /// <summary>The list as an Excel file, with the same filters and search.</summary>
    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        if (Role is not null && !Scope.Roles.Contains(Role))
            return NotFound();
        await LoadChoicesAsync(ct);
        var municipalityId = Scope.MunicipalityId is null ? MunicipalityId : null;
        var subtitle = ListFilters.Describe(Role is null ? null : Authorization.Roles.DisplayName(Role),
            Municipalities.FirstOrDefault(m => m.Selected)?.Text, ListFilters.Search(Q, "по ФИО, логину или адресу"));
        return await Workbook.DownloadAsync(this, region, subtitle, accounts.AllAsync(Scope, Q, Role, municipalityId), ct);
    }

    public Task<IActionResult> OnPostBlockAsync(Guid id, string? version, CancellationToken ct) =>
        ActAsync(id, version, AccountAction.Block, ct);

    public Task<IActionResult> OnPostUnblockAsync(Guid id, string? version, CancellationToken ct) =>
        ActAsync(id, version, AccountAction.Unblock, ct);

    public Task<IActionResult> OnPostResetAsync(Guid id, string? version, CancellationToken ct) =>
        ActAsync(id, version, AccountAction.SendPasswordLetter, ct);

    /// <summary>The action on the account as the list showed it, then back to the same list.</summary>
    private async Task<IActionResult> ActAsync(Guid id, string? version, AccountAction action, CancellationToken ct)
    {
        if (await accounts.ActAsync(Scope, id, version, action, Url, ct) is not { } outcome)
            return NotFound();
        if (outcome.Done)
            StatusMessage = outcome.Message;
        else
            ErrorMessage = outcome.Message;
        return RedirectToPage(new { q = Q, role = Role, municipalityId = MunicipalityId, p = PageNumber });
    }
}
