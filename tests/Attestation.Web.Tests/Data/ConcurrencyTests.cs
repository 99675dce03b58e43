using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Attestation.Web.Tests.Data;

public sealed class ConcurrencyTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    [Fact]
    public async Task The_xmin_token_refuses_the_second_of_two_concurrent_saves_of_an_application()
    {
        var application = await StartDraftAsync("xmin.teacher");

        await using var first = factory.OpenDb();
        await using var second = factory.OpenDb();
        var firstCopy = await first.Applications.SingleAsync(a => a.Id == application.Id);
        var secondCopy = await second.Applications.SingleAsync(a => a.Id == application.Id);
        // Only the row itself changes here (no history event), so nothing but the xmin check can stop the second save.
        first.Entry(firstCopy).Property(a => a.LastName).CurrentValue = "Первая";
        second.Entry(secondCopy).Property(a => a.LastName).CurrentValue = "Вторая";

        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        Assert.Equal("Первая", await LastNameAsync(application.Id));
    }

    [Fact]
    public async Task Two_concurrent_domain_changes_of_an_application_end_in_a_concurrency_conflict()
    {
        var application = await StartDraftAsync("domain.conflict.teacher");
        var by = new Actor(application.TeacherId, Roles.Teacher);

        await using var first = factory.OpenDb();
        await using var second = factory.OpenDb();
        var firstCopy = await first.Applications.SingleAsync(a => a.Id == application.Id);
        var secondCopy = await second.Applications.SingleAsync(a => a.Id == application.Id);
        firstCopy.UpdateDraft(Details("Первая", factory.Directory.Lyceum.Id), by, factory.Clock.GetUtcNow());
        secondCopy.UpdateDraft(Details("Вторая", factory.Directory.Gymnasium.Id), by, factory.Clock.GetUtcNow());

        await first.SaveChangesAsync();
        // Every transition appends history event number N+1 to both copies; the pages can only tell the user
        // «Данные изменены другим пользователем» if this surfaces as a concurrency conflict, not as a duplicate key.
        var refused = await Assert.ThrowsAnyAsync<DbUpdateException>(() => second.SaveChangesAsync());
        Assert.True(refused is DbUpdateConcurrencyException,
            $"Expected DbUpdateConcurrencyException, got {refused.GetType().Name}: "
            + $"{(refused.InnerException as PostgresException)?.ConstraintName ?? refused.InnerException?.Message}");

        await using var check = factory.OpenDb();
        var saved = await check.Applications.AsNoTracking().Include(a => a.Events).SingleAsync(a => a.Id == application.Id);
        Assert.Equal("Первая", saved.LastName);
        Assert.Equal(factory.Directory.Lyceum.Id, saved.OrganisationId);
        Assert.Equal(Enumerable.Range(1, application.LastEventNumber + 1), saved.Events.Select(e => e.Number).Order());
    }

    private async Task<Application> StartDraftAsync(string login)
    {
        var directory = factory.Directory;
        var teacher = await factory.CreateUserAsync(Roles.Teacher, login);
        return await factory.Applications.Of(teacher)
            .With(details => details with
            {
                MunicipalityId = directory.Tomsk.Id,
                OrganisationId = directory.Lyceum.Id,
                PositionId = directory.SchoolTeacher.Id,
                SubjectId = directory.Mathematics.Id,
            })
            .AtAsync(ApplicationStage.Draft);
    }

    private async Task<string> LastNameAsync(Guid applicationId)
    {
        await using var db = factory.OpenDb();
        return await db.Applications.Where(a => a.Id == applicationId).Select(a => a.LastName).SingleAsync();
    }

    private ApplicationDetails Details(string lastName, int organisationId) => new()
    {
        LastName = lastName,
        FirstName = "Анна",
        MiddleName = "Сергеевна",
        MunicipalityId = factory.Directory.Tomsk.Id,
        OrganisationId = organisationId,
        PositionId = factory.Directory.SchoolTeacher.Id,
        SubjectId = factory.Directory.Mathematics.Id,
    };
}
