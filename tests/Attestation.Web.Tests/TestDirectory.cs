using Attestation.Domain.Directory;
using Attestation.Testing;
using Attestation.Web.Data;
using MunicipalityEntity = Attestation.Domain.Directory.Municipality;

namespace Attestation.Web.Tests;

/// <summary>
/// A small directory saved through the domain constructors: the city of Tomsk with two schools, the Tomsk district with
/// one open and one closed school, two positions and two subjects.
/// </summary>
public sealed class TestDirectory
{
    public required MunicipalityEntity Tomsk { get; init; }
    public required MunicipalityEntity District { get; init; }
    public required Organisation Lyceum { get; init; }
    public required Organisation Gymnasium { get; init; }
    public required Organisation VillageSchool { get; init; }
    public required Organisation ClosedSchool { get; init; }
    public required Position SchoolTeacher { get; init; }
    public required Position Methodist { get; init; }
    public required Subject Mathematics { get; init; }
    public required Subject Physics { get; init; }

    public static async Task<TestDirectory> SeedAsync(AttestationDbContext db)
    {
        var tomsk = new MunicipalityEntity("Город Томск", "г. Томск", handsConclusionsToSubjectGroup: true);
        var district = new MunicipalityEntity("Томский район");
        var schoolTeacher = new Position("Учитель");
        var methodist = new Position("Методист", isMethodist: true);
        var mathematics = new Subject("математики");
        var physics = new Subject("физики");
        db.AddRange(tomsk, district, schoolTeacher, methodist, mathematics, physics);
        await db.SaveChangesAsync();

        var lyceum = new Organisation(tomsk.Id, "МАОУ лицей № 8 имени Н. Н. Рукавишникова г. Томска", "Лицей № 8");
        var gymnasium = new Organisation(tomsk.Id, "МАОУ гимназия № 6 г. Томска", "Гимназия № 6");
        var villageSchool = new Organisation(district.Id, "МБОУ «Корниловская СОШ» Томского района");
        var closedSchool = new Organisation(district.Id, "МБОУ «Лоскутовская ООШ» Томского района");
        closedSchool.Deactivate();
        db.AddRange(lyceum, gymnasium, villageSchool, closedSchool);
        await db.SaveChangesAsync();

        return new TestDirectory
        {
            Tomsk = tomsk,
            District = district,
            Lyceum = lyceum,
            Gymnasium = gymnasium,
            VillageSchool = villageSchool,
            ClosedSchool = closedSchool,
            SchoolTeacher = schoolTeacher,
            Methodist = methodist,
            Mathematics = mathematics,
            Physics = physics,
        };
    }
}

/// <summary>The portal on a database that already holds <see cref="TestDirectory"/>.</summary>
public class PortalWithDirectoryFactory : PortalFactory
{
    private TestDirectory? _directory;

    public TestDirectory Directory => _directory ?? throw new InvalidOperationException("The directory is seeded in InitializeAsync.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = OpenDb();
        _directory = await TestDirectory.SeedAsync(db);
    }
}
