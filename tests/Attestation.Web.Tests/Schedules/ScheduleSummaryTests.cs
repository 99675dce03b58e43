using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Documents;
using Microsoft.Extensions.DependencyInjection;
using MunicipalityEntity = Attestation.Domain.Directory.Municipality;

namespace Attestation.Web.Tests.Schedules;

/// <summary>
/// Which coordinator a schedule names (<see cref="ScheduleQueries.SummariesAsync"/>, one compiled statement with the
/// coordinators' role written into it): the one printing it when he is a coordinator of the municipality, else the
/// first by name with a work phone, never an account of another role or of another municipality.
/// </summary>
public sealed class ScheduleSummaryTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    [Fact]
    public async Task A_schedule_names_the_coordinator_printing_it_else_the_first_with_a_work_phone()
    {
        int municipalityId, neighbourId;
        await using (var db = factory.OpenDb())
        {
            var municipality = new MunicipalityEntity("Зырянский район");
            var neighbour = new MunicipalityEntity("Кожевниковский район");
            db.AddRange(municipality, neighbour);
            await db.SaveChangesAsync();
            (municipalityId, neighbourId) = (municipality.Id, neighbour.Id);
        }
        var withoutPhone = await User(Roles.MunicipalCoordinator, "summary.first", "Аверина", municipalityId, workPhone: null);
        var withPhone = await User(Roles.MunicipalCoordinator, "summary.second", "Борисова", municipalityId, "+7 (38243) 2-11-05");
        var teacher = await User(Roles.Teacher, "summary.teacher", "Абрамова", municipalityId, "+7 (38243) 2-00-01");
        // Several with a phone: the first by name, Ё among the Е (its code comes before every other capital's).
        await User(Roles.MunicipalCoordinator, "summary.neighbour.yo", "Ёлкина", neighbourId, "+7 (38244) 2-33-33");
        await User(Roles.MunicipalCoordinator, "summary.neighbour", "Акимова", neighbourId, "+7 (38244) 2-22-22");
        await User(Roles.MunicipalCoordinator, "summary.neighbour.ya", "Ярцева", neighbourId, "+7 (38244) 2-44-44");
        var period = Guid.NewGuid();

        // The portal's own context: a compiled query runs on the model it was compiled for.
        await using var scope = factory.Services.CreateAsyncScope();
        var read = scope.ServiceProvider.GetRequiredService<AttestationDbContext>();
        var alone = (await read.SummariesAsync(period, municipalityId, preferredCoordinator: null, default)).Single();
        Assert.Equal(municipalityId, alone.MunicipalityId);
        Assert.Equal("Борисова Галина Петровна", alone.CoordinatorName);
        Assert.Equal("+7 (38243) 2-11-05", alone.CoordinatorPhone);
        Assert.Equal((0, 0, 0), (alone.Complete, alone.Incomplete, alone.WithoutPeriod));

        var printedByFirst = (await read.SummariesAsync(period, municipalityId, withoutPhone.Id, default)).Single();
        Assert.Equal("Аверина Галина Петровна", printedByFirst.CoordinatorName);
        Assert.Null(printedByFirst.CoordinatorPhone);

        // A teacher's own account is not a coordinator's, whoever prints.
        var printedByTeacher = (await read.SummariesAsync(period, municipalityId, teacher.Id, default)).Single();
        Assert.Equal("Борисова Галина Петровна", printedByTeacher.CoordinatorName);

        var consolidated = await read.SummariesAsync(period, municipalityId: null, preferredCoordinator: withPhone.Id, default);
        Assert.Equal("Борисова Галина Петровна", consolidated.Single(s => s.MunicipalityId == municipalityId).CoordinatorName);
        Assert.Equal("Акимова Галина Петровна", consolidated.Single(s => s.MunicipalityId == neighbourId).CoordinatorName);
        Assert.Equal(consolidated.Count, consolidated.Select(s => s.MunicipalityId).Distinct().Count());
    }

    private Task<AppUser> User(string role, string login, string lastName, int municipalityId, string? workPhone) =>
        factory.CreateUserAsync(role, login, user =>
        {
            user.LastName = lastName;
            user.FirstName = "Галина";
            user.MiddleName = "Петровна";
            user.MunicipalityId = municipalityId;
            user.WorkPhone = workPhone;
        });
}
