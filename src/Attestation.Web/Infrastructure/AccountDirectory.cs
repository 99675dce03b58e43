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

    /// <summary>Every account of the portal, of every role and municipality: the operator's.</summary>
    public bool EveryAccount => MunicipalityId is null && Roles.Count == Authorization.Roles.All.Count;
}

/// <summary>One account as the lists of accounts show it.</summary>
public sealed record AccountRow(Guid Id, string FullName, string? Login, string? Email, string Role, string? Municipality,
    string? Organisation, bool Blocked, string? Version, bool IsSelf, DateTimeOffset? LastSignInAt);

/// <summary>What may be done to an account from its list.</summary>
public enum AccountAction
{
    Block,
    Unblock,
    SendPasswordLetter,
}

/// <summary>
/// The accounts a person manages («Пользователи»): found, blocked and unblocked (a blocked person's sessions end at his
/// next request, see <see cref="AccountCheck"/>), sent the letter to set a new password, moved to another municipality
/// or organisation (the operator). Every action is taken only on an account of the scope, at the version the list
/// showed, and written in the account's history (<see cref="AccountEvent"/>).
/// </summary>
public sealed class AccountDirectory(AttestationDbContext db, UserManager<AppUser> users, PasswordResetLetters resetLetters,
    TimeProvider time, AuditLog audit)
{
    public const string EditedMeanwhile =
        "Учётную запись изменили, пока была открыта эта страница: проверьте её состояние в списке и повторите действие.";

    private static readonly Dictionary<Guid, string> RoleNames =
        RoleConfiguration.Ids.ToDictionary(r => r.Value, r => Authorization.Roles.DisplayName(r.Key));

    public async Task<Paged<AccountRow>> ListAsync(AccountScope scope, string? search, string? role, int? municipalityId,
        int? page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var accounts = Filtered(scope, search, role, municipalityId);
        // A search, or a municipality's accounts (its experts and school coordinators, read by role from the index of
        // the municipality's people by role and name): what is found is read once, counted and sorted together, where
        // counting and paging read it twice (a region's municipality: 6.2 → 3 ms of SQL).
        if ((!string.IsNullOrWhiteSpace(search) || scope.MunicipalityId is not null)
            && await FoundPageAsync(scope, accounts, page, ct) is { } found)
            return found;
        // Counted on the accounts alone, up to the limit (a search too: names cluster in the list's order, see
        // SearchedFirst), or, for every account unfiltered, from the table's estimate; the page cut on them too, and
        // only its rows joined to the names.
        var total = scope.EveryAccount && string.IsNullOrWhiteSpace(search) && role is null && municipalityId is null
            ? await db.CountWholeTableUpToAsync<AppUser>(Paging.ListCountLimit, ct)
            : await accounts.CountUpToAsync(Paging.ListCountLimit, ct);
        var ordered = accounts.SearchedFirst(search, total, few: Paging.ListCountLimit)
            .OrderBy(u => u.LastName).ThenBy(u => u.FirstName).ThenBy(u => u.MiddleName).ThenBy(u => u.Id);
        var paged = await ordered.ToPagedAsync(page, total, rows => Lines(scope, rows), ct);
        return paged.With(paged.Items.Select(line => line.ToRow(scope)).ToList());
    }

    /// <summary>
    /// A search's page (or a municipality's) in one statement with its count: the first
    /// <see cref="Paging.ListCountLimit"/> accounts found (read through the trigram indexes, or the municipality's
    /// index), counted by a window, sorted by name and cut; then the page's fifty completed
    /// by id. Counting and sorting the same found rows in two statements read each of them from the table twice (a
    /// country's «иван»: 3,315 accounts, 11 ms to count and 15 to sort; 13 together). Null when the page asked is past
    /// the last or more accounts were found than the limit: the list is then paged as it is without a search.
    /// </summary>
    private async Task<Paged<AccountRow>?> FoundPageAsync(AccountScope scope, IQueryable<AppUser> accounts, int? page,
        CancellationToken ct)
    {
        var number = Math.Max(1, page ?? 1);
        var found = await accounts.TakeLiteral(Paging.ListCountLimit + 1)
            .Select(u => new { u.Id, u.LastName, u.FirstName, u.MiddleName, Found = SqlWindow.RowsFound() })
            .OrderBy(u => u.LastName).ThenBy(u => u.FirstName).ThenBy(u => u.MiddleName).ThenBy(u => u.Id)
            .Cut((number - 1) * Paging.DefaultPageSize, Paging.DefaultPageSize)
            .ToListAsync(ct);
        if (found.Count == 0)
            return number == 1 ? new Paged<AccountRow>([], 0, 1, Paging.DefaultPageSize) : null;
        if (found[0].Found > Paging.ListCountLimit)
            return null;
        var ids = found.Select(f => f.Id).ToList();
        var lines = await Lines(scope, db.Users.Where(u => ids.Contains(u.Id))).ToListAsync(ct);
        return new Paged<AccountRow>(lines.Select(line => line.ToRow(scope)).ToList(), found[0].Found, number, Paging.DefaultPageSize);
    }

    /// <summary>Every account of the list as the same filters find it, read as it is written (an Excel file).</summary>
    public IAsyncEnumerable<AccountRow> AllAsync(AccountScope scope, string? search, string? role, int? municipalityId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Lines(scope, Filtered(scope, search, role, municipalityId)).AsAsyncEnumerable().Select(line => line.ToRow(scope));
    }

    private IQueryable<AppUser> Filtered(AccountScope scope, string? search, string? role, int? municipalityId)
    {
        var accounts = InScope(scope).Matching(search);
        if (role is not null)
        {
            var roleId = RoleConfiguration.Ids[role];
            // A literal: PostgreSQL then counts from its statistics how many the role has (the teachers are most of
            // the accounts, the operators a handful) and reads the index of the role's names only for the rare ones.
            accounts = accounts.Where(u => u.RoleId == SqlLiteral.Key(roleId));
        }
        if (municipalityId is { } chosen)
            accounts = accounts.Where(u => u.MunicipalityId == chosen);
        return accounts;
    }

    private IQueryable<AccountLine> Lines(AccountScope scope, IQueryable<AppUser> accounts)
    {
        var now = time.GetUtcNow();
        return
            from p in accounts.ToPeople(db)
            join u in db.Users on p.Id equals u.Id
            orderby p.LastName, p.FirstName, p.MiddleName, p.Id
            select new AccountLine
            {
                Person = p,
                RoleId = u.RoleId ?? Guid.Empty,
                Blocked = u.LockoutEnd != null && u.LockoutEnd > now,
                Version = u.ConcurrencyStamp,
                LastSignInAt = u.LastSignInAt,
            };
    }

    private sealed class AccountLine
    {
        public required PersonRow Person { get; init; }
        public Guid RoleId { get; init; }
        public bool Blocked { get; init; }
        public string? Version { get; init; }
        public DateTimeOffset? LastSignInAt { get; init; }

        public AccountRow ToRow(AccountScope scope) => new(Person.Id, Person.FullName, Person.Login, Person.Email,
            RoleNames.GetValueOrDefault(RoleId, "—"), Person.Municipality, Person.Organisation, Blocked, Version,
            Person.Id == scope.Self, LastSignInAt);
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
                await RecordAsync(new AccountEvent(user.Id, AccountEventKind.Blocked, now, scope.Self), ct);
                await audit.RecordAsync(AuditAction.Blocked, $"учётная запись {user.UserName}", ct);
                return (true, $"Учётная запись {user.UserName} заблокирована: вход невозможен, открытые сеансы завершены.");
            case AccountAction.Unblock when !(user.LockoutEnd > now):
                return (true, $"Учётная запись {user.UserName} не заблокирована.");
            case AccountAction.Unblock:
                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
                await RecordAsync(new AccountEvent(user.Id, AccountEventKind.Unblocked, now, scope.Self), ct);
                await audit.RecordAsync(AuditAction.Unblocked, $"учётная запись {user.UserName}", ct);
                return (true, $"Учётная запись {user.UserName} разблокирована.");
            default:
                if (!await resetLetters.QueueAsync(user, url))
                    return (false, "У учётной записи нет адреса электронной почты: письмо отправить некуда.");
                db.AccountEvents.Add(new AccountEvent(user.Id, AccountEventKind.PasswordLetterSent, now, scope.Self, user.Email));
                await db.SaveChangesAsync(ct);
                await audit.RecordAsync(AuditAction.PasswordReset, $"учётная запись {user.UserName}: письмо со ссылкой для смены пароля на адрес {user.Email}", ct);
                return (true, $"Письмо со ссылкой для смены пароля поставлено в очередь на адрес {user.Email}.");
        }
    }

    /// <summary>The account of the scope with its history (the latest 100 lines); null when it is not in the scope (404).</summary>
    public async Task<AccountCard?> CardAsync(AccountScope scope, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var line = await Lines(scope, InScope(scope).Where(u => u.Id == id)).SingleOrDefaultAsync(ct);
        if (line is null)
            return null;
        var history = await (
                from e in db.AccountEvents.AsNoTracking()
                where e.UserId == id
                join actor in db.Users.ToPeople(db) on e.By equals actor.Id
                orderby e.At descending, e.Id descending
                select new { Event = e, By = actor })
            .Take(100)
            .ToListAsync(ct);
        return new AccountCard(line.ToRow(scope), line.Person.MunicipalityId, line.Person.OrganisationId,
            history.Select(h => new AccountHistoryLine(h.Event.At, h.Event.KindText, h.Event.Text, h.Event.Reason, h.By.ShortName)).ToList());
    }

    /// <summary>
    /// Moves an account of the scope to another municipality (the operator only) or organisation of it, for the reason
    /// given, at the version the page showed; the history says from where to where and why. Null when the account is not
    /// in the scope (404); otherwise whether it was done and what to tell, with the field a refusal concerns.
    /// </summary>
    public async Task<(bool Done, string Message, string? Field)?> MoveAsync(AccountScope scope, Guid id, string? version,
        int municipalityId, int? organisationId, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var user = await InScope(scope).AsTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
            return null;
        if (version != user.ConcurrencyStamp)
            return (false, EditedMeanwhile, null);
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
            return (false, "Укажите причину переноса: она сохраняется в истории учётной записи.", "Reason");
        if (reason.Length > AccountEvent.ReasonMaxLength)
            return (false, $"Причина — не более {AccountEvent.ReasonMaxLength} символов.", "Reason");
        if (scope.MunicipalityId is { } own && municipalityId != own)
            return (false, "Перенести в другой муниципалитет может только оператор.", "MunicipalityId");
        var municipality = await db.Municipalities.AsNoTracking().Where(m => m.Id == municipalityId && m.IsActive)
            .Select(m => m.Name).SingleOrDefaultAsync(ct);
        if (municipality is null)
            return (false, "Выберите муниципалитет из списка.", "MunicipalityId");
        string? organisation = null;
        if (organisationId is { } chosen)
        {
            organisation = await db.Organisations.AsNoTracking()
                .Where(o => o.Id == chosen && o.MunicipalityId == municipalityId && o.IsActive).Select(o => o.Name).SingleOrDefaultAsync(ct);
            if (organisation is null)
                return (false, "Выберите образовательную организацию выбранного муниципалитета.", "OrganisationId");
        }
        if (user.MunicipalityId == municipalityId && user.OrganisationId == organisationId)
            return (false, "Учётная запись уже относится к этому муниципалитету и организации.", "OrganisationId");

        var before = await db.Users.AsNoTracking().Where(u => u.Id == id).ToPeople(db)
            .Select(p => new { p.Municipality, p.Organisation }).SingleAsync(ct);
        var text = $"{Place(before.Municipality, before.Organisation)} → {Place(municipality, organisation)}";
        user.MunicipalityId = municipalityId;
        user.OrganisationId = organisationId;
        db.AccountEvents.Add(new AccountEvent(user.Id, AccountEventKind.Moved, time.GetUtcNow(), scope.Self,
            text.Length > AccountEvent.TextMaxLength ? text[..AccountEvent.TextMaxLength] : text, reason));
        // Through Identity: the version changes, so a second page open on the old one is refused.
        var result = await users.UpdateAsync(user);
        if (result.Succeeded)
            await audit.RecordAsync(AuditAction.ScopeChanged, $"учётная запись {user.UserName}: {text}; причина: {reason}", ct);
        return result.Succeeded
            ? (true, $"{user.UserName}: {text}.", null)
            : (false, EditedMeanwhile, null);
    }

    private static string Place(string? municipality, string? organisation) =>
        string.Join(", ", new[] { municipality ?? "без муниципалитета", organisation }.Where(p => p is not null));

    private async Task RecordAsync(AccountEvent entry, CancellationToken ct)
    {
        db.AccountEvents.Add(entry);
        await db.SaveChangesAsync(ct);
    }

    private IQueryable<AppUser> InScope(AccountScope scope)
    {
        var roleIds = scope.Roles.Select(r => RoleConfiguration.Ids[r]).ToList();
        var accounts = db.Users.AsNoTracking();
        if (scope.MunicipalityId is { } municipalityId)
            accounts = accounts.Where(u => u.MunicipalityId == municipalityId);
        if (scope.Roles.Count < Authorization.Roles.All.Count)
            accounts = accounts.Where(u => u.RoleId != null && roleIds.Contains(u.RoleId.Value));
        return accounts;
    }
}

/// <summary>An account as its page shows it: where it belongs, its history, the latest first.</summary>
public sealed record AccountCard(AccountRow Account, int? MunicipalityId, int? OrganisationId, IReadOnlyList<AccountHistoryLine> History);

/// <summary>A line of an account's history with the name of who acted.</summary>
public sealed record AccountHistoryLine(DateTimeOffset At, string What, string? Text, string? Reason, string By);
