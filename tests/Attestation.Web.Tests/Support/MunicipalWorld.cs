using System.Globalization;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Directory;
using Attestation.Domain.Experts;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Storage;
using Microsoft.EntityFrameworkCore;
using MunicipalityEntity = Attestation.Domain.Directory.Municipality;

namespace Attestation.Web.Tests.Support;

/// <summary>
/// The portal on the 5th of a month, 10:00 in Tomsk: the period starting this month is closed (its schedule was due by
/// the 12th of last month; the closing job has not run, the date alone closes it), the next two are open, and each of
/// their school years has an approved experts list.
/// </summary>
public class MunicipalFactory : PortalWithDirectoryFactory
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(RegionClock.RegionTimeZoneId);

    private AttestationPeriod? _closed;
    private AttestationPeriod? _open;
    private AttestationPeriod? _later;

    public AttestationPeriod ClosedPeriod => _closed ?? throw new InvalidOperationException("Seeded in InitializeAsync.");

    public AttestationPeriod OpenPeriod => _open ?? throw new InvalidOperationException("Seeded in InitializeAsync.");

    public AttestationPeriod LaterPeriod => _later ?? throw new InvalidOperationException("Seeded in InitializeAsync.");

    public DateTimeOffset Now => Clock.GetUtcNow();

    public DateOnly Today => RegionClock.Today(Now, Zone);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Forward only (the fake clock cannot go back): the 5th of next month.
        var today = RegionClock.Today(Clock.GetUtcNow(), Zone);
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        Clock.SetUtcNow(RegionClock.StartOfDay(month.AddDays(4), Zone).AddHours(10));

        _closed = new AttestationPeriod(month.Year, month.Month);
        var open = month.AddMonths(1);
        _open = new AttestationPeriod(open.Year, open.Month);
        var later = month.AddMonths(2);
        _later = new AttestationPeriod(later.Year, later.Month);

        await using var db = OpenDb();
        db.Periods.AddRange(_closed, _open, _later);
        foreach (var year in new[] { _closed, _open, _later }.Select(p => p.SchoolYear.StartYear).Distinct())
            db.ApprovedExpertLists.Add(new ApprovedExpertList(new SchoolYear(year), "1200-р", new DateOnly(year, 8, 20)));
        await db.SaveChangesAsync();
    }
}

/// <summary>How far an application is taken through the domain.</summary>
public enum Stage
{
    Draft,
    Submitted,
    Registered,
    Scheduled,
    ConclusionUploaded,
    ConclusionSigned,
    Verified,
}

/// <summary>Data built through the domain and Identity, as the portal itself would have it; unique logins throughout.</summary>
public sealed class MunicipalWorld(MunicipalFactory factory)
{
    private static int _counter;

    public sealed record Place(MunicipalityEntity Municipality, Organisation School, Organisation OtherSchool);

    /// <summary>A municipality of its own with two schools, so that tests do not see each other's applications.</summary>
    public async Task<Place> MunicipalityAsync(string name)
    {
        await using var db = factory.OpenDb();
        var municipality = new MunicipalityEntity($"{name} {Next()}");
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync();
        var school = new Organisation(municipality.Id, $"МАОУ СОШ № {Next()} ({name})");
        var other = new Organisation(municipality.Id, $"МАОУ гимназия № {Next()} ({name})");
        db.Organisations.AddRange(school, other);
        await db.SaveChangesAsync();
        return new Place(municipality, school, other);
    }

    public Task<AppUser> CoordinatorAsync(Place place, string lastName = "Лебедева", string phone = "+7 (3822) 46-03-17") =>
        factory.CreateUserAsync(Roles.MunicipalCoordinator, $"coord{Next()}", u =>
        {
            u.LastName = lastName;
            u.FirstName = "Олеся";
            u.MiddleName = "Игоревна";
            u.MunicipalityId = place.Municipality.Id;
            u.WorkPhone = phone;
        });

    /// <summary>An expert of the municipality, on the approved list of every test period's school year unless told otherwise.</summary>
    public async Task<AppUser> ExpertAsync(Place place, string lastName, int? organisationId = null, int? positionId = -1,
        int? subjectId = -1, bool approved = true, int? listedMunicipalityId = null)
    {
        var directory = factory.Directory;
        var expert = await factory.CreateUserAsync(Roles.Expert, $"expert{Next()}", u =>
        {
            u.LastName = lastName;
            u.FirstName = "Алексей";
            u.MiddleName = "Николаевич";
            u.MunicipalityId = place.Municipality.Id;
            u.OrganisationId = organisationId ?? place.OtherSchool.Id;
            u.PositionId = positionId == -1 ? directory.SchoolTeacher.Id : positionId;
            u.SubjectId = subjectId == -1 ? directory.Mathematics.Id : subjectId;
        });
        if (approved)
        {
            await using var db = factory.OpenDb();
            foreach (var list in await db.ApprovedExpertLists.Include(l => l.Entries).ToListAsync())
                list.Add(expert.Id, listedMunicipalityId ?? place.Municipality.Id);
            await db.SaveChangesAsync();
        }
        return expert;
    }

    /// <summary>
    /// A teacher and his application «учитель математики», «первая» → «высшая», taken to <paramref name="stage"/>;
    /// scheduling happens while <paramref name="period"/> was still open.
    /// </summary>
    public async Task<Application> ApplicationAsync(Place place, string lastName, Stage stage,
        AttestationPeriod? period = null, AppUser? expertA = null, AppUser? expertB = null, bool simplified = false,
        int? subjectId = -1, int? organisationId = null, DateTimeOffset? submittedAt = null,
        AttestationForm form = AttestationForm.InPerson)
    {
        var directory = factory.Directory;
        var teacher = await factory.CreateUserAsync(Roles.Teacher, $"teacher{Next()}", u =>
        {
            u.LastName = lastName;
            u.FirstName = "Мария";
            u.MiddleName = "Петровна";
            u.MunicipalityId = place.Municipality.Id;
            u.OrganisationId = organisationId ?? place.School.Id;
            u.PositionId = directory.SchoolTeacher.Id;
        });
        var by = new Actor(teacher.Id, Roles.Teacher);
        var coordinator = new Actor(Guid.CreateVersion7(), Roles.MunicipalCoordinator);
        var submitted = submittedAt ?? factory.Now.AddDays(-40);
        var subject = subjectId == -1 ? directory.Mathematics.Id : subjectId;
        var application = Application.StartDraft(teacher.Id, new PersonName(lastName, "Мария", "Петровна"),
            place.Municipality.Id, organisationId ?? place.School.Id, directory.SchoolTeacher.Id, subject, by,
            submitted.AddHours(-1));
        application.UpdateDraft(new ApplicationDetails
        {
            LastName = lastName,
            FirstName = "Мария",
            MiddleName = "Петровна",
            MunicipalityId = place.Municipality.Id,
            OrganisationId = organisationId ?? place.School.Id,
            PositionId = directory.SchoolTeacher.Id,
            SubjectId = subject,
            CurrentCategory = QualificationCategory.First,
            CurrentCategoryExpiresOn = new DateOnly(2027, 12, 24),
            ClaimedCategory = QualificationCategory.Highest,
            Form = form,
            LessonRecordingLink1 = form == AttestationForm.Distance ? "https://video.example.org/1" : null,
            LessonRecordingLink2 = form == AttestationForm.Distance ? "https://video.example.org/2" : null,
            SimplifiedGrounds = simplified ? "Победитель регионального конкурса «Учитель года»" : null,
            PersonalDataConsent = true,
        }, by, submitted.AddMinutes(-30));
        if (stage == Stage.Draft)
            return await SaveAsync(application);

        application.Submit(by, submitted);
        if (stage == Stage.Submitted)
            return await SaveAsync(application);

        var registeredAt = submitted.AddDays(3);
        application.Register(coordinator, $"{Next()}/{RegionClock.Today(registeredAt, MunicipalFactory.Zone).Year}",
            RegionClock.Today(registeredAt, MunicipalFactory.Zone), registeredAt);
        if (stage == Stage.Registered)
            return await SaveAsync(application);

        period ??= factory.OpenPeriod;
        await using (var db = factory.OpenDb())
        {
            var list = await db.ApprovedExpertLists.Include(l => l.Entries)
                .SingleAsync(l => l.SchoolYearStart == period.SchoolYear.StartYear);
            // While the period was open: yesterday, or a week before the schedule deadline of a period closed since.
            var scheduledAt = period.IsOpenForScheduling(factory.Now, MunicipalFactory.Zone)
                ? factory.Now.AddDays(-1)
                : RegionClock.StartOfDay(PeriodCalendar.ScheduleDeadline(period).AddDays(-7), MunicipalFactory.Zone).AddHours(12);
            application.Schedule(period, expertA!.Id, expertB!.Id, list, coordinator, scheduledAt, MunicipalFactory.Zone);
        }

        if (stage == Stage.Scheduled)
            return await SaveAsync(application);

        var conclusion = await FileAsync("Итоговое заключение.pdf", expertA.Id);
        application.AttachConclusion(conclusion, Conformity.Corresponds, null, new Actor(expertA.Id, Roles.Expert), factory.Now.AddHours(-3));
        if (stage == Stage.ConclusionUploaded)
            return await SaveAsync(application);

        var signed = await FileAsync("Итоговое заключение подписанное.pdf", teacher.Id);
        application.SignConclusion(signed, by, factory.Now.AddHours(-2));
        if (stage == Stage.ConclusionSigned)
            return await SaveAsync(application);

        application.Verify(Conformity.Corresponds, coordinator, factory.Now.AddHours(-1));
        return await SaveAsync(application);
    }

    /// <summary>A real stored PDF, as an upload would have left it.</summary>
    public async Task<Guid> FileAsync(string name, Guid by)
    {
        await using var db = factory.OpenDb();
        var file = StoredFile.From(new ValidatedUpload(name, "application/pdf", MinimalPdf), by, factory.Now.AddDays(-1));
        db.StoredFiles.Add(file);
        await db.SaveChangesAsync();
        return file.Id;
    }

    public static byte[] MinimalPdf => "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    public async Task<Application> ReloadAsync(Guid id)
    {
        await using var db = factory.OpenDb();
        return await db.Applications.AsNoTracking().Include(a => a.Events).SingleAsync(a => a.Id == id);
    }

    public static string Next() => Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture);

    private async Task<Application> SaveAsync(Application application)
    {
        await using var db = factory.OpenDb();
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application;
    }
}
