namespace Attestation.Web.Authorization;

/// <summary>
/// An account blocked by the operator: Identity's lockout, to the end of time. A lockout after failed sign-ins ends by
/// itself or with a new password; this one only when the operator unblocks the account.
/// </summary>
public static class AccountBlock
{
    public static DateTimeOffset Forever => DateTimeOffset.MaxValue;

    /// <summary>The lockout is the operator's block (read back from PostgreSQL, the end of time may be rounded).</summary>
    public static bool IsBlocked(DateTimeOffset? lockoutEnd) => lockoutEnd is { Year: >= 9999 };
}
