using System.Text.Encodings.Web;

namespace Attestation.Web.Notifications;

/// <summary>The e-mails of the account pages, in the words of the portal.</summary>
public sealed class AccountEmails(IMailSender sender, HtmlEncoder html)
{
    public Task SendPasswordResetAsync(string to, string fullName, string login, string link, CancellationToken ct)
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
        return sender.SendAsync(new EmailMessage(to, "Сброс пароля в системе «Аттестация»", plain, body), ct);
    }
}
