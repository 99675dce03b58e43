using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Attestation.Web.Infrastructure;

/// <summary>
/// «Пользователи», the operator's and the municipal coordinator's: the same list and actions over the accounts of the
/// page's <see cref="Scope"/> (the view is <c>_AccountList</c>).
/// </summary>
public abstract class AccountListPage(AccountDirectory accounts) : PageModel
{
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
