using System.Text.RegularExpressions;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Commission;
using Attestation.Domain.Directory;
using Attestation.Domain.Experts;
using Attestation.Domain.Periods;
using Attestation.Web.Authorization;
using Attestation.Web.Documents;
using Attestation.Web.Storage;
using Attestation.Web.Infrastructure;
using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using BogusGender = Bogus.DataSets.Name.Gender;

namespace Attestation.Web.Data.Demo;

/// <summary>
/// Seeds the demo region: the Tomsk municipalities and their organisations, positions and subjects, the periods of
/// the previous, current and next school years, approved experts, one account per role and about fifty applications
/// in every status, each taken through the real domain transitions so that its history reads like a real one.
/// Runs once (an advisory lock keeps two starting instances from seeding twice).
/// </summary>
public sealed partial class DemoSeeder(
    AttestationDbContext db,
    UserManager<AppUser> users,
    RegionTime region,
    IDocumentRenderer documents,
    IFileStore files,
    IOptions<DemoOptions> options,
    ILogger<DemoSeeder> logger)
{
    public const string TeacherLogin = "demo.teacher";
    public const string SchoolLogin = "demo.school";
    public const string MunicipalLogin = "demo.municipal";
    public const string ExpertLogin = "demo.expert";
    public const string OperatorLogin = "demo.operator";

    private const long SeedLockKey = 0x4154_5445_5354; // "ATTEST"

    private readonly Faker _faker = new("ru") { Random = new Randomizer(20261123) };
    private readonly Dictionary<(int Municipality, int Year), int> _registrationNumbers = [];
    private readonly Dictionary<Guid, CommissionMeeting> _meetings = [];
    private readonly Dictionary<ApplicationDocumentKind, byte[]> _scans = [];
    private HeldCategory? _established;
    private DateTimeOffset _now;
    private TimeZoneInfo _zone = null!;

    private sealed record Person(AppUser User, Actor Actor);

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SeedLockKey})", ct);
        if (await db.Users.AnyAsync(u => u.UserName == OperatorLogin, ct))
        {
            LogAlreadySeeded(logger);
            return;
        }

        _now = region.Now;
        _zone = region.Zone;

        var directory = await SeedDirectoryAsync(ct);
        var periods = await SeedPeriodsAsync(ct);
        var people = await SeedPeopleAsync(directory, ct);
        SeedInvitations(people);
        var lists = await SeedExpertListsAsync(directory, people, ct);
        await SeedApplicationsAsync(directory, periods, people, lists, ct);

        foreach (var period in periods.Values)
            period.CloseAutomaticallyIfDue(_now, _zone);
        await db.SaveChangesAsync(ct);
        var applications = await db.Applications.CountAsync(ct);
        await transaction.CommitAsync(ct);
        LogSeeded(logger, applications);
    }

    private sealed record Directory(
        Dictionary<string, Municipality> Municipalities,
        Dictionary<int, List<Organisation>> Organisations,
        Dictionary<string, Position> Positions,
        Dictionary<string, Subject> Subjects);

    private async Task<Directory> SeedDirectoryAsync(CancellationToken ct)
    {
        var municipalities = new Dictionary<string, Municipality>();
        foreach (var (name, _) in DemoRegion.Municipalities)
        {
            var municipality = new Municipality(name, shortName: null,
                isRegionalPseudo: name == DemoRegion.Regional,
                handsConclusionsToSubjectGroup: DemoRegion.SubjectGroupCities.Contains(name));
            municipalities[name] = municipality;
            db.Municipalities.Add(municipality);
        }

        var positions = DemoRegion.Positions.ToDictionary(p => p.Name, p => new Position(p.Name, p.IsVocational, p.IsMethodist));
        db.Positions.AddRange(positions.Values);
        var subjects = DemoRegion.Subjects.ToDictionary(s => s, s => new Subject(s));
        db.Subjects.AddRange(subjects.Values);
        await db.SaveChangesAsync(ct);

        var organisations = new Dictionary<int, List<Organisation>>();
        foreach (var (name, names) in DemoRegion.Municipalities)
        {
            var municipality = municipalities[name];
            organisations[municipality.Id] = names
                .Select(n => new Organisation(municipality.Id, n, shortName: null,
                    isVocational: n.Contains("колледж", StringComparison.Ordinal) || n.Contains("техникум", StringComparison.Ordinal)))
                .ToList();
            db.Organisations.AddRange(organisations[municipality.Id]);
        }
        await db.SaveChangesAsync(ct);
        return new Directory(municipalities, organisations, positions, subjects);
    }

    private async Task<Dictionary<(int Year, int Month), AttestationPeriod>> SeedPeriodsAsync(CancellationToken ct)
    {
        var current = SchoolYear.Containing(region.Today);
        var periods = new[] { current.Preceding(), current, current.Following() }
            .SelectMany(PeriodCalendar.Generate)
            .ToDictionary(p => (p.StartYear, p.StartMonth));
        db.Periods.AddRange(periods.Values);
        await db.SaveChangesAsync(ct);
        return periods;
    }

    private sealed record People(
        Person Teacher, Person School, Person Operator,
        Dictionary<int, Person> Coordinators,
        Dictionary<int, List<Person>> Experts,
        Dictionary<int, List<Person>> Teachers);

    /// <summary>Municipalities where the demo has applications, with how many teachers each.</summary>
    private static readonly (string Municipality, int Teachers, int Experts)[] ActiveMunicipalities =
    [
        (DemoRegion.Tomsk, 26, 6), ("ЗАТО Северск", 6, 3), ("Томский район", 6, 3), ("Асиновский район", 4, 2),
        ("Колпашевский район", 3, 2), (DemoRegion.Regional, 4, 2),
    ];

    private async Task<People> SeedPeopleAsync(Directory directory, CancellationToken ct)
    {
        var tomsk = directory.Municipalities[DemoRegion.Tomsk];
        var tomskSchool = directory.Organisations[tomsk.Id][0];
        var teacherPosition = directory.Positions["учитель"];

        var teacher = await CreateAsync(Roles.Teacher, TeacherLogin, "Пичугина", "Ольга", "Владимировна", u =>
        {
            u.MunicipalityId = tomsk.Id;
            u.OrganisationId = tomskSchool.Id;
            u.PositionId = teacherPosition.Id;
            u.SubjectId = directory.Subjects["математики"].Id;
        }, ct);
        var school = await CreateAsync(Roles.SchoolCoordinator, SchoolLogin, "Кузнецова", "Марина", "Петровна", u =>
        {
            u.MunicipalityId = tomsk.Id;
            u.OrganisationId = tomskSchool.Id;
            u.PositionId = directory.Positions["методист"].Id;
        }, ct);
        await SeedSchoolStaffAsync(tomsk.Id, tomskSchool.Id, teacherPosition.Id, directory, school, ct);
        var operatorPerson = await CreateAsync(Roles.Operator, OperatorLogin, "Соколова", "Елена", "Андреевна",
            u => u.WorkPhone = "+7 (3822) 90-20-55", ct);

        var coordinators = new Dictionary<int, Person>
        {
            [tomsk.Id] = await CreateAsync(Roles.MunicipalCoordinator, MunicipalLogin, "Лебедева", "Олеся", "Игоревна", u =>
            {
                u.MunicipalityId = tomsk.Id;
                u.WorkPhone = "+7 (3822) 46-03-17";
            }, ct),
        };
        var experts = new Dictionary<int, List<Person>>
        {
            [tomsk.Id] =
            [
                await CreateAsync(Roles.Expert, ExpertLogin, "Фёдоров", "Алексей", "Николаевич", u =>
                {
                    u.MunicipalityId = tomsk.Id;
                    u.OrganisationId = directory.Organisations[tomsk.Id][1].Id;
                    u.PositionId = teacherPosition.Id;
                    u.SubjectId = directory.Subjects["математики"].Id;
                }, ct),
            ],
        };
        var teachers = new Dictionary<int, List<Person>> { [tomsk.Id] = [teacher] };

        var index = 0;
        foreach (var (name, teacherCount, expertCount) in ActiveMunicipalities)
        {
            var municipality = directory.Municipalities[name];
            var organisations = directory.Organisations[municipality.Id];
            if (!coordinators.ContainsKey(municipality.Id))
            {
                coordinators[municipality.Id] = await CreateGeneratedAsync(Roles.MunicipalCoordinator, $"coord{++index:00}", u =>
                {
                    u.MunicipalityId = municipality.Id;
                    u.WorkPhone = _faker.Phone.PhoneNumber("+7 (382##) #-##-##");
                }, ct);
            }

            var expertList = experts.TryGetValue(municipality.Id, out var existing) ? existing : experts[municipality.Id] = [];
            while (expertList.Count < expertCount)
            {
                var organisation = _faker.PickRandom(organisations);
                var position = PickExpertPosition(directory, organisation);
                expertList.Add(await CreateGeneratedAsync(Roles.Expert, $"expert{++index:00}", u =>
                {
                    u.MunicipalityId = municipality.Id;
                    u.OrganisationId = organisation.Id;
                    u.PositionId = position.Id;
                    u.SubjectId = PickSubject(directory, position);
                }, ct));
            }

            var teacherList = teachers.TryGetValue(municipality.Id, out var known) ? known : teachers[municipality.Id] = [];
            while (teacherList.Count < teacherCount)
            {
                var position = PickTeacherPosition(directory, municipality);
                teacherList.Add(await CreateGeneratedAsync(Roles.Teacher, $"teacher{++index:00}", u =>
                {
                    u.MunicipalityId = municipality.Id;
                    u.OrganisationId = _faker.PickRandom(organisations).Id;
                    u.PositionId = position.Id;
                    u.SubjectId = PickSubject(directory, position);
                }, ct));
            }
        }
        return new People(teacher, school, operatorPerson, coordinators, experts, teachers);
    }

    /// <summary>A subject that goes with the position (<see cref="DemoRegion.SubjectsOf"/>), or none.</summary>
    private int? PickSubject(Directory directory, Position position)
    {
        var subjects = DemoRegion.SubjectsOf(position.Name);
        return subjects.Count == 0 ? null : directory.Subjects[_faker.PickRandom(subjects.ToList())].Id;
    }

    /// <summary>Experts are mostly teachers; «преподаватель» only where vocational education is given.</summary>
    private Position PickExpertPosition(Directory directory, Organisation organisation) =>
        organisation.IsVocational
            ? directory.Positions["преподаватель"]
            : _faker.Random.WeightedRandom(
                [directory.Positions["учитель"], directory.Positions["воспитатель"],
                 directory.Positions["педагог дополнительного образования"], directory.Positions["педагог-психолог"],
                 directory.Positions["учитель-логопед"]],
                [0.6f, 0.15f, 0.1f, 0.1f, 0.05f]);

    private Position PickTeacherPosition(Directory directory, Municipality municipality)
    {
        if (municipality.IsRegionalPseudo && _faker.Random.Bool())
            return directory.Positions["преподаватель"];
        return _faker.Random.WeightedRandom(
            [directory.Positions["учитель"], directory.Positions["воспитатель"],
             directory.Positions["педагог дополнительного образования"], directory.Positions["педагог-психолог"],
             directory.Positions["музыкальный руководитель"], directory.Positions["учитель-логопед"]],
            [0.55f, 0.2f, 0.1f, 0.05f, 0.05f, 0.05f]);
    }

    private async Task<Dictionary<int, ApprovedExpertList>> SeedExpertListsAsync(Directory directory, People people,
        CancellationToken ct)
    {
        var current = SchoolYear.Containing(region.Today);
        var lists = new Dictionary<int, ApprovedExpertList>();
        foreach (var year in new[] { current.Preceding(), current })
        {
            var list = new ApprovedExpertList(year, $"{_faker.Random.Int(900, 1400)}-р", year.FirstDay.AddDays(-20));
            foreach (var (municipalityId, experts) in people.Experts)
            {
                foreach (var expert in experts)
                    list.Add(expert.User.Id, municipalityId, expert.User.SubjectId, expert.User.PositionId);
            }
            lists[year.StartYear] = list;
            db.ApprovedExpertLists.Add(list);
        }
        await db.SaveChangesAsync(ct);
        return lists;
    }

    private async Task<Person> CreateGeneratedAsync(string role, string login, Action<AppUser> configure, CancellationToken ct)
    {
        var female = _faker.Random.Bool(0.8f);
        var gender = female ? BogusGender.Female : BogusGender.Male;
        var lastName = RussianWord(() => _faker.Name.LastName(gender));
        var firstName = RussianWord(() => _faker.Name.FirstName(gender));
        var middleName = _faker.PickRandom(female ? DemoRegion.FemalePatronymics : DemoRegion.MalePatronymics);
        return await CreateAsync(role, login, lastName, firstName, middleName, configure, ct, withPassword: false);
    }

    private string RussianWord(Func<string> draw)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var word = draw();
            if (RussianLetters().IsMatch(word))
                return word;
        }
        return _faker.PickRandom("Иванова", "Петрова", "Смирнова");
    }

    /// <summary>Generated people have no password: only the demo.* accounts sign in.</summary>
    private async Task<Person> CreateAsync(string role, string login, string lastName, string firstName, string middleName,
        Action<AppUser> configure, CancellationToken ct, bool withPassword = true)
    {
        var user = new AppUser
        {
            UserName = login,
            Email = $"{login}@attestation.example",
            EmailConfirmed = true,
            LastName = lastName,
            FirstName = firstName,
            MiddleName = middleName,
            PhoneNumber = _faker.Phone.PhoneNumber("+7 9## ###-##-##"),
            CreatedAt = _now.AddDays(-_faker.Random.Int(200, 900)),
        };
        configure(user);
        Check(withPassword ? await users.CreateAsync(user, options.Value.Password) : await users.CreateAsync(user), login);
        Check(await users.AddToRoleAsync(user, role), login);
        ct.ThrowIfCancellationRequested();
        return new Person(user, new Actor(user.Id, role));
    }

    /// <summary>
    /// The school coordinator's colleagues whose legacy categories end over the coming year (one without a category,
    /// one with «высшая» for good), so that «Педагоги организации» and «Перспективный план» show something.
    /// </summary>
    private async Task SeedSchoolStaffAsync(int municipalityId, int organisationId, int positionId, Directory directory,
        Person school, CancellationToken ct)
    {
        var today = RegionClock.Today(_now, _zone);
        (string Last, string First, string Middle, QualificationCategory Category, int? MonthsLeft)[] staff =
        [
            ("Ёлкина", "Светлана", "Игоревна", QualificationCategory.First, 4),
            ("Белова", "Наталья", "Сергеевна", QualificationCategory.Highest, 6),
            ("Громов", "Павел", "Андреевич", QualificationCategory.First, 9),
            ("Денисова", "Ирина", "Викторовна", QualificationCategory.Highest, 11),
            ("Жукова", "Татьяна", "Олеговна", QualificationCategory.First, 14),
            ("Зайцев", "Олег", "Николаевич", QualificationCategory.Highest, null),
            ("Климова", "Анна", "Юрьевна", QualificationCategory.None, null),
        ];
        var index = 0;
        foreach (var (last, first, middle, category, monthsLeft) in staff)
        {
            var person = await CreateAsync(Roles.Teacher, $"school.staff{++index:00}", last, first, middle, u =>
            {
                u.MunicipalityId = municipalityId;
                u.OrganisationId = organisationId;
                u.PositionId = positionId;
                u.SubjectId = directory.Subjects["математики"].Id;
            }, ct, withPassword: false);
            if (index == 1)
            {
                // A colleague's draft the school coordinator can add documents to on her behalf.
                db.Applications.Add(Application.StartDraft(person.User.Id, new PersonName(last, first, middle), municipalityId,
                    organisationId, positionId, directory.Subjects["математики"].Id, person.Actor, _now.AddDays(-2)));
            }
            if (category == QualificationCategory.None)
                continue;
            var record = monthsLeft is { } months
                ? HeldCategory.Record(person.User.Id, category, "учитель", new DateOnly(2020, 3, 16), $"{300 + index}-р",
                    new DateOnly(2020, 3, 16), legacyExpiresOn: today.AddMonths(months).AddDays(index))
                : HeldCategory.Record(person.User.Id, category, "учитель", new DateOnly(2024, 4, 18), $"{500 + index}-р",
                    new DateOnly(2024, 4, 18));
            db.HeldCategories.Add(record);
        }

        // «Циклограмма»: the August duties of this school year done; «Приглашения педагогам»: a newcomer invited.
        var year = SchoolYear.Containing(today);
        foreach (var duty in new[] { "order", "schedule" })
            db.SchoolDutyTicks.Add(new Domain.Schools.SchoolDutyTick(organisationId, year.StartYear, duty, school.User.Id, _now.AddDays(-20)));
        var (invitation, _) = Invitation.Create("novikova.newcomer@example.ru", Roles.Teacher, municipalityId, organisationId, school.Actor,
            _now.AddDays(-1), TimeSpan.FromDays(14), teacher: new InvitedTeacher("Новикова", "Дарья", "Алексеевна", positionId,
                directory.Subjects["математики"].Id));
        db.Invitations.Add(invitation);
    }

    private static void Check(IdentityResult result, string login)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(
                $"Demo account {login}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }

    [GeneratedRegex("^[А-ЯЁ][а-яё]+$")]
    private static partial Regex RussianLetters();

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data already present: nothing seeded")]
    private static partial void LogAlreadySeeded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data seeded: {Applications} applications")]
    private static partial void LogSeeded(ILogger logger, int applications);
}
