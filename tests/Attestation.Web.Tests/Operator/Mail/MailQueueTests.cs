using System.Net;
using AngleSharp.Dom;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Notifications;
using Attestation.Web.Tests.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attestation.Web.Tests.Operator.Mail;

public sealed class MailQueueTests(SmtpPortalFactory factory) : IClassFixture<SmtpPortalFactory>
{
    private const string Url = "/Operator/Mail";

    [Fact]
    public async Task The_operator_sees_a_failed_letter_with_the_servers_error_and_sends_it_again_once()
    {
        var teacher = await factory.CreateUserAsync(Roles.Teacher, "queue.failed");
        await QueueReminderAsync(teacher);
        // The server stays down for every attempt (Email:MaxAttempts is 3 here).
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(0, await factory.DeliverMailAsync());
            factory.Clock.Advance(TimeSpan.FromHours(1));
        }
        await factory.CreateUserAsync(Roles.Operator, "queue.operator");
        using var client = await factory.SignInAsync("queue.operator");

        var page = await client.GetDocumentAsync($"{Url}?q=queue.failed");

        var row = Assert.Single(page.QuerySelectorAll("#letters tbody tr"));
        Assert.Equal("queue.failed@example.org", Text(row, ".to"));
        Assert.Equal("3", Text(row, ".attempts"));
        Assert.False(string.IsNullOrWhiteSpace(Text(row, ".error")));
        Assert.NotEqual("—", Text(row, ".error"));
        Assert.Contains(ApplicationEmails.ReminderSubject, row.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", Text(page.QuerySelector("#lists [data-status=Failed]")!, ".count"));
        // Another address is not found.
        var other = await client.GetDocumentAsync($"{Url}?q=nobody.here");
        Assert.NotNull(other.QuerySelector("#empty"));

        using var retried = await client.SubmitFormAsync(page, $"{Url}?q=queue.failed", new Dictionary<string, string>(),
            formSelector: ".retry-form");
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        var after = await client.GetDocumentAsync(retried.RedirectPath()!);
        Assert.Equal($"Письмо «{ApplicationEmails.ReminderSubject}» на адрес queue.failed@example.org снова в очереди и будет отправлено в ближайшие минуты.",
            OperatorDesk.StatusMessage(after));
        Assert.NotNull(after.QuerySelector("#empty"));
        var letter = await LetterAsync();
        Assert.Equal((OutboxStatus.Waiting, 0), (letter.Status, letter.Attempts));

        // The same form posted again (a double click, a resent request) changes nothing and says so.
        using var again = await client.SubmitFormAsync(page, $"{Url}?q=queue.failed", new Dictionary<string, string>(),
            formSelector: ".retry-form");
        var refused = await client.GetDocumentAsync(again.RedirectPath()!);
        Assert.Equal("Письмо уже в очереди на отправку.", refused.QuerySelector("#refusal")?.TextContent.Trim());

        await using var sink = await SmtpSink.StartAsync(factory.SmtpPort);
        Assert.Equal(1, await factory.DeliverMailAsync());
        Assert.Equal(0, await factory.DeliverMailAsync());
        Assert.Single(sink.Received(), m => m.To == "queue.failed@example.org");
        Assert.Equal(OutboxStatus.Sent, (await LetterAsync()).Status);
        var sent = await client.GetDocumentAsync($"{Url}?show=Sent&q=queue.failed");
        Assert.Equal("queue.failed@example.org", Text(Assert.Single(sent.QuerySelectorAll("#letters tbody tr")), ".to"));
        Assert.Empty(sent.QuerySelectorAll(".retry-form"));
    }

    [Fact]
    public async Task Only_the_operator_opens_the_queue()
    {
        await factory.CreateUserAsync(Roles.MunicipalCoordinator, "queue.coordinator");
        using var client = await factory.SignInAsync("queue.coordinator");

        using var response = await client.GetAsync(Url);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<OutboxMessage> LetterAsync()
    {
        await using var db = factory.OpenDb();
        return await db.OutboxMessages.SingleAsync(m => m.To == "queue.failed@example.org");
    }

    private Task<int> QueueReminderAsync(AppUser teacher) =>
        factory.WithServicesAsync(services =>
        {
            services.GetRequiredService<ApplicationEmails>().QueueSubmissionReminder(
                new Recipient(teacher.Id, teacher.Email, teacher.FullName), new CoordinatorContact("Координаторова О. П.", null, null));
            return services.GetRequiredService<AttestationDbContext>().SaveChangesAsync();
        });

    private static string Text(IElement element, string selector) => element.QuerySelector(selector)?.TextContent.Trim() ?? "";
}
