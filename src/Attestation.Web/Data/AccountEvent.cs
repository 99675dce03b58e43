namespace Attestation.Web.Data;

/// <summary>What happened to an account. Stored by name.</summary>
public enum AccountEventKind
{
    /// <summary>Blocked by the operator or a coordinator: no sign-in, open sessions ended.</summary>
    Blocked = 0,

    /// <summary>The block lifted.</summary>
    Unblocked = 1,

    /// <summary>The letter with a link to set a new password sent by the one who manages the account.</summary>
    PasswordLetterSent = 2,

    /// <summary>Moved to another municipality or organisation, with the reason.</summary>
    Moved = 3,

    /// <summary>
    /// An assigned expert opened the attestee's phone and e-mail (seed 000: the dates of the meeting are agreed with
    /// him 14 days before the period): personal data shown to someone else is on the record.
    /// </summary>
    ContactsViewed = 4,
}

/// <summary>
/// A line of an account's history: who did what to it, when and why. Only appended; the history of applications is
/// the applications' own.
/// </summary>
public sealed class AccountEvent
{
    public const int TextMaxLength = 600;
    public const int ReasonMaxLength = 500;

    private AccountEvent()
    {
    }

    public AccountEvent(Guid userId, AccountEventKind kind, DateTimeOffset at, Guid by, string? text = null, string? reason = null)
    {
        UserId = userId;
        Kind = kind;
        At = at;
        By = by;
        Text = text;
        Reason = reason;
    }

    public long Id { get; private set; }

    public Guid UserId { get; private set; }

    public AccountEventKind Kind { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>Who acted.</summary>
    public Guid By { get; private set; }

    /// <summary>What changed, in words («Город Томск, МБОУ «Лицей № 1» → Томский район, …»).</summary>
    public string? Text { get; private set; }

    /// <summary>Why, as the person who acted wrote it.</summary>
    public string? Reason { get; private set; }

    public string KindText => Kind switch
    {
        AccountEventKind.Blocked => "Учётная запись заблокирована",
        AccountEventKind.Unblocked => "Учётная запись разблокирована",
        AccountEventKind.PasswordLetterSent => "Отправлено письмо для смены пароля",
        AccountEventKind.Moved => "Перенос в другой муниципалитет или организацию",
        AccountEventKind.ContactsViewed => "Телефон и адрес электронной почты просмотрены специалистом по аттестации",
        _ => Kind.ToString(),
    };
}
