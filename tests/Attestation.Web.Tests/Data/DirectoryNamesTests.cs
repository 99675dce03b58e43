using Attestation.Domain.Directory;
using Attestation.Testing;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;
using Attestation.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attestation.Web.Tests.Data;

/// <summary>
/// The directories' names a list shows are held by the instance per version of the directories (DirectoryNameCache),
/// the version raised by PostgreSQL with every statement that changes a municipality, an organisation, a position or
/// a subject, and read with each signed-in request's account check: a name changed by anyone shows on the very next page.
/// </summary>
public sealed class DirectoryNamesTests(MunicipalFactory factory) : IClassFixture<MunicipalFactory>
{
    private readonly MunicipalWorld _world = new(factory);

    [Fact]
    public async Task A_school_renamed_in_the_database_by_anyone_shows_renamed_on_the_next_list_page()
    {
        var place = await _world.MunicipalityAsync("Район переименований");
        var coordinator = await _world.CoordinatorAsync(place);
        using var client = await factory.SignInAsync(coordinator.UserName!);
        await _world.ApplicationAsync(place, "Переименованная", ApplicationStage.Submitted);

        var before = await client.GetDocumentAsync("/Municipality/Registration?show=all");
        // As an import, a script or another instance of the portal would: a plain statement, nothing of this instance.
        var renamed = $"МАОУ лицей № {MunicipalWorld.Next()} (после переименования)";
        await using (var db = factory.OpenDb())
            await db.Database.ExecuteSqlAsync($"""UPDATE "Organisations" SET "Name" = {renamed} WHERE "Id" = {place.School.Id}""");
        var after = await client.GetDocumentAsync("/Municipality/Registration?show=all");

        Assert.Contains(place.School.Name, Row(before), StringComparison.Ordinal);
        Assert.Contains(renamed, Row(after), StringComparison.Ordinal);
        Assert.DoesNotContain(place.School.Name, after.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_statement_that_changes_a_directory_raises_the_version_and_the_names_are_read_anew_for_it()
    {
        var cache = factory.Services.GetRequiredService<DirectoryNameCache>();
        await using var db = factory.OpenDb();
        var first = await VersionAsync(db);
        var position = new Position($"педагог-организатор {MunicipalWorld.Next()}");
        db.Positions.Add(position);
        await db.SaveChangesAsync();
        var added = await VersionAsync(db);
        var withPosition = await cache.AtLeastAsync(db, added, CancellationToken.None);

        await db.Database.ExecuteSqlAsync($"""UPDATE "Positions" SET "Name" = 'старший вожатый' WHERE "Id" = {position.Id}""");
        var renamed = await VersionAsync(db);
        var withRename = await cache.AtLeastAsync(db, renamed, CancellationToken.None);
        var asked = await cache.AtLeastAsync(db, added, CancellationToken.None);
        await db.Database.ExecuteSqlAsync($"""UPDATE "Applications" SET "UpdatedAt" = "UpdatedAt" WHERE false""");

        Assert.True(added > first);
        Assert.True(renamed > added);
        Assert.Equal(position.Name, withPosition.Position(position.Id));
        Assert.Equal("старший вожатый", withRename.Position(position.Id));
        // An older version asked of the cache gets the newer names it holds, never older ones.
        Assert.Same(withRename, asked);
        // Other tables leave the version as it is.
        Assert.Equal(renamed, await VersionAsync(db));
    }

    [Fact]
    public async Task The_names_held_are_the_names_the_statement_would_look_up()
    {
        var place = await _world.MunicipalityAsync("Район сверки");
        var application = await _world.ApplicationAsync(place, "Сверочная", ApplicationStage.Registered);
        var expert = await _world.ExpertAsync(place, "Сверяющий");
        await using var db = factory.OpenDb();
        var names = await factory.Services.GetRequiredService<DirectoryNameCache>()
            .AtLeastAsync(db, await VersionAsync(db), CancellationToken.None);

        var lookedUp = await db.Applications.AsNoTracking().Where(a => a.Id == application.Id).ToRows(db).SingleAsync();
        var lookedUpPerson = await db.Users.AsNoTracking().Where(u => u.Id == expert.Id).ToPeople(db).SingleAsync();
        ApplicationRow held;
        PersonRow heldPerson;
        using (DirectoryNameSnapshot.Use(names))
        {
            held = await db.Applications.AsNoTracking().Where(a => a.Id == application.Id).ToRows(db).SingleAsync();
            heldPerson = await db.Users.AsNoTracking().Where(u => u.Id == expert.Id).ToPeople(db).SingleAsync();
        }

        Assert.Equal(
            (place.Municipality.Name, place.School.Name, factory.Directory.SchoolTeacher.Name, lookedUp.Subject),
            (lookedUp.Municipality, lookedUp.Organisation, lookedUp.Position, lookedUp.Subject));
        Assert.Equal(factory.Directory.Mathematics.Name, lookedUp.Subject);
        Assert.Equal((lookedUp.Municipality, lookedUp.Organisation, lookedUp.Position, lookedUp.Subject),
            (held.Municipality, held.Organisation, held.Position, held.Subject));
        Assert.Equal((place.Municipality.Name, place.OtherSchool.Name, factory.Directory.SchoolTeacher.Name, factory.Directory.Mathematics.Name),
            (lookedUpPerson.Municipality, lookedUpPerson.Organisation, lookedUpPerson.Position, lookedUpPerson.Subject));
        Assert.Equal((lookedUpPerson.Municipality, lookedUpPerson.Organisation, lookedUpPerson.Position, lookedUpPerson.Subject),
            (heldPerson.Municipality, heldPerson.Organisation, heldPerson.Position, heldPerson.Subject));
    }

    [Fact]
    public async Task The_municipalities_are_held_in_the_order_of_the_operators_lists_and_rows_are_sorted_by_their_places()
    {
        // Small and capital letters, «ё»: the alphabet's order, not the bytes'.
        await _world.MunicipalityAsync($"яблоневский район {MunicipalWorld.Next()}");
        await _world.MunicipalityAsync($"Ёлкинский район {MunicipalWorld.Next()}");
        await _world.MunicipalityAsync($"Асиновский район {MunicipalWorld.Next()}");
        await using var db = factory.OpenDb();
        var held = await factory.Services.GetRequiredService<DirectoryNameCache>().CurrentAsync(db, CancellationToken.None);
        var read = await db.Municipalities.AsNoTracking().Select(m => new { m.Id, m.Name, m.IsRegionalPseudo }).ToListAsync();
        var late = new { Id = int.MaxValue - 1, Name = "Аааа, добавленный после", IsRegionalPseudo = false };

        var expected = read.OrderBy(m => m.IsRegionalPseudo).ThenBy(m => m.Name, Alphabet.Russian).Select(m => m.Id).ToList();
        var shuffled = read.OrderBy(m => (m.Id * 7919) % 101).Append(late).ToList();
        List<int> byPlace;
        using (DirectoryNameSnapshot.Use(held))
            byPlace = [.. shuffled.InMunicipalityOrder(m => m.Id, m => m.IsRegionalPseudo, m => m.Name).Select(m => m.Id)];
        var byName = shuffled.InMunicipalityOrder(m => m.Id, m => m.IsRegionalPseudo, m => m.Name).Select(m => m.Id).ToList();

        Assert.Equal(expected, held.MunicipalitiesInOrder.Select(m => m.Id));
        // A municipality the version held does not know comes after those it knows.
        Assert.Equal([.. expected, late.Id], byPlace);
        Assert.Equal(late.Id, byName[0]);
        Assert.Equal(expected, byName.Skip(1));
    }

    private static string Row(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector("#journal tbody tr[data-id]")?.TextContent ?? "";

    private static Task<long> VersionAsync(Web.Data.AttestationDbContext db) => db.DirectoryVersions.MaxAsync(v => v.Version);
}
