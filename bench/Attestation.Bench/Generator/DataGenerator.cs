using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Directory;
using Attestation.Domain.Experts;
using Attestation.Domain.Periods;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.Demo;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Storage;
using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using BogusGender = Bogus.DataSets.Name.Gender;

namespace Attestation.Bench.Generator;

/// <summary>How much a dataset holds: a region's ten years, or a country's.</summary>
internal sealed record Scale(string Name, int Municipalities, int Organisations, int Teachers, int Applications, int Experts,
    int SchoolCoordinators)
{
    public static Scale Region { get; } = new("region", 21, 600, 30_000, 150_000, 1_500, 60);

    public static Scale Country { get; } = new("country", 280, 8_000, 400_000, 2_000_000, 20_000, 800);
}

/// <summary>
/// Fills an empty database with a region's (or a country's) ten years of attestation through the portal's own model:
/// the directory and the people as the operator's pages make them, every application taken through the aggregate's
/// own transitions (draft, submission, registration or rejection, the schedule with two approved experts, the
/// conclusion, the signed copy, the coordinator's check, the commission's decision, a withdrawal) with the history
/// they record, and written with binary COPY (<see cref="ModelCopy"/>) a batch at a time. Deterministic for a seed.
/// </summary>
internal sealed class DataGenerator(string connectionString, Scale scale, int seed, TextWriter log)
{
    public const string Password = "Bench-2026!";

    private const int Batch = 20_000;

    private const int BurstTeachers = 1_000;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(RegionClock.RegionTimeZoneId);

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    private readonly Faker _faker = new("ru") { Random = new Randomizer(seed) };
    private readonly Random _random = new(seed);
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private readonly Dictionary<(int Municipality, int Year), int> _numbers = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private string _passwordHash = "";
    private Dictionary<string, Guid> _roles = [];
    private List<MunicipalityInfo> _municipalities = [];
    private List<Position> _positions = [];
    private List<Subject> _subjects = [];
    private List<AttestationPeriod> _periods = [];
    private Dictionary<int, ApprovedExpertList> _lists = [];
    private List<AppUser> _teachers = [];
    private Guid _operatorId;

    private sealed record MunicipalityInfo(int Id, string Name, List<int> Organisations, List<Guid> Experts, Guid CoordinatorId);

    public async Task<int> RunAsync(string? accountsPath, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 };
        await using (var db = Context(builder.ConnectionString))
        {
            Log($"migrating {builder.Database} on {builder.Host}:{builder.Port}");
            await db.Database.MigrateAsync(ct);
            if (await db.Applications.AnyAsync(ct) || await db.Users.AnyAsync(ct))
            {
                await log.WriteLineAsync($"The database {builder.Database} already holds data: the generator fills an empty one only.");
                return 2;
            }
            _roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
            _passwordHash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Password);
            await DirectoryAsync(db, ct);
        }

        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var db = Context(builder.ConnectionString))
        {
            await PeopleAsync(db, connection, ct);
            await PeriodsAndListsAsync(db, connection, ct);
            var accounts = await ApplicationsAsync(db, connection, ct);
            await ApprovalsAsync(db, connection, ct);
            await CountersAsync(connection, ct);
            // VACUUM as well: a database years in use has its old rows marked visible to all (autovacuum's work), so
            // that counts and walks over a covering index read the index alone; freshly copied rows would each be
            // looked up in the table until autovacuum came round to them, mid-run.
            Log("VACUUM (ANALYZE)");
            await ExecuteAsync(connection, "VACUUM (ANALYZE)", ct);
            await ReportAsync(connection, ct);
            if (accountsPath is not null)
                await WriteAccountsAsync(db, accounts, accountsPath, ct);
        }
        return 0;
    }

    private static AttestationDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<AttestationDbContext>().UseNpgsql(connectionString).Options);

    private void Log(string message) => log.WriteLine($"[{_clock.Elapsed:mm\\:ss}] {message}");

    /// <summary>Municipalities, organisations, positions and subjects, saved as the operator's pages save them.</summary>
    private async Task DirectoryAsync(AttestationDbContext db, CancellationToken ct)
    {
        _positions = DemoRegion.Positions.Select(p => new Position(p.Name, p.IsVocational, p.IsMethodist)).ToList();
        _subjects = DemoRegion.Subjects.Select(s => new Subject(s)).ToList();
        db.Positions.AddRange(_positions);
        db.Subjects.AddRange(_subjects);

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var municipalities = new List<Municipality>();
        foreach (var (name, _) in DemoRegion.Municipalities.Where(m => m.Name != DemoRegion.Regional).Take(scale.Municipalities - 1))
            municipalities.Add(new Municipality(name));
        names.UnionWith(municipalities.Select(m => m.Name));
        while (municipalities.Count < scale.Municipalities - 1)
        {
            var name = $"{_faker.Address.City()} район";
            if (names.Add(name))
                municipalities.Add(new Municipality(name));
            else if (names.Add($"{name} {municipalities.Count}"))
                municipalities.Add(new Municipality($"{name} {municipalities.Count}"));
        }
        municipalities.Add(new Municipality(DemoRegion.Regional, isRegionalPseudo: true));
        db.Municipalities.AddRange(municipalities);
        await db.SaveChangesAsync(ct);

        var kinds = new[] { "МБОУ СОШ", "МАОУ гимназия", "МАОУ лицей", "МБДОУ детский сад", "МБОУ ДО ДДТ", "МАОУ СОШ" };
        var organisations = new List<Organisation>();
        for (var i = 0; i < scale.Organisations; i++)
        {
            var municipality = municipalities[i % municipalities.Count];
            var kind = kinds[i % kinds.Length];
            organisations.Add(new Organisation(municipality.Id, $"{kind} № {i / municipalities.Count + 1} ({municipality.Name})",
                isVocational: municipality.IsRegionalPseudo && i % 3 == 0));
        }
        db.Organisations.AddRange(organisations);
        await db.SaveChangesAsync(ct);
        _municipalities = municipalities
            .Select(m => new MunicipalityInfo(m.Id, m.Name, organisations.Where(o => o.MunicipalityId == m.Id).Select(o => o.Id).ToList(), [], Guid.Empty))
            .ToList();
        Log($"directory: {municipalities.Count} municipalities, {organisations.Count} organisations");
    }

    /// <summary>The operator, a coordinator per municipality, school coordinators, experts and teachers.</summary>
    private async Task PeopleAsync(AttestationDbContext db, NpgsqlConnection connection, CancellationToken ct)
    {
        var users = new List<AppUser>();
        var roles = new List<IdentityUserRole<Guid>>();
        void Add(AppUser user, string role)
        {
            users.Add(user);
            roles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = _roles[role] });
        }

        var @operator = Person("operator", null, null);
        _operatorId = @operator.Id;
        Add(@operator, Roles.Operator);
        for (var i = 0; i < _municipalities.Count; i++)
        {
            var coordinator = Person($"coordinator{i + 1}", _municipalities[i].Id, _municipalities[i].Organisations.FirstOrDefault());
            coordinator.WorkPhone = $"+7 (3822) {_random.Next(10, 99)}-{_random.Next(10, 99)}-{_random.Next(10, 99)}";
            Add(coordinator, Roles.MunicipalCoordinator);
            _municipalities[i] = _municipalities[i] with { CoordinatorId = coordinator.Id };
        }
        for (var i = 0; i < scale.SchoolCoordinators; i++)
        {
            var municipality = _municipalities[i % _municipalities.Count];
            Add(Person($"school{i + 1}", municipality.Id, Pick(municipality.Organisations)), Roles.SchoolCoordinator);
        }
        for (var i = 0; i < scale.Experts; i++)
        {
            var municipality = _municipalities[i % _municipalities.Count];
            var expert = Person($"expert{i + 1}", municipality.Id, Pick(municipality.Organisations));
            Add(expert, Roles.Expert);
            municipality.Experts.Add(expert.Id);
        }
        for (var i = 0; i < scale.Teachers; i++)
        {
            var municipality = _municipalities[i % _municipalities.Count];
            var teacher = Person($"teacher{i + 1}", municipality.Id, Pick(municipality.Organisations));
            Add(teacher, Roles.Teacher);
            _teachers.Add(teacher);
        }

        var written = await ModelCopy.For<AppUser>(db).WriteAsync(connection, users, ct);
        // The accounts' roles are set once after the copy, not by the trigger for each role copied.
        await ExecuteAsync(connection, $"""ALTER TABLE "AspNetUserRoles" DISABLE TRIGGER "{AccountRoles.Trigger}";""", ct);
        await ModelCopy.For<IdentityUserRole<Guid>>(db).WriteAsync(connection, roles, ct);
        await ExecuteAsync(connection, $"""ALTER TABLE "AspNetUserRoles" ENABLE TRIGGER "{AccountRoles.Trigger}";""", ct);
        await ExecuteAsync(connection, AccountRoles.Recount, ct);
        Log($"people: {written} users");
    }

    private AppUser Person(string login, int? municipalityId, int? organisationId)
    {
        var male = _random.Next(5) == 0;
        var gender = male ? BogusGender.Male : BogusGender.Female;
        var patronymics = male ? DemoRegion.MalePatronymics : DemoRegion.FemalePatronymics;
        var position = _positions[_random.Next(Math.Min(_positions.Count, 6))];
        var email = $"{login}@bench.example.org";
        return new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = login,
            NormalizedUserName = login.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            PasswordHash = _passwordHash,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            LastName = _faker.Name.LastName(gender),
            FirstName = _faker.Name.FirstName(gender),
            MiddleName = patronymics[_random.Next(patronymics.Length)],
            MunicipalityId = municipalityId,
            OrganisationId = organisationId,
            PositionId = municipalityId is null ? null : position.Id,
            SubjectId = position.Name == "учитель" ? _subjects[_random.Next(_subjects.Count)].Id : null,
            PhoneNumber = $"+7 9{_random.Next(10, 99)} {_random.Next(100, 999)}-{_random.Next(10, 99)}-{_random.Next(10, 99)}",
            CreatedAt = _now.AddYears(-10).AddDays(_random.Next(0, 300)),
        };
    }

    /// <summary>Ten school years of periods (the default calendar) and each year's approved list of experts.</summary>
    private async Task PeriodsAndListsAsync(AttestationDbContext db, NpgsqlConnection connection, CancellationToken ct)
    {
        var current = SchoolYear.Containing(RegionClock.Today(_now, Zone));
        var entries = new List<ApprovedExpert>();
        for (var start = current.StartYear - 9; start <= current.StartYear; start++)
        {
            var year = new SchoolYear(start);
            _periods.AddRange(PeriodCalendar.Generate(year));
            var list = new ApprovedExpertList(year, $"{100 + start % 100}-р", year.FirstDay.AddDays(-10));
            foreach (var municipality in _municipalities)
                foreach (var expert in municipality.Experts)
                    entries.Add(list.Add(expert, municipality.Id));
            _lists[start] = list;
        }
        await ModelCopy.For<AttestationPeriod>(db).WriteAsync(connection, _periods, ct);
        await ModelCopy.For<ApprovedExpertList>(db).WriteAsync(connection, _lists.Values, ct);
        await ModelCopy.For<ApprovedExpert>(db).WriteAsync(connection, entries, ct);
        Log($"periods: {_periods.Count}; approved experts: {entries.Count} entries over {_lists.Count} years");
    }

    /// <summary>The applications, a batch at a time: spread over the periods up to the coming ones, each teacher's years apart.</summary>
    private async Task<Accounts> ApplicationsAsync(AttestationDbContext db, NpgsqlConnection connection, CancellationToken ct)
    {
        var applications = ModelCopy.For<Application>(db);
        var events = ModelCopy.For<ApplicationEvent>(db);
        var documents = ModelCopy.For<ApplicationDocument>(db);
        var files = ModelCopy.For<StoredFile>(db);
        var held = ModelCopy.For<HeldCategory>(db);
        var positionNames = _positions.ToDictionary(p => p.Id, p => p.Name);
        var today = RegionClock.Today(_now, Zone);
        // Submitted for a period up to the ones still open for scheduling.
        var periods = _periods.Where(p => PeriodCalendar.RegistrationDeadline(p).AddDays(-40) <= today).OrderBy(p => p.StartDate).ToList();
        var accounts = new Accounts();
        var totals = (Applications: 0L, Events: 0L, Files: 0L, Categories: 0L);
        var batch = new List<Application>(Batch);
        var batchFiles = new List<StoredFile>(Batch * 3);
        var usedTeachers = new HashSet<Guid>();
        // The accounts' flags of submission and the counts kept of the conclusion stages and the schedules are set once
        // after the copy, not by the triggers for each row copied.
        await ExecuteAsync(connection, KeptTriggers(enable: false), ct);

        for (var i = 0; i < scale.Applications; i++)
        {
            var period = periods[(int)((long)i * periods.Count / scale.Applications)];
            // The last thousand teachers are kept without applications: the load test's deadline burst submits theirs.
            var teacher = _teachers[(int)((long)i * 7919 % (_teachers.Count - BurstTeachers))];
            usedTeachers.Add(teacher.Id);
            var application = Build(teacher, period, today, batchFiles);
            batch.Add(application);
            accounts.Note(application, teacher, period, today, _municipalities);
            if (batch.Count == Batch || i == scale.Applications - 1)
            {
                totals.Applications += (long)await applications.WriteAsync(connection, batch, ct);
                totals.Files += (long)await files.WriteAsync(connection, batchFiles, ct);
                totals.Events += (long)await events.WriteAsync(connection, batch.SelectMany(a => a.Events), ct);
                await documents.WriteAsync(connection, batch.SelectMany(a => a.Documents), ct);
                // The category each «установить» decision established, as the commission's meeting page records it.
                totals.Categories += (long)await held.WriteAsync(connection, batch
                    .Where(a => a.Status == ApplicationStatus.Decided && a.Decision is { Outcome: DecisionOutcome.Established })
                    .Select(a => a.CreateEstablishedCategory(positionNames[a.PositionId])), ct);
                batch.Clear();
                batchFiles.Clear();
                Log($"applications: {totals.Applications:N0} ({totals.Events:N0} events, {totals.Files:N0} files, {totals.Categories:N0} categories)");
            }
        }
        accounts.BurstTeachers = _teachers.Where(t => !usedTeachers.Contains(t.Id)).Take(BurstTeachers).Select(t => t.UserName!).ToList();
        await ExecuteAsync(connection, KeptTriggers(enable: true), ct);
        Log("accounts' flags of submission");
        await ExecuteAsync(connection, SubmittedTeachers.Recount, ct);
        Log("conclusion stages' counts");
        await ExecuteAsync(connection, ConclusionStageCount.Recount, ct);
        Log("schedules' counts");
        await ExecuteAsync(connection, PeriodScheduleCount.Recount + AwaitingPeriodCount.Recount, ct);
        return accounts;
    }

    /// <summary>The applications' triggers that keep the accounts' flags of submission and the counts kept of them.</summary>
    private static string KeptTriggers(bool enable) => string.Join('\n',
        KeptCounts.SwitchTriggers(enable, SubmittedTeachers.InsertOrDeleteTrigger, SubmittedTeachers.UpdateTrigger),
        ConclusionStageCount.SwitchTriggers(enable), PeriodScheduleCount.SwitchTriggers(enable), AwaitingPeriodCount.SwitchTriggers(enable));

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>One application taken as far as its period's place in time allows, through the aggregate.</summary>
    private Application Build(AppUser teacher, AttestationPeriod period, DateOnly today, List<StoredFile> files)
    {
        var municipality = _municipalities.First(m => m.Id == teacher.MunicipalityId);
        var coordinator = new Actor(municipality.CoordinatorId, Roles.MunicipalCoordinator);
        var by = new Actor(teacher.Id, Roles.Teacher);
        var scheduleBy = PeriodCalendar.ScheduleDeadline(period);
        var submitted = At(scheduleBy.AddDays(-_random.Next(15, 70)));
        var started = submitted.AddDays(-_random.Next(1, 10));

        var claimed = _random.Next(3) == 0 ? QualificationCategory.Highest : QualificationCategory.First;
        var distance = _random.Next(4) == 0;
        var pedagogical = _random.Next(3, 35);
        var details = new ApplicationDetails
        {
            LastName = teacher.LastName,
            FirstName = teacher.FirstName,
            MiddleName = teacher.MiddleName,
            MunicipalityId = teacher.MunicipalityId!.Value,
            OrganisationId = teacher.OrganisationId!.Value,
            PositionId = teacher.PositionId!.Value,
            SubjectId = teacher.SubjectId,
            CurrentCategory = claimed == QualificationCategory.Highest ? QualificationCategory.First : QualificationCategory.None,
            CurrentCategoryExpiresOn = claimed == QualificationCategory.Highest ? period.StartDate.AddMonths(_random.Next(1, 12)) : null,
            ClaimedCategory = claimed,
            Form = distance ? AttestationForm.Distance : AttestationForm.InPerson,
            LessonRecordingLink1 = distance ? "https://disk.example.org/lesson-1" : null,
            LessonRecordingLink2 = distance ? "https://disk.example.org/lesson-2" : null,
            EducationInstitution = "Томский государственный педагогический университет",
            EducationYear = _random.Next(1990, 2015),
            EducationSpeciality = "педагогика",
            EducationQualification = "учитель",
            PedagogicalServiceYears = pedagogical,
            PositionServiceYears = _random.Next(2, pedagogical + 1),
            OrganisationServiceYears = _random.Next(1, 15),
            ResultsGrounds = "Стабильные положительные результаты освоения обучающимися образовательных программ.",
            PersonalDataConsent = true,
        };
        var application = Application.StartDraft(teacher.Id, new PersonName(teacher.LastName, teacher.FirstName, teacher.MiddleName),
            details.MunicipalityId, details.OrganisationId, details.PositionId, details.SubjectId, by, started);
        application.UpdateDraft(details, by, started);
        if (submitted > _now || _random.Next(200) == 0)
            return application;
        application.AttachDocument(ApplicationDocumentKind.SignedApplication, Store(files, "Заявление подписанное.pdf", teacher.Id, started),
            "Заявление подписанное.pdf", by, started);
        application.Submit(by, submitted);

        var considered = submitted.AddDays(_random.Next(1, 12));
        var roll = _random.Next(100);
        if (considered > _now)
            return application;
        if (roll < 4)
        {
            application.Reject(coordinator, "Неверно указана должность.", considered);
            return application;
        }
        var on = RegionClock.Today(considered, Zone);
        var number = _numbers[(municipality.Id, on.Year)] = _numbers.GetValueOrDefault((municipality.Id, on.Year)) + 1;
        application.Register(coordinator, $"{number}/{on.Year}", on, considered);

        var scheduled = Min(considered.AddDays(_random.Next(1, 10)), At(scheduleBy));
        if (scheduled > _now || roll < 6)
            return Withdraw(application, roll < 5, considered.AddDays(2), by, coordinator);
        var experts = municipality.Experts;
        var a = Pick(experts);
        var b = experts[(experts.IndexOf(a) + 1 + _random.Next(experts.Count - 1)) % experts.Count];
        if (_random.Next(20) == 0 && scheduleBy >= today)
        {
            application.AssignPeriod(period, coordinator, scheduled, Zone);
            return application;
        }
        application.Schedule(period, a, b, _lists[period.SchoolYear.StartYear], coordinator, scheduled, Zone);
        if (roll < 9)
            return Withdraw(application, true, scheduled.AddDays(3), by, coordinator);

        var concluded = At(period.StartDate.AddDays(_random.Next(10, 40)));
        if (concluded > _now)
            return application;
        var expert = new Actor(a, Roles.Expert);
        var recommendation = _random.Next(12) == 0 ? Conformity.DoesNotCorrespond : Conformity.Corresponds;
        application.AttachConclusion(Store(files, "Итоговое заключение.pdf", a, concluded), recommendation, null, expert, concluded);
        var signed = concluded.AddDays(_random.Next(1, 5));
        if (signed > _now)
            return application;
        application.SignConclusion(Store(files, "Итоговое заключение подписанное.pdf", teacher.Id, signed), by, signed);
        var verified = signed.AddDays(_random.Next(1, 6));
        if (verified > _now)
            return application;
        application.Verify(recommendation, coordinator, verified);
        var decided = At(period.EndDate.AddDays(_random.Next(10, 25)));
        if (decided > _now)
            return application;
        application.Decide(new CommissionDecision(RegionClock.Today(decided, Zone), $"{period.StartMonth}-{period.StartYear % 100}",
                recommendation == Conformity.Corresponds ? DecisionOutcome.Established : DecisionOutcome.Refused),
            new Actor(_operatorId, Roles.Operator), decided);
        return application;
    }

    private Application Withdraw(Application application, bool withdraw, DateTimeOffset at, Actor teacher, Actor coordinator)
    {
        if (!withdraw || at > _now || !application.CanBeWithdrawn)
            return application;
        application.FileWithdrawal(WithdrawalReason.Health, null, byCoordinator: false, documentFileId: null, teacher, at);
        var registered = at.AddDays(_random.Next(1, 5));
        if (registered <= _now)
            application.RegisterWithdrawal(coordinator, registered);
        return application;
    }

    /// <summary>Every past period's schedules approved by the operator, as the consolidated schedule does after the closing.</summary>
    private async Task ApprovalsAsync(AttestationDbContext db, NpgsqlConnection connection, CancellationToken ct)
    {
        var approvals = new List<ScheduleApproval>();
        foreach (var period in _periods.Where(p => PeriodCalendar.ClosingTime(p, Zone).AddDays(3) < _now))
        {
            var at = PeriodCalendar.ClosingTime(period, Zone).AddDays(2);
            foreach (var municipality in _municipalities)
                approvals.Add(period.ApproveSchedule(municipality.Id, municipality.Name, _operatorId, at, Zone));
        }
        await ModelCopy.For<ScheduleApproval>(db).WriteAsync(connection, approvals, ct);
        Log($"schedule approvals: {approvals.Count}");
    }

    private async Task CountersAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY \"RegistrationCounters\" (\"MunicipalityId\", \"Year\", \"LastNumber\") FROM STDIN (FORMAT BINARY)", ct);
        foreach (var ((municipality, year), last) in _numbers)
            await importer.WriteRowAsync(ct, municipality, year, last);
        await importer.CompleteAsync(ct);
    }

    private async Task ReportAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        const string sql = """
            SELECT relname, n_live_tup FROM pg_stat_user_tables WHERE n_live_tup > 0 ORDER BY n_live_tup DESC;
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            Log($"  {reader.GetString(0),-28} {reader.GetInt64(1),12:N0}");
        await reader.CloseAsync();
        await using var size = new NpgsqlCommand("SELECT pg_size_pretty(pg_database_size(current_database()))", connection);
        Log($"database size: {await size.ExecuteScalarAsync(ct)}; done in {_clock.Elapsed:mm\\:ss}");
    }

    private async Task WriteAccountsAsync(AttestationDbContext db, Accounts accounts, string path, CancellationToken ct)
    {
        var login = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.UserName!, ct);
        var biggest = _municipalities.Where(m => m.Name != DemoRegion.Regional).MaxBy(m => accounts.Count(m.Id))!;
        var expert = accounts.BusyExpert();
        var json = new
        {
            password = Password,
            scale = scale.Name,
            @operator = new { login = login[_operatorId] },
            municipality = new { login = login[biggest.CoordinatorId], applicationId = accounts.ApplicationOf(biggest.Id) },
            expert = new { login = login[expert.Id], applicationId = expert.ApplicationId },
            teacher = new { login = login[accounts.TeacherId], applicationId = accounts.TeacherApplication },
            school = new { login = "school1" },
            openPeriodId = accounts.OpenPeriodId,
            burstTeachers = accounts.BurstTeachers,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(json, Indented), ct);
        Log($"accounts: {path}");
    }

    private static Guid Store(List<StoredFile> files, string name, Guid by, DateTimeOffset at)
    {
        var file = StoredFile.From(new ValidatedUpload(name, "application/pdf", Pdf), by, at);
        files.Add(file);
        return file.Id;
    }

    /// <summary>A working hour of the region's day.</summary>
    private DateTimeOffset At(DateOnly day) =>
        RegionClock.StartOfDay(day, Zone).AddHours(_random.Next(9, 18)).AddMinutes(_random.Next(60));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>What the load test signs in as and opens: the busiest municipality, an expert and a teacher with work now.</summary>
    private sealed class Accounts
    {
        private readonly Dictionary<int, int> _perMunicipality = [];
        private readonly Dictionary<int, Guid> _applicationOf = [];
        private readonly Dictionary<Guid, int> _expertLoad = [];
        private readonly Dictionary<Guid, Guid> _expertApplication = [];

        public Guid TeacherId { get; private set; }

        public Guid? TeacherApplication { get; private set; }

        public Guid? OpenPeriodId { get; private set; }

        public List<string> BurstTeachers { get; set; } = [];

        public void Note(Application application, AppUser teacher, AttestationPeriod period, DateOnly today,
            IReadOnlyList<MunicipalityInfo> municipalities)
        {
            _perMunicipality[application.MunicipalityId] = _perMunicipality.GetValueOrDefault(application.MunicipalityId) + 1;
            if (application.SubmittedAt is not null)
                _applicationOf[application.MunicipalityId] = application.Id;
            // An expert sees his attestees once the period's schedule is approved: a period under way.
            if (period.StartDate <= today && period.EndDate >= today && application.ExpertAId is { } expert)
            {
                _expertLoad[expert] = _expertLoad.GetValueOrDefault(expert) + 1;
                _expertApplication[expert] = application.Id;
            }
            if (PeriodCalendar.ScheduleDeadline(period) >= today)
                OpenPeriodId ??= period.Id;
            if (application.SubmittedAt is not null)
                (TeacherId, TeacherApplication) = (teacher.Id, application.Id);
        }

        public Guid ApplicationOf(int municipalityId) => _applicationOf[municipalityId];

        /// <summary>The expert with the most attestees in the periods not over, and one of them.</summary>
        public (Guid Id, Guid ApplicationId) BusyExpert()
        {
            var id = _expertLoad.MaxBy(e => e.Value).Key;
            return (id, _expertApplication[id]);
        }

        public int Count(int municipalityId) => _perMunicipality.GetValueOrDefault(municipalityId);
    }
}
