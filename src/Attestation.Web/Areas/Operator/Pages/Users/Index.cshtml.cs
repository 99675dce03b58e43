using Attestation.Domain;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.Configurations;
using Attestation.Web.Infrastructure;
using Attestation.Web.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Users;

/// <summary>
/// «Пользователи»: every account of the region with its role and place, found by a part of the name, the login or
/// the address; blocked and unblocked (a blocked person's sessions end at his next request, see
/// <see cref="AccountCheck"/>), sent a letter to set a new password.
/// </summary>
public sealed class IndexModel(AttestationDbContext db, UserManager<AppUser> users, PasswordResetLetters resetLetters,
    TimeProvider time) : PageModel
{
    public const string EditedMeanwhile =
        "Учётную запись изменили, пока была открыта эта страница: проверьте её состояние в списке и повторите действие.";

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

    public List<SelectListItem> Municipalities { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public sealed record Row(Guid Id, string FullName, string? Login, string? Email, string Role, string? Municipality,
        string? Organisation, bool Blocked, string? Version);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Role is not null && !RoleConfiguration.Ids.ContainsKey(Role))
            return NotFound();
        Municipalities = await db.Municipalities.AsNoTracking().OrderBy(m => m.Name)
            .Select(m => new SelectListItem(m.Name, m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                m.Id == MunicipalityId))
            .ToListAsync(ct);

        var now = time.GetUtcNow();
        var query =
            from u in db.Users.AsNoTracking()
            join ur in db.UserRoles on u.Id equals ur.UserId
            select new { User = u, ur.RoleId };
        if (Role is not null)
        {
            var roleId = RoleConfiguration.Ids[Role];
            query = query.Where(x => x.RoleId == roleId);
        }
        if (MunicipalityId is { } municipalityId)
            query = query.Where(x => x.User.MunicipalityId == municipalityId);
        if (SearchPattern(Q) is { } pattern)
            query = query.Where(x =>
                EF.Functions.ILike(
                    (x.User.LastName + " " + x.User.FirstName + " " + (x.User.MiddleName ?? "")).Replace("ё", "е").Replace("Ё", "Е"),
                    pattern, "\\")
                || EF.Functions.ILike(x.User.UserName!, pattern, "\\")
                || EF.Functions.ILike(x.User.Email!, pattern, "\\"));

        var ordered =
            from x in query
            orderby x.User.LastName, x.User.FirstName, x.User.MiddleName, x.User.Id
            select new
            {
                x.User.Id, x.User.LastName, x.User.FirstName, x.User.MiddleName, x.User.UserName, x.User.Email, x.RoleId,
                Municipality = db.Municipalities.Where(m => m.Id == x.User.MunicipalityId).Select(m => m.Name).FirstOrDefault(),
                Organisation = db.Organisations.Where(o => o.Id == x.User.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                Blocked = x.User.LockoutEnd != null && x.User.LockoutEnd > now,
                x.User.ConcurrencyStamp,
            };
        var page = await ordered.ToPagedAsync(PageNumber, ct);
        Pager = PagerView.Of(page, Request);
        var roleNames = RoleConfiguration.Ids.ToDictionary(r => r.Value, r => Roles.DisplayName(r.Key));
        Rows = page.Items.Select(u => new Row(u.Id, PersonName.Join(u.LastName, u.FirstName, u.MiddleName), u.UserName,
                u.Email, roleNames.GetValueOrDefault(u.RoleId, "—"), u.Municipality, u.Organisation, u.Blocked,
                u.ConcurrencyStamp))
            .ToList();
        return Page();
    }

    /// <summary>Blocks the account: the person cannot sign in, and his open sessions end at their next request.</summary>
    public Task<IActionResult> OnPostBlockAsync(Guid id, string? version) =>
        ActAsync(id, version, async user =>
        {
            if (user.Id == User.UserId())
                return (false, "Свою учётную запись заблокировать нельзя.");
            if (user.LockoutEnd > time.GetUtcNow())
                return (true, $"Учётная запись {user.UserName} уже заблокирована.");
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, AccountBlock.Forever);
            await users.UpdateSecurityStampAsync(user);
            return (true, $"Учётная запись {user.UserName} заблокирована: вход невозможен, открытые сеансы завершены.");
        });

    public Task<IActionResult> OnPostUnblockAsync(Guid id, string? version) =>
        ActAsync(id, version, async user =>
        {
            if (!(user.LockoutEnd > time.GetUtcNow()))
                return (true, $"Учётная запись {user.UserName} не заблокирована.");
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            return (true, $"Учётная запись {user.UserName} разблокирована.");
        });

    public Task<IActionResult> OnPostResetAsync(Guid id, string? version) =>
        ActAsync(id, version, async user =>
        {
            if (!await resetLetters.QueueAsync(user, Url))
                return (false, "У учётной записи нет адреса электронной почты: письмо отправить некуда.");
            await db.SaveChangesAsync(HttpContext.RequestAborted);
            return (true, $"Письмо со ссылкой для смены пароля поставлено в очередь на адрес {user.Email}.");
        });

    /// <summary>The action on the account as the list showed it (its version), then back to the same list.</summary>
    private async Task<IActionResult> ActAsync(Guid id, string? version, Func<AppUser, Task<(bool Done, string Message)>> act)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, HttpContext.RequestAborted);
        if (user is null)
            return NotFound();
        if (version != user.ConcurrencyStamp)
            ErrorMessage = EditedMeanwhile;
        else
        {
            var (done, message) = await act(user);
            if (done)
                StatusMessage = message;
            else
                ErrorMessage = message;
        }
        return RedirectToPage(new { q = Q, role = Role, municipalityId = MunicipalityId, p = PageNumber });
    }

    /// <summary>
    /// The search as an ILIKE pattern: a part of the text anywhere, «ё» read as «е», the pattern's own characters
    /// escaped; null when empty.
    /// </summary>
    public static string? SearchPattern(string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
            return null;
        var text = q.Trim().Replace('ё', 'е').Replace('Ё', 'Е')
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
        return $"%{text}%";
    }
}
