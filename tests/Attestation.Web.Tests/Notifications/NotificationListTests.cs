using System.Net;
using AngleSharp.Html.Dom;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attestation.Web.Tests.Notifications;

public sealed class NotificationListTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Url = "/Notifications";

    [Fact]
    public async Task The_bell_counts_only_ones_own_unread_notices_and_the_list_shows_only_ones_own()
    {
        var own = await factory.CreateUserAsync(Roles.Teacher, "bell.own");
        var other = await factory.CreateUserAsync(Roles.Teacher, "bell.other");
        await NoticeAsync(own, "Своё первое");
        await NoticeAsync(own, "Своё второе");
        await NoticeAsync(other, "Чужое");
        using var client = await factory.SignInAsync("bell.own");

        var home = await client.GetDocumentAsync("/Teacher");
        Assert.Equal("2", home.QuerySelector("#bell-count")?.TextContent.Trim());
        var page = await client.GetDocumentAsync(home.QuerySelector("#bell")!.GetAttribute("href")!);

        Assert.Equal(["Своё второе", "Своё первое"], Titles(page));
        Assert.Equal("2", page.QuerySelector("#unread")?.TextContent.Trim());
        Assert.DoesNotContain("Чужое", page.Body!.TextContent, StringComparison.Ordinal);
        using var otherClient = await factory.SignInAsync("bell.other");
        var otherPage = await otherClient.GetDocumentAsync(Url);
        Assert.Equal(["Чужое"], Titles(otherPage));
        Assert.Equal("1", otherPage.QuerySelector("#bell-count")?.TextContent.Trim());
    }

    [Fact]
    public async Task Another_persons_notice_cannot_be_marked_or_opened()
    {
        var own = await factory.CreateUserAsync(Roles.Expert, "bell.thief");
        var other = await factory.CreateUserAsync(Roles.Teacher, "bell.victim");
        await NoticeAsync(own, "Своё");
        var foreign = await NoticeAsync(other, "Не твоё");
        using var client = await factory.SignInAsync("bell.thief");
        var page = await client.GetDocumentAsync(Url);

        using var read = await client.PostFormToAsync(page, $"{Url}?handler=Read&id={foreign}", new Dictionary<string, string>(),
            formSelector: ".read-form");
        using var open = await client.PostFormToAsync(page, $"{Url}?handler=Open&id={foreign}", new Dictionary<string, string>(),
            formSelector: ".open-form");
        using var all = await client.SubmitFormAsync(page, Url, new Dictionary<string, string>(), formSelector: "#read-all");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (read.StatusCode, open.StatusCode));
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        await using var db = factory.OpenDb();
        Assert.Null((await db.Notifications.SingleAsync(n => n.Id == foreign)).ReadAt);
        Assert.NotNull((await db.Notifications.SingleAsync(n => n.UserId == own.Id)).ReadAt);
    }

    [Fact]
    public async Task Reading_one_opening_one_and_reading_all_without_scripts()
    {
        var user = await factory.CreateUserAsync(Roles.Teacher, "bell.reader");
        await NoticeAsync(user, "Первое");
        await NoticeAsync(user, "Второе");
        await NoticeAsync(user, "Третье");
        using var client = await factory.SignInAsync("bell.reader");

        var page = await client.GetDocumentAsync(Url);
        using var opened = await client.SubmitFormAsync(page, Url, new Dictionary<string, string>(), formSelector: ".open-form");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/Teacher", opened.RedirectPath());

        page = await client.GetDocumentAsync(Url);
        Assert.Equal("2", page.QuerySelector("#bell-count")?.TextContent.Trim());
        Assert.Equal(["true", "false", "false"], page.QuerySelectorAll("#notifications li").Select(li => li.GetAttribute("data-read")));
        using var read = await client.SubmitFormAsync(page, Url, new Dictionary<string, string>(), formSelector: ".read-form");
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        page = await client.GetDocumentAsync(Url);
        Assert.Equal("1", page.QuerySelector("#bell-count")?.TextContent.Trim());

        using var all = await client.SubmitFormAsync(page, Url, new Dictionary<string, string>(), formSelector: "#read-all");
        page = await client.GetDocumentAsync(all.RedirectPath()!);
        Assert.Equal("Отмечено прочитанными: 1.", page.QuerySelector("[role=status]")?.TextContent.Trim());
        Assert.Null(page.QuerySelector("#bell-count"));
        Assert.Null(page.QuerySelector("#read-all"));
        Assert.All(page.QuerySelectorAll("#notifications li"), li => Assert.Equal("true", li.GetAttribute("data-read")));
    }

    [Fact]
    public async Task A_letter_reaches_the_persons_own_list_too_with_a_link_inside_the_portal()
    {
        var user = await factory.CreateUserAsync(Roles.Teacher, "bell.letter");
        // Composed outside a request, as a reminder job would: the letter's links on the public address.
        await using (var portal = factory.WithWebHostBuilder(builder =>
            builder.UseSetting("Email:PublicBaseUrl", "https://attestation.example.ru")))
        {
            using var scope = portal.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<ApplicationEmails>().QueueSubmissionReminder(
                new Recipient(user.Id, user.Email, user.FullName), new CoordinatorContact("Координаторова О. П.", null, null));
            await scope.ServiceProvider.GetRequiredService<AttestationDbContext>().SaveChangesAsync();
        }
        using var client = await factory.SignInAsync("bell.letter");

        var page = await client.GetDocumentAsync(Url);

        var notice = Assert.Single(page.QuerySelectorAll("#notifications li"));
        Assert.Equal(ApplicationEmails.ReminderSubject, notice.QuerySelector(".title")?.TextContent.Trim());
        Assert.Contains("заявление о проведении аттестации ещё не подано", notice.QuerySelector(".text")!.TextContent, StringComparison.Ordinal);
        // The notice links inside the portal; the letter beside it, on the public address.
        using var opened = await client.SubmitFormAsync(page, Url, new Dictionary<string, string>(), formSelector: ".open-form");
        Assert.Equal("/Teacher", opened.RedirectPath());
        await using var db = factory.OpenDb();
        var letter = await db.OutboxMessages.SingleAsync(m => m.UserId == user.Id);
        Assert.Contains("https://attestation.example.ru/Teacher", letter.PlainText, StringComparison.Ordinal);
    }

    private static List<string> Titles(IHtmlDocument page) =>
        page.QuerySelectorAll("#notifications .title").Select(t => t.TextContent.Trim()).ToList();

    private async Task<long> NoticeAsync(AppUser user, string title)
    {
        await using var db = factory.OpenDb();
        var notice = new Notification
        {
            UserId = user.Id,
            Kind = LetterKind.Registered,
            CreatedAt = factory.Clock.GetUtcNow(),
            Title = title,
            Text = $"{title}: текст",
            Link = "/Teacher",
        };
        db.Notifications.Add(notice);
        await db.SaveChangesAsync();
        return notice.Id;
    }
}
