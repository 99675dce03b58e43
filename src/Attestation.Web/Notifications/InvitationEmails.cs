using System.Text.Encodings.Web;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;

namespace Attestation.Web.Notifications;

/// <summary>«Приглашение в систему»: the coordinator's own subject and text, then the link the portal adds. Queued with
/// the invitation itself, in one save.</summary>
public sealed class InvitationEmails(Outbox outbox, HtmlEncoder html)
{
    /// <summary>The seed's subject line, offered for editing.</summary>
    public const string DefaultSubject =
        "Приглашаем Вас зарегистрироваться на сайте Центра аттестации педагогических работников ТОИПКРО";

    /// <summary>The seed's letter, offered for editing.</summary>
    public const string DefaultMessage = """
        Добрый день.
        Вас приветствуют специалисты Центра аттестации педагогических работников ТОИПКРО. Приглашаем Вас зарегистрироваться на сайте Центра в целях активации электронной системы "Аттестация".
        """;

    public void Queue(string to, string subject, string message, string roleName, string municipality,
        string? organisation, string link, DateTimeOffset expiresAt, InviterNames inviter)
    {
        ArgumentNullException.ThrowIfNull(inviter);
        var role = organisation is null
            ? $"Роль: {roleName}\nМуниципальное образование: {municipality}"
            : $"Роль: {roleName}\nМуниципальное образование: {municipality}\nОбразовательная организация: {organisation}";
        var terms = $"Ссылка действует до {expiresAt.ToRegionDateTime()} и только для одной регистрации. " +
            $"Если срок истёк, попросите {inviter.Accusative} прислать новое приглашение.";
        var plain = $"{message.Trim()}\n\n{role}\n\nДля регистрации перейдите по ссылке:\n{link}\n\n{terms}";
        var body = LetterText.Paragraphs(html, message.Trim(), role)
            + $"<p><a href=\"{html.Encode(link)}\">Зарегистрироваться в системе «Аттестация»</a></p>\n"
            + LetterText.Paragraphs(html, terms);
        outbox.Queue(new OutgoingLetter(LetterKind.Invitation, new EmailMessage(to, subject, plain, body)));
    }
}
