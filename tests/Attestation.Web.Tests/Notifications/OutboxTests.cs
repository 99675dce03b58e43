using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attestation.Web.Tests.Notifications;

/// <summary>The portal delivering to its pickup folder, in small batches so that racing senders interleave.</summary>
public sealed class OutboxFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Email:BatchSize", "3");
    }
}

public sealed class OutboxTests(OutboxFactory factory) : IClassFixture<OutboxFactory>
{
    [Fact]
    public async Task A_letter_is_saved_in_the_transaction_of_its_change_and_is_gone_when_the_change_rolls_back()
    {
        var user = await factory.CreateUserAsync(Roles.Teacher, "outbox.tx");
        const string kept = "Письмо вместе с изменением", dropped = "Письмо отменённого изменения";

        await ChangeWithLetterAsync(user.Id, "+7 111", kept, commit: true);
        await ChangeWithLetterAsync(user.Id, "+7 222", dropped, commit: false);

        await using var db = factory.OpenDb();
        Assert.Equal("+7 111", (await db.Users.SingleAsync(u => u.Id == user.Id)).WorkPhone);
        var letter = await db.OutboxMessages.SingleAsync(m => m.Subject == kept);
        Assert.Equal((OutboxStatus.Waiting, 0, user.Id), (letter.Status, letter.Attempts, letter.UserId));
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Subject == dropped));
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.UserId == user.Id && n.Title == kept));
        Assert.False(await db.Notifications.AnyAsync(n => n.Title == dropped));
    }

    [Fact]
    public async Task A_page_queues_its_letter_and_only_the_sender_mails_it()
    {
        await factory.CreateUserAsync(Roles.Teacher, "outbox.reset");
        await factory.DeliverMailAsync();
        var before = SentMail.ReadAll(factory.MailDirectory).Count;
        using var client = factory.CreatePortalClient();

        using var response = await client.SubmitFormAsync("/Account/ForgotPassword",
            new Dictionary<string, string> { ["Input.Login"] = "outbox.reset" });

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before, SentMail.ReadAll(factory.MailDirectory).Count);
        await using (var db = factory.OpenDb())
            Assert.Equal(OutboxStatus.Waiting,
                (await db.OutboxMessages.SingleAsync(m => m.To == "outbox.reset@example.org")).Status);

        Assert.Equal(1, await factory.DeliverMailAsync());

        var mail = Assert.Single(SentMail.ReadAll(factory.MailDirectory).Skip(before));
        Assert.Equal((AccountEmails.PasswordResetSubject, "outbox.reset@example.org"), (mail.Subject, mail.To));
        Assert.Contains("/Account/ResetPassword", mail.PlainText, StringComparison.Ordinal);
        Assert.Contains("/Account/ResetPassword", mail.Html, StringComparison.Ordinal);
        await using (var db = factory.OpenDb())
        {
            var sent = await db.OutboxMessages.SingleAsync(m => m.To == "outbox.reset@example.org");
            Assert.Equal((OutboxStatus.Sent, 1), (sent.Status, sent.Attempts));
            SmtpDeliveryTests.AssertSameInstant(factory.Clock.GetUtcNow(), sent.SentAt!.Value);
            Assert.Contains(sent.MessageKey.ToString("N"), mail.MessageId, StringComparison.Ordinal);
        }
        Assert.Equal(0, await factory.DeliverMailAsync());
    }

    [Fact]
    public async Task Senders_racing_over_the_queue_send_each_letter_exactly_once()
    {
        await factory.DeliverMailAsync();
        // Each round queues 40 letters and lets four senders loose on them at one signal. Every round must send each
        // letter exactly once; at least one round must have been a real race (more than one sender sent something) —
        // a single round may not be on a loaded machine, where one sender can drain the queue before the others run.
        var raced = new List<string>();
        for (var round = 1; round <= 6 && !raced.Any(r => r.Split(", ").Count(c => c != "0") > 1); round++)
        {
            var subjects = Enumerable.Range(1, 40).Select(i => $"Гонка {round}-{i:D2}").ToList();
            await factory.WithServicesAsync(async services =>
            {
                var outbox = services.GetRequiredService<Outbox>();
                foreach (var subject in subjects)
                    outbox.Queue(new OutgoingLetter(LetterKind.Registered,
                        new EmailMessage($"race.{round}.{subject[^2..]}@example.org", subject, "Текст", "<p>Текст</p>")));
                return await services.GetRequiredService<AttestationDbContext>().SaveChangesAsync();
            });

            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var senders = Enumerable.Range(0, 4).Select(_ => Task.Run(() => factory.WithServicesAsync(async services =>
            {
                var sender = services.GetRequiredService<OutboxSender>();
                await go.Task;
                return await sender.RunOnceAsync(CancellationToken.None);
            }))).ToList();
            go.SetResult();
            var counts = await Task.WhenAll(senders);

            var received = SentMail.ReadAll(factory.MailDirectory)
                .Where(m => m.Subject.StartsWith($"Гонка {round}-", StringComparison.Ordinal)).ToList();
            Assert.Equal(subjects, received.Select(m => m.Subject).Order(StringComparer.Ordinal));
            Assert.Equal(subjects.Count, counts.Sum());
            raced.Add(string.Join(", ", counts));
        }

        Assert.True(raced.Any(r => r.Split(", ").Count(c => c != "0") > 1),
            $"Letters sent by each sender, round by round: {string.Join("; ", raced)}");
        await using var db = factory.OpenDb();
        var rows = await db.OutboxMessages.Where(m => m.Subject.StartsWith("Гонка")).ToListAsync();
        Assert.Equal(40 * raced.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal((OutboxStatus.Sent, 1, (Guid?)null), (r.Status, r.Attempts, r.LeaseId)));
    }

    private Task<int> ChangeWithLetterAsync(Guid userId, string phone, string subject, bool commit) =>
        factory.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AttestationDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var user = await db.Users.SingleAsync(u => u.Id == userId);
            user.WorkPhone = phone;
            services.GetRequiredService<Outbox>().Queue(new OutgoingLetter(LetterKind.Registered,
                new EmailMessage(user.Email!, subject, "Текст", "<p>Текст</p>"))
            {
                UserId = userId,
                Notice = new PortalNotice("Текст", "/Teacher"),
            });
            await db.SaveChangesAsync();
            if (commit)
                await transaction.CommitAsync();
            else
                await transaction.RollbackAsync();
            return 0;
        });
}
