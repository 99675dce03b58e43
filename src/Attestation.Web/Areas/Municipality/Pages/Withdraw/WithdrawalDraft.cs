using System.Security.Cryptography;
using System.Text.Json;
using Attestation.Domain.Applications;
using Microsoft.AspNetCore.DataProtection;

namespace Attestation.Web.Areas.Municipality.Pages.Withdraw;

/// <summary>
/// Where the coordinator is between «Сформировать», «Прикрепить» and «Подать» of a withdrawal on a teacher's behalf.
/// Nothing of it is in the database until «Подать» (except the attached scan, saved as a stored file): the draft travels
/// with the page as a token that only the portal can make (ASP.NET Core data protection, whose keys are shared by every
/// instance through PostgreSQL), bound to the application and the coordinator and valid for a day. So a failed request
/// loses nothing (the page posts the token back), any instance continues the work, and a forged post cannot skip a step
/// or change the reason printed on the signed document.
/// </summary>
/// <param name="ScanFileId">The signed scan once attached («Прикрепить»); null before.</param>
public sealed record WithdrawalDraft(
    Guid ApplicationId,
    Guid CoordinatorId,
    WithdrawalReason Reason,
    string? Text,
    DateTimeOffset FormedAt,
    Guid? ScanFileId = null,
    string? ScanFileName = null)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private const string Purpose = "Attestation.Web.Municipality.WithdrawalDraft.v1";

    public string Protect(IDataProtectionProvider provider, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return Protector(provider).Protect(JsonSerializer.Serialize(this), now + Lifetime);
    }

    /// <summary>The draft of this application and coordinator, or null for a token that is missing, forged, expired or someone else's.</summary>
    public static WithdrawalDraft? Read(IDataProtectionProvider provider, string? token, Guid applicationId, Guid coordinatorId)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (string.IsNullOrWhiteSpace(token))
            return null;
        try
        {
            var draft = JsonSerializer.Deserialize<WithdrawalDraft>(Protector(provider).Unprotect(token));
            return draft is not null && draft.ApplicationId == applicationId && draft.CoordinatorId == coordinatorId ? draft : null;
        }
        catch (Exception error) when (error is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider provider) =>
        provider.CreateProtector(Purpose).ToTimeLimitedDataProtector();
}
