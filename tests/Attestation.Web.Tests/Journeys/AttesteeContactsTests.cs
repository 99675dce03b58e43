using System.Net;
using Attestation.Testing;
using Attestation.Web.Data;
using Microsoft.EntityFrameworkCore;
using static Attestation.Web.Tests.Expert.ExpertCabinet;

namespace Attestation.Web.Tests.Journeys;

/// <summary>
/// Issue 15, item 3: the expert agrees the meeting dates with the attestee (seed 000), so the attestee's phone and
/// e-mail are shown to his assigned experts — to no one else — and each view is in the attestee's account history.
/// </summary>
public sealed class AttesteeContactsTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly Expert.ExpertCabinet _cabinet = new(factory);

    private static string ContactsUrl(Guid id) => $"/Expert/Attestee?id={id}&handler=Contacts";

    [Fact]
    public async Task An_assigned_expert_sees_the_attestees_phone_and_e_mail_and_the_view_is_recorded()
    {
        var expertA = await _cabinet.CreateExpertAsync("contacts.a", "Фёдоров", "Алексей", "Николаевич");
        var expertB = await _cabinet.CreateExpertAsync("contacts.b", "Орлова", "Ирина", "Олеговна");
        var teacher = await _cabinet.CreateTeacherAsync("contacts.teacher", "Связная", "Ольга", "Владимировна");
        await using (var db = factory.OpenDb())
        {
            await db.Users.Where(u => u.Id == teacher.Id).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.PhoneNumber, "+7 913 000-00-01")
                .SetProperty(u => u.Email, "svyaznaya@example.org"));
        }
        var @operator = await _cabinet.CreateOperatorAsync("contacts.operator");
        var start = _cabinet.NextOpenPeriodStart();
        var id = await _cabinet.ScheduledApplicationAsync(teacher, expertA, expertB, start);
        await _cabinet.MakeVisibleAsync(start, _cabinet.Directory.Tomsk.Id, @operator);
        using var client = await factory.SignInAsync("contacts.a");

        var page = await client.GetDocumentAsync(AttesteeUrl(id));
        Assert.DoesNotContain("svyaznaya@example.org", page.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Empty(await ViewsAsync(teacher.Id));
        var reveal = page.QuerySelector("#show-contacts")!.GetAttribute("href")!;

        var shown = await client.GetDocumentAsync(reveal);

        Assert.Equal("Телефон: +7 913 000-00-01", shown.QuerySelector("#attestee-phone")!.TextContent.Trim());
        Assert.Equal("Электронная почта: svyaznaya@example.org", shown.QuerySelector("#attestee-email")!.TextContent.Trim());
        var view = Assert.Single(await ViewsAsync(teacher.Id));
        Assert.Equal(expertA.Id, view.By);
        Assert.Equal(factory.Clock.GetUtcNow(), view.At, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Another_expert_gets_404_and_nothing_is_recorded()
    {
        var expertA = await _cabinet.CreateExpertAsync("contacts.iso.a", "Фёдоров", "Алексей", "Николаевич");
        var expertB = await _cabinet.CreateExpertAsync("contacts.iso.b", "Орлова", "Ирина", "Олеговна");
        var outsider = await _cabinet.CreateExpertAsync("contacts.iso.c", "Чужой", "Виктор", "Павлович");
        var teacher = await _cabinet.CreateTeacherAsync("contacts.iso.teacher", "Закрытая", "Ольга", "Владимировна");
        var @operator = await _cabinet.CreateOperatorAsync("contacts.iso.operator");
        var start = _cabinet.NextOpenPeriodStart();
        var id = await _cabinet.ScheduledApplicationAsync(teacher, expertA, expertB, start);
        await _cabinet.MakeVisibleAsync(start, _cabinet.Directory.Tomsk.Id, @operator);
        using var client = await factory.SignInAsync("contacts.iso.c");
        using var teacherClient = await factory.SignInAsync("contacts.iso.teacher");

        using (var response = await client.GetAsync(ContactsUrl(id)))
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using (var response = await teacherClient.GetAsync(ContactsUrl(id)))
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await ViewsAsync(teacher.Id));
    }

    private async Task<List<AccountEvent>> ViewsAsync(Guid teacherId)
    {
        await using var db = factory.OpenDb();
        return await db.AccountEvents.AsNoTracking().Where(e => e.UserId == teacherId && e.Kind == AccountEventKind.ContactsViewed).ToListAsync();
    }
}
