using Attestation.Domain.Applications;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Areas.Operator.Pages.Directories;
using Attestation.Web.Authorization;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Tests.Municipality;
using Microsoft.EntityFrameworkCore;
using ConclusionsPage = Attestation.Web.Areas.Operator.Pages.Conclusions.IndexModel;

namespace Attestation.Web.Tests.Data;

/// <summary>
/// The applications of a period and municipality at each stage of the conclusion (Data/ReadModel/ConclusionStageCounts.cs)
/// follow the applications whoever changes them, the aggregate or a plain statement, and equal what counting the
/// applications gives; the operator's «Итоговые заключения» finds its pages from them.
/// </summary>
public sealed class ConclusionStageCountTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private TestDirectory Directory => factory.Directory;

    [Fact]
    public async Task The_counts_follow_each_application_through_the_stages_of_its_conclusion_and_out_of_the_period()
    {
        var (municipality, school) = await Coordinators.MunicipalityAsync(factory, "Стадийный район");
        var period = await factory.Applications.PeriodAsync(DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddMonths(7));
        var expertA = await factory.CreateUserAsync(Roles.Expert, "stages.expert.a", u => u.MunicipalityId = municipality);
        var expertB = await factory.CreateUserAsync(Roles.Expert, "stages.expert.b", u => u.MunicipalityId = municipality);
        async Task<Application> At(string login, ApplicationStage stage)
        {
            var teacher = await Coordinators.TeacherAsync(factory, login, municipality, school, Directory.SchoolTeacher.Id);
            return await Coordinators.Application(factory, teacher, daysAgo: 20)
                .Registered(at: factory.Clock.GetUtcNow().AddDays(-19))
                .Scheduled(period, expertA, expertB, factory.Clock.GetUtcNow().AddDays(-18))
                .AtAsync(stage);
        }

        var scheduled = await At("stages.scheduled", ApplicationStage.Scheduled);
        var uploaded = await At("stages.uploaded", ApplicationStage.ConclusionUploaded);
        var signed = await At("stages.signed", ApplicationStage.ConclusionSigned);
        var verified = await At("stages.verified", ApplicationStage.Verified);
        await At("stages.registered", ApplicationStage.Registered);
        var made = await CountsAsync(period.Id, municipality);

        await factory.Applications.Saved(scheduled.Id).AtAsync(ApplicationStage.Verified);
        await factory.Applications.Saved(verified.Id).AtAsync(ApplicationStage.Decided);
        var moved = await CountsAsync(period.Id, municipality);

        // Plain statements: one application out of the period, one moved to another municipality.
        await using (var db = factory.OpenDb())
        {
            await db.Database.ExecuteSqlAsync($"""UPDATE "Applications" SET "PeriodId" = NULL, "Status" = 'Registered' WHERE "Id" = {uploaded.Id}""");
            await db.Database.ExecuteSqlAsync($"""UPDATE "Applications" SET "MunicipalityId" = {Directory.Tomsk.Id} WHERE "Id" = {signed.Id}""");
        }
        var changed = await CountsAsync(period.Id, municipality);

        Assert.Equal(new Dictionary<ApplicationStatus, int>
        {
            [ApplicationStatus.Scheduled] = 1,
            [ApplicationStatus.ConclusionUploaded] = 1,
            [ApplicationStatus.ConclusionSigned] = 1,
            [ApplicationStatus.Verified] = 1,
        }, made);
        // A decided application has left the stages; a stage left with none has no row.
        Assert.Equal(new Dictionary<ApplicationStatus, int>
        {
            [ApplicationStatus.ConclusionUploaded] = 1,
            [ApplicationStatus.ConclusionSigned] = 1,
            [ApplicationStatus.Verified] = 1,
        }, moved);
        Assert.Equal(new Dictionary<ApplicationStatus, int> { [ApplicationStatus.Verified] = 1 }, changed);
        Assert.Equal(await CountedFromApplicationsAsync(period.Id, municipality), changed);
        Assert.Equal(new Dictionary<ApplicationStatus, int> { [ApplicationStatus.ConclusionSigned] = 1 }, await CountsAsync(period.Id, Directory.Tomsk.Id));
    }

    [Fact]
    public async Task The_conclusion_lists_summed_from_the_kept_groups_equal_the_lists_counted_over_the_applications()
    {
        var (municipality, school) = await Coordinators.MunicipalityAsync(factory, "Сводно-стадийный район");
        var start = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddMonths(7);
        var first = await factory.Applications.PeriodAsync(start);
        var second = await factory.Applications.PeriodAsync(start.AddMonths(2));
        var expertA = await factory.CreateUserAsync(Roles.Expert, "lists.expert.a", u => u.MunicipalityId = municipality);
        var expertB = await factory.CreateUserAsync(Roles.Expert, "lists.expert.b", u => u.MunicipalityId = municipality);
        var made = 0;
        async Task At(AttestationPeriod period, ApplicationStage stage)
        {
            var teacher = await Coordinators.TeacherAsync(factory, $"lists.teacher.{++made}", municipality, school, Directory.SchoolTeacher.Id);
            await Coordinators.Application(factory, teacher, daysAgo: 20)
                .Registered(at: factory.Clock.GetUtcNow().AddDays(-19))
                .Scheduled(period, expertA, expertB, factory.Clock.GetUtcNow().AddDays(-18))
                .AtAsync(stage);
        }
        foreach (var stage in new[] { ApplicationStage.Scheduled, ApplicationStage.ConclusionUploaded, ApplicationStage.Verified })
            await At(first, stage);
        foreach (var stage in new[] { ApplicationStage.Scheduled, ApplicationStage.ConclusionSigned, ApplicationStage.Verified, ApplicationStage.Verified })
            await At(second, stage);
        // The first period's conclusions are overdue on this day, the second's are not.
        var today = new DateOnly(first.StartYear, first.StartMonth, 1).AddMonths(2);

        await using var db = factory.OpenDb();
        var periods = await db.Periods.AsNoTracking().ToListAsync();
        foreach (var periodId in new Guid?[] { null, first.Id, second.Id })
        {
            var kept = await ConclusionsPage.KeptRowsAsync(db, periods, today, periodId, CancellationToken.None);
            var applications = db.Applications.AsNoTracking().Where(a => a.PeriodId != null && (periodId == null || a.PeriodId == periodId));
            var (scoped, conditions) = ConclusionsPage.Counting(applications, periods, today);
            var counted = await db.MunicipalityRowsAsync(scoped, conditions, CancellationToken.None);
            Assert.Equal(counted.Select(Shape).Order(), kept.Select(Shape).Order());
        }

        // Checked, awaiting the check, missing: each list and its part overdue (the first period's).
        var all = await ConclusionsPage.KeptRowsAsync(db, periods, today, periodId: null, CancellationToken.None);
        Assert.Equal([3, 1, 2, 1, 2, 1], all.Single(m => m.Id == municipality).Counts);
        var ofSecond = await ConclusionsPage.KeptRowsAsync(db, periods, today, second.Id, CancellationToken.None);
        Assert.Equal([2, 0, 1, 0, 1, 0], ofSecond.Single(m => m.Id == municipality).Counts);
    }

    private static string Shape(MunicipalityChoice row) => $"{row.Id}: {string.Join(", ", row.Counts)}";

    private async Task<Dictionary<ApplicationStatus, int>> CountsAsync(Guid periodId, int municipalityId)
    {
        await using var db = factory.OpenDb();
        return await db.ConclusionStageCounts.Where(c => c.PeriodId == periodId && c.MunicipalityId == municipalityId)
            .ToDictionaryAsync(c => c.Status, c => c.Count);
    }

    private async Task<Dictionary<ApplicationStatus, int>> CountedFromApplicationsAsync(Guid periodId, int municipalityId)
    {
        await using var db = factory.OpenDb();
        var stages = new[] { ApplicationStatus.Scheduled, ApplicationStatus.ConclusionUploaded, ApplicationStatus.ConclusionSigned, ApplicationStatus.Verified };
        return await db.Applications.Where(a => a.PeriodId == periodId && a.MunicipalityId == municipalityId && stages.Contains(a.Status))
            .GroupBy(a => a.Status).ToDictionaryAsync(g => g.Key, g => g.Count());
    }
}
