namespace Attestation.Web.Data;

/// <summary>What the security audit log records (ASVS V16). Stored by name.</summary>
public enum AuditAction
{
    SignIn = 0,
    SignInFailed = 1,
    SignOut = 2,
    LockedOut = 3,
    PasswordChanged = 4,
    PasswordReset = 5,
    RoleChanged = 6,
    ScopeChanged = 7,
    Blocked = 8,
    Unblocked = 9,
    AccessRefused = 10,
    Download = 11,
}

/// <summary>
/// A line of the security audit log: who (the account, or the login typed when there is none), when, from which
/// address, did what to what. Append-only: the database refuses to change or delete a line (migration AuditLog).
/// </summary>
public sealed class AuditEvent
{
    public const int LoginMaxLength = 256;
    public const int NameMaxLength = 300;
    public const int AddressMaxLength = 64;
    public const int SubjectMaxLength = 600;

    private AuditEvent()
    {
    }

    public AuditEvent(DateTimeOffset at, AuditAction action, Guid? userId, string? login, string? personName, string? address, string? subject)
    {
        At = at;
        Action = action;
        UserId = userId;
        Login = Cut(login, LoginMaxLength);
        PersonName = Cut(personName, NameMaxLength);
        Address = Cut(address, AddressMaxLength);
        Subject = Cut(subject, SubjectMaxLength);
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public AuditAction Action { get; private set; }

    /// <summary>The account that acted (null for a failed sign-in with an unknown login, or an anonymous request).</summary>
    public Guid? UserId { get; private set; }

    /// <summary>The login as it was then, or as typed at a failed sign-in.</summary>
    public string? Login { get; private set; }

    /// <summary>The person's name as it was then («Иванова Анна Сергеевна»).</summary>
    public string? PersonName { get; private set; }

    public string? Address { get; private set; }

    /// <summary>What was acted on, in words: the page refused, the file downloaded, the account changed and how.</summary>
    public string? Subject { get; private set; }

    public static string Title(AuditAction action) => action switch
    {
        AuditAction.SignIn => "Вход",
        AuditAction.SignInFailed => "Неудачная попытка входа",
        AuditAction.SignOut => "Выход",
        AuditAction.LockedOut => "Вход заблокирован после неудачных попыток",
        AuditAction.PasswordChanged => "Смена пароля",
        AuditAction.PasswordReset => "Восстановление пароля",
        AuditAction.RoleChanged => "Изменение роли",
        AuditAction.ScopeChanged => "Перевод в другое МО или ОО",
        AuditAction.Blocked => "Блокировка учётной записи",
        AuditAction.Unblocked => "Разблокировка учётной записи",
        AuditAction.AccessRefused => "Отказ в доступе",
        AuditAction.Download => "Скачивание документа",
        _ => action.ToString(),
    };

    private static string? Cut(string? text, int length) =>
        text is null ? null : text.Length <= length ? text : text[..length];
}
