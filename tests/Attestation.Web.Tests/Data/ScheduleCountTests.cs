using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Tests.Municipality;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Tests.Data;

/// <summary>
/// The schedules' counts PostgreSQL keeps (Data/ReadModel/ScheduleCounts.cs): a period's applications of each municipality
/// with and without both experts, and each municipality's applications waiting for a period, follow the applications
/// whoever changes them, the aggregate or a plain statement, and equal what counting the applications gives.
/// </summary>
public sealed class ScheduleCountTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private TestDirectory Directory => factory.Directory;

    [Fact]
    public async Task The_counts_follow_each_application_into_a_period_to_its_experts_and_away_and_equal_the_applications_counted()
    {
        var (municipality, school) = await Coordinators.MunicipalityAsync(factory, "Графиковый район");
        var period = await factory.Applications.PeriodAsync(DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddMonths(7));
        var expertA = await factory.CreateUserAsync(Roles.Expert, "schedule.counts.a", u => u.MunicipalityId = municipality);
        var expertB = await factory.CreateUserAsync(Roles.Expert, "schedule.counts.b", u => u.MunicipalityId = municipality);
        async Task<Application> Registered(string login)
        {
            var teacher = await Coordinators.TeacherAsync(factory, login, municipality, school, Directory.SchoolTeacher.Id);
            return await Coordinators.Application(factory, teacher, daysAgo: 20)
                .Registered(at: factory.Clock.GetUtcNow().AddDays(-19))
                .AtAsync(ApplicationStage.Registered);
        }

        var first = await Registered("schedule.counts.first");
        var second = await Registered("schedule.counts.second");
        var third = await Registered("schedule.counts.third");
        var fourth = await Registered("schedule.counts.fourth");
        var submitted = await Coordinators.ApplicationAsync(factory,
            await Coordinators.TeacherAsync(factory, "schedule.counts.submitted", municipality, school, Directory.SchoolTeacher.Id), daysAgo: 3);
        var registered = await KeptAsync(period.Id, municipality);

        // The aggregate: one application into the period, one into it with both experts.
        await factory.Applications.Saved(first.Id).InPeriod(period).AtAsync(ApplicationStage.Registered);
        await factory.Applications.Saved(second.Id).Scheduled(period, expertA, expertB).AtAsync(ApplicationStage.Scheduled);
        var scheduled = await KeptAsync(period.Id, municipality);

        // Plain statements: an expert taken away, an application moved to another municipality, one taken to the
        // simplified form, the submitted one registered.
        await using (var db = factory.OpenDb())
        {
            await db.Database.ExecuteSqlAsync($"""UPDATE "Applications" SET "ExpertBId" = NULL WHERE "Id" = {second.Id}""");
            await db.Database.ExecuteSqlAsync($"""UPDATE "Applications" SET "MunicipalityId" = {Directory.Tomsk.Id} WHERE "Id" = {first.Id}""");
            await db.Database.ExecuteSqlAsync($"""UPDATE "Applications" SET "MunicipalityId" = {Directory.Tomsk.Id} WHERE "Id" = {fourth.Id}""");
            await db.Database.ExecuteSqlAsync($"""UPDATE "Applications" SET "SimplifiedGrounds" = 'Высшая категория' WHERE "Id" = {third.Id}""");
            await db.Database.ExecuteSqlAsync($"""UPDATE "Applications" SET "Status" = 'Registered' WHERE "Id" = {submitted.Id}""");
        }
        var changed = await KeptAsync(period.Id, municipality);
        var tomsk = await KeptAsync(period.Id, Directory.Tomsk.Id);

        Assert.Equal((0, 0, 4), registered);
        Assert.Equal((1, 1, 2), scheduled);
        Assert.Equal((0, 1, 1), changed);
        Assert.Equal(1, tomsk.Incomplete);
        await using var check = factory.OpenDb();
        Assert.Equal(
            await check.Applications.Where(a => a.PeriodId != null)
                .GroupBy(a => new { a.PeriodId, a.MunicipalityId })
                .Select(g => new { g.Key.PeriodId, g.Key.MunicipalityId, Complete = g.Count(a => a.ExpertAId != null && a.ExpertBId != null), Incomplete = g.Count(a => a.ExpertAId == null || a.ExpertBId == null) })
                .OrderBy(g => g.PeriodId).ThenBy(g => g.MunicipalityId)
                .Select(g => $"{g.PeriodId} {g.MunicipalityId} {g.Complete} {g.Incomplete}").ToListAsync(),
            await check.PeriodScheduleCounts.OrderBy(c => c.PeriodId).ThenBy(c => c.MunicipalityId)
                .Select(c => $"{c.PeriodId} {c.MunicipalityId} {c.Complete} {c.Incomplete}").ToListAsync());
        Assert.Equal(
            await check.Applications.Where(ApplicationFilters.AwaitingPeriod).GroupBy(a => a.MunicipalityId)
                .OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}").ToListAsync(),
            await check.AwaitingPeriodCounts.OrderBy(c => c.MunicipalityId).Select(c => $"{c.MunicipalityId} {c.Count}").ToListAsync());
    }

    private async Task<(int Complete, int Incomplete, int Awaiting)> KeptAsync(Guid periodId, int municipalityId)
    {
        await using var db = factory.OpenDb();
        var period = await db.PeriodScheduleCounts.SingleOrDefaultAsync(c => c.PeriodId == periodId && c.MunicipalityId == municipalityId);
        var awaiting = await db.AwaitingPeriodCounts.SingleOrDefaultAsync(c => c.MunicipalityId == municipalityId);
        return (period?.Complete ?? 0, period?.Incomplete ?? 0, awaiting?.Count ?? 0);
    }
}
