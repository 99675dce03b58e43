using System.Text;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Attestation.Web.Notifications;

/// <summary>
/// The letter with a link to set a new password, queued in the outbox: asked for by the person («Забыли пароль?») or
/// sent by the operator from «Пользователи». The caller saves it with its own change.
/// </summary>
public sealed class PasswordResetLetters(UserManager<AppUser> users, AccountEmails emails, PortalLinks links)
{
    /// <summary>False when the account has no address to write to.</summary>
    public async Task<bool> QueueAsync(AppUser user, IUrlHelper url)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(url);
        if (user.Email is null)
            return false;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = links.Absolute(url.Page("/Account/ResetPassword", new { area = "", userId = user.Id, code })!);
        emails.QueuePasswordReset(user.Id, user.Email, user.FullName, user.UserName!, link);
        return true;
    }
}
