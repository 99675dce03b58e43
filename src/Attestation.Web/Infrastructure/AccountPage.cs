using System.ComponentModel.DataAnnotations;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Infrastructure;

/// <summary>
/// An account of «Пользователи» on its own page, the operator's and the municipal coordinator's: its state, last sign-in
/// and history, and the move to another organisation (and, for the operator, municipality) with a reason (the view is
/// <c>_AccountCard</c>).
/// </summary>
public abstract class AccountPage(AttestationDbContext db, AccountDirectory accounts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public MoveInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public AccountCard Card { get; private set; } = null!;

    public List<SelectListItem> Municipalities { get; private set; } = [];

    /// <summary>The municipality chosen in the form, whose organisations are offered.</summary>
    public string? ChosenMunicipalityName => Municipalities.FirstOrDefault(m => m.Selected)?.Text;

    public List<SelectListItem> Organisations { get; private set; } = [];

    /// <summary>Whose accounts the page shows, for the signed-in person.</summary>
    public abstract AccountScope Scope { get; }

    /// <summary>Whether the person may choose another municipality (the operator) or only another organisation.</summary>
    public bool ChoosesMunicipality => Scope.MunicipalityId is null;

    public sealed class MoveInput
    {
        public int? MunicipalityId { get; set; }

        public int? OrganisationId { get; set; }

        [StringLength(AccountEvent.ReasonMaxLength, ErrorMessage = "Причина — не более {1} символов.")]
        public string? Reason { get; set; }

        public string? Version { get; set; }
    }

    /// <param name="municipalityId">The municipality whose organisations the form offers (the account's own at first).</param>
    public async Task<IActionResult> OnGetAsync(int? municipalityId, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        Input = new MoveInput
        {
            MunicipalityId = ChoosesMunicipality ? municipalityId ?? Card.MunicipalityId : Scope.MunicipalityId,
            OrganisationId = Card.OrganisationId,
            Version = Card.Account.Version,
        };
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(CancellationToken ct)
    {
        var municipalityId = (ChoosesMunicipality ? Input.MunicipalityId : Scope.MunicipalityId) ?? 0;
        if (ModelState.IsValid)
        {
            var outcome = await accounts.MoveAsync(Scope, Id, Input.Version, municipalityId, Input.OrganisationId, Input.Reason, ct);
            if (outcome is null)
                return NotFound();
            if (outcome.Value.Done)
            {
                StatusMessage = "Перенесено: " + outcome.Value.Message;
                return RedirectToPage(new { id = Id });
            }
            ModelState.AddModelError(outcome.Value.Field is { } field ? $"{nameof(Input)}.{field}" : string.Empty, outcome.Value.Message);
        }
        if (!await LoadAsync(ct))
            return NotFound();
        await LoadChoicesAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var card = await accounts.CardAsync(Scope, Id, ct);
        if (card is null)
            return false;
        Card = card;
        return true;
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var chosen = Input.MunicipalityId;
        Municipalities = await db.Municipalities.AsNoTracking()
            .Where(m => m.IsActive && (ChoosesMunicipality || m.Id == Scope.MunicipalityId))
            .OrderBy(m => m.IsRegionalPseudo).ThenBy(m => m.Name)
            .Select(m => new SelectListItem(m.Name, m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Id == chosen))
            .ToListAsync(ct);
        Organisations = await db.Organisations.AsNoTracking()
            .Where(o => o.MunicipalityId == chosen && o.IsActive)
            .OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Id == Input.OrganisationId))
            .ToListAsync(ct);
    }
}
