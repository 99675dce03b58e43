using System.Net;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Tests.Teacher;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static Attestation.Web.Tests.Teacher.TeacherCabinet;

namespace Attestation.Web.Tests.Operations;

/// <summary>
/// The histories of applications and periods are append-only in PostgreSQL itself, whatever role connects (the
/// tables' owner included, as here): no UPDATE, no DELETE, no TRUNCATE; a submitted application cannot be deleted to
/// take its history with it. A draft still goes with its own history when the teacher deletes it, and an empty period
/// with its own when the operator removes it.
/// </summary>
public sealed class HistoryAppendOnlyTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly TeacherCabinet _cabinet = new(factory);

    private static async Task<PostgresException> RefusedAsync(DbContext db, string sql)
    {
        var refused = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(sql));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        return refused;
    }

    [Fact]
    public async Task A_submitted_applications_history_is_never_changed_nor_deleted_and_a_deleted_draft_takes_its_own()
    {
        await _cabinet.CreateTeacherAsync("history.append");
        using var client = await factory.SignInAsync("history.append");
        var submitted = await _cabinet.SubmittedApplicationAsync(client);
        var draft = await SaveDraftAsync(client, CompleteForm());
        await using var db = factory.OpenDb();
        var events = await db.ApplicationEvents.CountAsync(e => e.ApplicationId == submitted);
        Assert.True(events >= 2, $"{events} events of the submitted application");

        await RefusedAsync(db, $"""UPDATE "ApplicationEvents" SET "Description" = 'переписано' WHERE "ApplicationId" = '{submitted}'""");
        await RefusedAsync(db, $"""DELETE FROM "ApplicationEvents" WHERE "ApplicationId" = '{submitted}'""");
        await RefusedAsync(db, """TRUNCATE "ApplicationEvents" CASCADE""");
        var deleted = await RefusedAsync(db, $"""DELETE FROM "Applications" WHERE "Id" = '{submitted}'""");
        Assert.Contains("only a draft application is deleted", deleted.MessageText, StringComparison.Ordinal);
        await RefusedAsync(db, """TRUNCATE "Applications" CASCADE""");
        Assert.Equal(events, await db.ApplicationEvents.CountAsync(e => e.ApplicationId == submitted));
        Assert.DoesNotContain("переписано", await db.ApplicationEvents.Where(e => e.ApplicationId == submitted).Select(e => e.Description).ToListAsync());

        Assert.True(await db.ApplicationEvents.AnyAsync(e => e.ApplicationId == draft));
        var edit = await client.GetDocumentAsync(EditUrl(draft));
        using var response = await client.PostFormToAsync(edit, $"{EditUrl(draft)}&handler=Delete", CompleteForm());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await db.Applications.AnyAsync(a => a.Id == draft));
        Assert.False(await db.ApplicationEvents.AnyAsync(e => e.ApplicationId == draft));
    }

    [Fact]
    public async Task A_periods_history_is_never_changed_nor_deleted_but_goes_with_the_empty_period()
    {
        var operatorUser = await factory.CreateUserAsync(Roles.Operator, "history.operator");
        await using var db = factory.OpenDb();
        var kept = new AttestationPeriod(2040, 1);
        var removed = new AttestationPeriod(2040, 3);
        foreach (var period in new[] { kept, removed })
        {
            period.Close(operatorUser.Id, factory.Clock.GetUtcNow(), "Проверка истории");
            db.Periods.Add(period);
        }
        await db.SaveChangesAsync();
        Assert.True(await db.PeriodEvents.AnyAsync(e => e.PeriodId == kept.Id));

        await RefusedAsync(db, $"""UPDATE "PeriodEvents" SET "Description" = 'переписано' WHERE "PeriodId" = '{kept.Id}'""");
        await RefusedAsync(db, $"""DELETE FROM "PeriodEvents" WHERE "PeriodId" = '{kept.Id}'""");
        await RefusedAsync(db, """TRUNCATE "PeriodEvents" """);

        // The cascade of the period's own deletion (the operator removes only a period nothing refers to).
        Assert.Equal(1, await db.Database.ExecuteSqlAsync($"""DELETE FROM "Periods" WHERE "Id" = {removed.Id}"""));
        Assert.False(await db.PeriodEvents.AnyAsync(e => e.PeriodId == removed.Id));
        Assert.True(await db.PeriodEvents.AnyAsync(e => e.PeriodId == kept.Id));
    }
}
