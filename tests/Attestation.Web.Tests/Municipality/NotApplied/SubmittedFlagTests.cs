using Attestation.Web.Data;
using Attestation.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Tests.Municipality.NotApplied;

/// <summary>
/// The account's flag «has submitted an application» (Data/ReadModel/SubmittedTeachers.cs) follows the applications
/// whoever writes them, and a save of the account never puts an older value back: «не подавшие заявление» reads it.
/// </summary>
public sealed class SubmittedFlagTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private TestDirectory Directory => factory.Directory;

    [Fact]
    public async Task The_flag_is_set_by_a_submission_and_counted_again_when_a_submission_goes()
    {
        var first = await TeacherAsync("flag.first", "Флагова");
        var second = await TeacherAsync("flag.second", "Флаговая");

        var draft = await Coordinators.ApplicationAsync(factory, first, daysAgo: null);
        var afterDraft = await FlagAsync(first.Id);
        var submitted = await Coordinators.ApplicationAsync(factory, first, daysAgo: 2);
        var afterSubmission = await FlagAsync(first.Id);

        // Written straight in the table (an import, a correction by hand): the triggers still count.
        await SqlAsync($"""UPDATE "Applications" SET "SubmittedAt" = NULL WHERE "Id" = '{submitted.Id}'""");
        var afterUnsubmitted = await FlagAsync(first.Id);
        await SqlAsync($"""UPDATE "Applications" SET "SubmittedAt" = now() WHERE "Id" = '{submitted.Id}'""");
        await SqlAsync($"""UPDATE "Applications" SET "SubmittedAt" = now() - interval '1 day' WHERE "Id" = '{submitted.Id}'""");
        var afterResubmitted = await FlagAsync(first.Id);

        await SqlAsync($"""UPDATE "Applications" SET "TeacherId" = '{second.Id}' WHERE "Id" = '{submitted.Id}'""");
        var (firstAfterMove, secondAfterMove) = (await FlagAsync(first.Id), await FlagAsync(second.Id));

        // The draft given a submission by hand and deleted (only a draft may be): the other teacher keeps his flag,
        // the draft's loses it.
        await SqlAsync($"""UPDATE "Applications" SET "SubmittedAt" = now(), "TeacherId" = '{second.Id}' WHERE "Id" = '{draft.Id}'""");
        await SqlAsync($"""UPDATE "Applications" SET "TeacherId" = '{first.Id}' WHERE "Id" = '{submitted.Id}'""");
        var (firstBeforeDelete, secondBeforeDelete) = (await FlagAsync(first.Id), await FlagAsync(second.Id));
        await SqlAsync($"""DELETE FROM "Applications" WHERE "Id" = '{draft.Id}'""");
        var (firstAfterDelete, secondAfterDelete) = (await FlagAsync(first.Id), await FlagAsync(second.Id));

        Assert.False(afterDraft);
        Assert.True(afterSubmission);
        Assert.False(afterUnsubmitted);
        Assert.True(afterResubmitted);
        Assert.False(firstAfterMove);
        Assert.True(secondAfterMove);
        Assert.True(firstBeforeDelete);
        Assert.True(secondBeforeDelete);
        Assert.True(firstAfterDelete);
        Assert.False(secondAfterDelete);
    }

    [Fact]
    public async Task An_account_read_before_the_first_submission_and_saved_after_it_keeps_the_flag()
    {
        var teacher = await TeacherAsync("flag.save", "Сохранённая");
        await using var db = factory.OpenDb();
        var account = await db.Users.SingleAsync(u => u.Id == teacher.Id);

        await Coordinators.ApplicationAsync(factory, teacher, daysAgo: 1);
        account.WorkPhone = "+7 3822 00-00-00";
        account.LastName = "Пересохранённая";
        await db.SaveChangesAsync();

        Assert.False(account.HasSubmittedApplication);
        Assert.True(await FlagAsync(teacher.Id));
        await using var again = factory.OpenDb();
        Assert.Equal("Пересохранённая", await again.Users.Where(u => u.Id == teacher.Id).Select(u => u.LastName).SingleAsync());
    }

    private Task<AppUser> TeacherAsync(string login, string lastName) =>
        Coordinators.TeacherAsync(factory, login, Directory.Tomsk.Id, Directory.Lyceum.Id, Directory.SchoolTeacher.Id, lastName);

    private async Task<bool> FlagAsync(Guid teacherId)
    {
        await using var db = factory.OpenDb();
        return await db.Users.Where(u => u.Id == teacherId).Select(u => u.HasSubmittedApplication).SingleAsync();
    }

    private async Task SqlAsync(string sql)
    {
        await using var db = factory.OpenDb();
        await db.Database.ExecuteSqlRawAsync(sql);
    }
}
