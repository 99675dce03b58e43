using System.Text.Encodings.Web;
using Attestation.Web.Data;

namespace Attestation.Web.Notifications;

/// <summary>The e-mails of the account pages, in the words of the portal; queued, the caller saves.</summary>
public sealed class AccountEmails(Outbox outbox, HtmlEncoder html)
{
    public const string PasswordResetSubject = "Сброс пароля в системе «Аттестация»";

    /// <summary>The reset link goes by mail only: it is no news for the list in the portal, where the person is
    /// already signed in.</summary>
    public void QueuePasswordReset(Guid userId, string to, string fullName, string login, string link)
    {
        var plain = $"""
            Здравствуйте, {fullName}!

            Для вашей учётной записи «{login}» в системе «Аттестация» запрошен сброс пароля.
            Чтобы задать новый пароль, перейдите по ссылке:
            {link}

            Если вы не запрашивали сброс пароля, просто проигнорируйте это письмо.
            """;
        var body = $"""
            <p>Здравствуйте, {html.Encode(fullName)}!</p>
            <p>Для вашей учётной записи «{html.Encode(login)}» в системе «Аттестация» запрошен сброс пароля.</p>
            <p><a href="{html.Encode(link)}">Задать новый пароль</a></p>
            <p>Если вы не запрашивали сброс пароля, просто проигнорируйте это письмо.</p>
            """;
        outbox.Queue(new OutgoingLetter(LetterKind.PasswordReset, new EmailMessage(to, PasswordResetSubject, plain, body))
        {
            UserId = userId,
        });
    }
}
