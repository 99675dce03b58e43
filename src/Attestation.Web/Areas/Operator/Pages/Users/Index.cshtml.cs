using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.Configurations;
using Attestation.Web.Data.ReadModel;
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
        var accounts = db.Users.AsNoTracking().Matching(Q);
        if (Role is not null)
        {
            var roleId = RoleConfiguration.Ids[Role];
            accounts = accounts.Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == roleId));
        }
        if (MunicipalityId is { } municipalityId)
            accounts = accounts.Where(u => u.MunicipalityId == municipalityId);

        var ordered =
            from p in accounts.ToPeople(db)
            join u in db.Users on p.Id equals u.Id
            orderby p.LastName, p.FirstName, p.MiddleName, p.Id
            select new
            {
                Person = p,
                RoleId = db.UserRoles.Where(r => r.UserId == u.Id).Select(r => r.RoleId).FirstOrDefault(),
                Blocked = u.LockoutEnd != null && u.LockoutEnd > now,
                u.ConcurrencyStamp,
            };
        var page = await ordered.ToPagedAsync(PageNumber, ct);
        Pager = PagerView.Of(page, Request);
        var roleNames = RoleConfiguration.Ids.ToDictionary(r => r.Value, r => Roles.DisplayName(r.Key));
        Rows = page.Items.Select(u => new Row(u.Person.Id, u.Person.FullName, u.Person.Login, u.Person.Email,
                roleNames.GetValueOrDefault(u.RoleId, "—"), u.Person.Municipality, u.Person.Organisation, u.Blocked,
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
}
