using System.Net;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Data;
using Attestation.Web.Notifications;
using Attestation.Web.Tests.Operator;
using Attestation.Web.Tests.Operator.Schedule;
using Attestation.Web.Tests.Teacher;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Tests.Notifications;

/// <summary>The letters of the people who work on an application: coordinators, experts, and the teacher's later news.</summary>
public sealed class EventLetterTests(MunicipalFactory factory) : IClassFixture<MunicipalFactory>
{
    private readonly MunicipalWorld _world = new(factory);

    [Fact]
    public async Task The_coordinators_of_the_teachers_municipality_hear_of_his_submission_and_withdrawal_and_no_one_else()
    {
        var cabinet = new TeacherCabinet(factory);
        var own = await factory.MunicipalCoordinatorAsync("events.coord.own", factory.Directory.Tomsk.Id);
        var foreign = await factory.MunicipalCoordinatorAsync("events.coord.foreign", factory.Directory.District.Id);
        await cabinet.CreateTeacherAsync("events.teacher");
        using var client = await factory.SignInAsync("events.teacher");

        var id = await cabinet.SubmittedApplicationAsync(client);

        var submitted = Assert.Single(await LettersAsync(LetterKind.ApplicationSubmitted, own.Id));
        Assert.Equal((own.Email, id), (submitted.To, submitted.ApplicationId));
        Assert.Contains("Зарегистрируйте или отклоните его не позднее", submitted.PlainText, StringComparison.Ordinal);
        Assert.Contains($"/Municipality/Applications/Details?id={id}", submitted.PlainText, StringComparison.Ordinal);
        Assert.Empty(await LettersAsync(LetterKind.ApplicationSubmitted, foreign.Id));
        await using (var db = factory.OpenDb())
        {
            var notice = await db.Notifications.SingleAsync(n => n.UserId == own.Id && n.Kind == LetterKind.ApplicationSubmitted);
            Assert.Equal($"/Municipality/Applications/Details?id={id}", notice.Link);
            Assert.False(await db.Notifications.AnyAsync(n => n.UserId == foreign.Id));
        }

        using var withdrawn = await client.SubmitFormAsync(TeacherCabinet.WithdrawUrl(id),
            new Dictionary<string, string> { ["Input.Reason"] = nameof(WithdrawalReason.Health) });

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var filed = Assert.Single(await LettersAsync(LetterKind.WithdrawalFiled, own.Id));
        Assert.Equal(StaffEmails.WithdrawalFiledSubject, filed.Subject);
        Assert.Contains("/Municipality/Withdrawals", filed.PlainText, StringComparison.Ordinal);
        Assert.Empty(await LettersAsync(LetterKind.WithdrawalFiled, foreign.Id));
        var mails = await factory.SentMailsAsync();
        Assert.Contains(mails, m => m.To == own.Email && m.Subject == StaffEmails.SubmittedSubject);
        Assert.DoesNotContain(mails, m => m.To == foreign.Email);
    }

    [Fact]
    public async Task The_experts_named_in_an_approved_schedule_are_told_once_with_how_many_they_attest()
    {
        var period = factory.ClosedPeriod;
        var scene = await ScheduleScene.CreateAsync(factory, _world, "Тегульдетский район", period);
        var neighbour = await ScheduleScene.CreateAsync(factory, _world, "Шегарский район", period);
        using var client = await new OperatorDesk(factory).SignInOperatorAsync("events.approve");

        using (var response = await OperatorDesk.ApproveAsync(client, period.Id, scene.MunicipalityId))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using (var again = await OperatorDesk.ApproveAsync(client, period.Id))
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        foreach (var expert in new[] { scene.ExpertA, scene.ExpertB })
        {
            var letter = Assert.Single(await LettersAsync(LetterKind.ScheduleApproved, expert.Id));
            Assert.Equal(StaffEmails.ScheduleApprovedSubject, letter.Subject);
            Assert.Contains($"Утверждён график аттестации на период «{period.Name}»: вы назначены специалистом по аттестации, аттестуемых: 2.",
                letter.PlainText, StringComparison.Ordinal);
        }
        // The neighbour's schedule was approved by «Утвердить все» afterwards: its experts are told then, once.
        Assert.Single(await LettersAsync(LetterKind.ScheduleApproved, neighbour.ExpertA.Id));
    }

    [Fact]
    public async Task An_expert_replaced_by_the_operator_is_told_and_so_is_the_one_who_takes_his_place()
    {
        var scene = await ScheduleScene.CreateAsync(factory, _world, "Кожевниковский район", factory.ClosedPeriod);
        var substitute = await _world.ExpertAsync(scene.Place, "Заменов");
        using var client = await new OperatorDesk(factory).SignInOperatorAsync("events.replace");

        using var response = await client.SubmitFormAsync($"/Operator/Schedule/Replace?id={scene.First.Id}", new Dictionary<string, string>
        {
            ["Input.OldExpertId"] = scene.ExpertB.Id.ToString(),
            ["Input.NewExpertId"] = substitute.Id.ToString(),
            ["Input.Reason"] = "Болезнь специалиста",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var assigned = Assert.Single(await LettersAsync(LetterKind.ExpertAssigned, substitute.Id));
        Assert.Contains($"Вы назначены специалистом по аттестации педагога {scene.First.FullName}", assigned.PlainText, StringComparison.Ordinal);
        var released = Assert.Single(await LettersAsync(LetterKind.ExpertReleased, scene.ExpertB.Id));
        Assert.Contains($"Вы больше не назначены специалистом по аттестации педагога {scene.First.FullName}", released.PlainText, StringComparison.Ordinal);
        Assert.Empty(await LettersAsync(LetterKind.ExpertAssigned, scene.ExpertA.Id));
        Assert.Empty(await LettersAsync(LetterKind.ExpertReleased, scene.ExpertA.Id));
    }

    [Fact]
    public async Task The_teacher_hears_that_the_conclusion_was_verified()
    {
        var place = await _world.MunicipalityAsync("Первомайский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var a = await _world.ExpertAsync(place, "Фёдоров");
        var b = await _world.ExpertAsync(place, "Громов");
        var application = await _world.ApplicationAsync(place, "Проверенная", ApplicationStage.ConclusionSigned, factory.ClosedPeriod, a, b);
        using var client = await factory.SignInAsync(coordinator.UserName!);

        using var response = await client.SubmitFormAsync($"/Municipality/Attestation/Verify?id={application.Id}", new Dictionary<string, string>
        {
            ["Input.AllPages"] = "true",
            ["Input.TeacherSigned"] = "true",
            ["Input.ExpertsSigned"] = "true",
            ["Input.RecommendationFilled"] = "true",
            ["Input.Mark"] = nameof(Conformity.Corresponds),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var letter = Assert.Single(await LettersAsync(LetterKind.ConclusionVerified, application.TeacherId));
        Assert.Equal((ApplicationEmails.ConclusionVerifiedSubject, application.Id), (letter.Subject, letter.ApplicationId));
        Assert.Contains("проверил итоговое заключение", letter.PlainText, StringComparison.Ordinal);
    }

    private async Task<List<OutboxMessage>> LettersAsync(LetterKind kind, Guid userId)
    {
        await using var db = factory.OpenDb();
        return await db.OutboxMessages.Where(m => m.Kind == kind && m.UserId == userId).ToListAsync();
    }
}
