using System.Net;
using Attestation.Domain.Applications;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Notifications;
using Attestation.Web.Tests.Expert;

namespace Attestation.Web.Tests.Operator.Conclusions;

/// <summary>
/// «Вам пришло итоговое заключение»: the teacher's letter when an expert uploads the conclusion in his cabinet (the
/// operator's upload has its own in <see cref="PaperConclusionTests"/>).
/// </summary>
public sealed class ConclusionMailTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly ExpertCabinet _cabinet = new(factory);

    [Fact]
    public async Task The_teacher_gets_a_letter_when_an_expert_uploads_the_conclusion_and_again_when_it_is_replaced()
    {
        var expertA = await _cabinet.CreateExpertAsync("mail.a", "Фёдоров", "Алексей", "Николаевич");
        var expertB = await _cabinet.CreateExpertAsync("mail.b", "Орлова", "Ирина", "Олеговна", _cabinet.Directory.Lyceum);
        var teacher = await _cabinet.CreateTeacherAsync("mail.t", "Пичугина", "Ольга", "Владимировна");
        var @operator = await _cabinet.CreateOperatorAsync("mail.o");
        var start = _cabinet.NextOpenPeriodStart();
        var id = await _cabinet.ScheduledApplicationAsync(teacher, expertA, expertB, start);
        await _cabinet.MakeVisibleAsync(start, _cabinet.Directory.Tomsk.Id, @operator);
        using var client = await factory.SignInAsync("mail.a");
        var mails = (await factory.SentMailsAsync()).Count;

        using var uploaded = await ExpertCabinet.UploadConclusionAsync(client, id, nameof(Conformity.DoesNotCorrespond),
            "Результаты не подтверждены.", "заключение.pdf", SamplePdf.Bytes("first"));

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var mail = Assert.Single((await factory.SentMailsAsync()).Skip(mails));
        Assert.Equal("mail.t@example.org", mail.To.Trim('<', '>'));
        Assert.Equal(ApplicationEmails.ConclusionAttachedSubject, mail.Subject);
        var period = new AttestationPeriod(start.Year, start.Month).Name;
        Assert.Contains("Здравствуйте, Пичугина Ольга Владимировна!", mail.PlainText, StringComparison.Ordinal);
        Assert.Contains($"К вашему заявлению о проведении аттестации (период «{period}») прикреплено итоговое заключение специалистов по аттестации.",
            mail.PlainText, StringComparison.Ordinal);
        Assert.Contains("Необходимо его просмотреть в личном кабинете и в случае согласия распечатать и подписать его", mail.PlainText, StringComparison.Ordinal);
        // The recommendation stays in the cabinet, behind the sign-in.
        Assert.DoesNotContain("соответствует", mail.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Результаты не подтверждены", mail.PlainText, StringComparison.Ordinal);
        var link = new Uri(mail.PlainText[mail.PlainText.IndexOf("http", StringComparison.Ordinal)..].Split(['\r', '\n'])[0]);
        Assert.Equal($"/Teacher/Applications/Details?id={id}", link.PathAndQuery);
        Assert.Contains(link.ToString(), mail.Html, StringComparison.Ordinal);

        using var replaced = await ExpertCabinet.UploadConclusionAsync(client, id, nameof(Conformity.Corresponds), null,
            "заключение-2.pdf", SamplePdf.Bytes("second"));

        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        var second = Assert.Single((await factory.SentMailsAsync()).Skip(mails + 1));
        Assert.Contains("прикреплено новое итоговое заключение специалистов по аттестации взамен прежнего", second.PlainText, StringComparison.Ordinal);
    }
}
