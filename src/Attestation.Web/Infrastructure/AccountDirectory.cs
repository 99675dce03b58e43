using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.Configurations;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Infrastructure;

/// <summary>Whose accounts a person manages: the operator everyone's, a municipal coordinator his municipality's
/// experts and school coordinators.</summary>
public sealed record AccountScope(IReadOnlyList<string> Roles, int? MunicipalityId, Guid Self)
{
    public static AccountScope Region(Guid self) => new(Authorization.Roles.All, null, self);

    public static AccountScope Municipality(int municipalityId, Guid self) =>
        new([Authorization.Roles.Expert, Authorization.Roles.SchoolCoordinator], municipalityId, self);
}

/// <summary>One account as the lists of accounts show it.</summary>
public sealed record AccountRow(Guid Id, string FullName, string? Login, string? Email, string Role, string? Municipality,
    string? Organisation, bool Blocked, string? Version, bool IsSelf);

/// <summary>What may be done to an account from its list.</summary>
public enum AccountAction
{
    Block,
    Unblock,
    SendPasswordLetter,
}

/// <summary>
/// The accounts a person manages («Пользователи»): found, blocked and unblocked (a blocked person's sessions end at his
/// next request, see <see cref="AccountCheck"/>), sent the letter to set a new password. Every action is taken only on
/// an account of the scope, at the version the list showed.
/// </summary>
public sealed class AccountDirectory(AttestationDbContext db, UserManager<AppUser> users, PasswordResetLetters resetLetters,
    TimeProvider time)
{
    public const string EditedMeanwhile =
        "Учётную запись изменили, пока была открыта эта страница: проверьте её состояние в списке и повторите действие.";

    public async Task<Paged<AccountRow>> ListAsync(AccountScope scope, string? search, string? role, int? municipalityId,
        int? page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var now = time.GetUtcNow();
        var accounts = InScope(scope).Matching(search);
        if (role is not null)
        {
            var roleId = RoleConfiguration.Ids[role];
            accounts = accounts.Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == roleId));
        }
        if (municipalityId is { } chosen)
            accounts = accounts.Where(u => u.MunicipalityId == chosen);

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
        // Counted on the accounts alone: the names' joins are for the page's rows.
        var found = await ordered.ToPagedAsync(page, await accounts.CountAsync(ct), ct);
        var roleNames = RoleConfiguration.Ids.ToDictionary(r => r.Value, r => Authorization.Roles.DisplayName(r.Key));
        return found.With(found.Items.Select(u => new AccountRow(u.Person.Id, u.Person.FullName, u.Person.Login,
                u.Person.Email, roleNames.GetValueOrDefault(u.RoleId, "—"), u.Person.Municipality, u.Person.Organisation,
                u.Blocked, u.ConcurrencyStamp, u.Person.Id == scope.Self))
            .ToList());
    }

    /// <summary>The action on an account of the scope; null when there is no such account in it (404).</summary>
    public async Task<(bool Done, string Message)?> ActAsync(AccountScope scope, Guid id, string? version, AccountAction action,
        IUrlHelper url, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var user = await InScope(scope).AsTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
            return null;
        if (version != user.ConcurrencyStamp)
            return (false, EditedMeanwhile);
        var now = time.GetUtcNow();
        switch (action)
        {
            case AccountAction.Block when user.Id == scope.Self:
                return (false, "Свою учётную запись заблокировать нельзя.");
            case AccountAction.Block when user.LockoutEnd > now:
                return (true, $"Учётная запись {user.UserName} уже заблокирована.");
            case AccountAction.Block:
                await users.SetLockoutEnabledAsync(user, true);
                await users.SetLockoutEndDateAsync(user, AccountBlock.Forever);
                await users.UpdateSecurityStampAsync(user);
                return (true, $"Учётная запись {user.UserName} заблокирована: вход невозможен, открытые сеансы завершены.");
            case AccountAction.Unblock when !(user.LockoutEnd > now):
                return (true, $"Учётная запись {user.UserName} не заблокирована.");
            case AccountAction.Unblock:
                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
                return (true, $"Учётная запись {user.UserName} разблокирована.");
            default:
                if (!await resetLetters.QueueAsync(user, url))
                    return (false, "У учётной записи нет адреса электронной почты: письмо отправить некуда.");
                await db.SaveChangesAsync(ct);
                return (true, $"Письмо со ссылкой для смены пароля поставлено в очередь на адрес {user.Email}.");
        }
    }

    private IQueryable<AppUser> InScope(AccountScope scope)
    {
        var roleIds = scope.Roles.Select(r => RoleConfiguration.Ids[r]).ToList();
        var accounts = db.Users.AsNoTracking();
        if (scope.MunicipalityId is { } municipalityId)
            accounts = accounts.Where(u => u.MunicipalityId == municipalityId);
        if (scope.Roles.Count < Authorization.Roles.All.Count)
            accounts = accounts.Where(u => db.UserRoles.Any(r => r.UserId == u.Id && roleIds.Contains(r.RoleId)));
        return accounts;
    }
}
