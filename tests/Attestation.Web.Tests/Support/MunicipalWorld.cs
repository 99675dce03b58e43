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

    public Task<AppUser> CoordinatorAsync(Place place, string lastName = "Лебедева", string phone = People.CoordinatorWorkPhone) =>
        factory.MunicipalCoordinatorAsync($"coord{Next()}", place.Municipality.Id, lastName, phone);

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
    public async Task<Application> ApplicationAsync(Place place, string lastName, ApplicationStage stage,
        AttestationPeriod? period = null, AppUser? expertA = null, AppUser? expertB = null, bool simplified = false,
        int? subjectId = -1, int? organisationId = null, DateTimeOffset? submittedAt = null,
        AttestationForm form = AttestationForm.InPerson, Func<ApplicationBuilder, ApplicationBuilder>? adjust = null)
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
        var submitted = submittedAt ?? factory.Now.AddDays(-40);
        var application = factory.Applications.Of(teacher)
            .With(details => details with
            {
                SubjectId = subjectId == -1 ? directory.Mathematics.Id : subjectId,
                CurrentCategory = QualificationCategory.First,
                CurrentCategoryExpiresOn = new DateOnly(2027, 12, 24),
                ClaimedCategory = QualificationCategory.Highest,
                Form = form,
                LessonRecordingLink1 = form == AttestationForm.Distance ? "https://video.example.org/1" : null,
                LessonRecordingLink2 = form == AttestationForm.Distance ? "https://video.example.org/2" : null,
                SimplifiedGrounds = simplified ? "Победитель регионального конкурса «Учитель года»" : null,
            })
            .StartedAt(submitted.AddHours(-1))
            .SubmittedAt(submitted)
            .Registered(at: submitted.AddDays(3))
            .Concluded(Conformity.Corresponds, factory.Now.AddHours(-3))
            .SignedCopy(factory.Now.AddHours(-2))
            .Verified(Conformity.Corresponds, factory.Now.AddHours(-1))
            .Decided(at: factory.Now.AddMinutes(-30));
        if (expertA is not null && expertB is not null)
        {
            period ??= factory.OpenPeriod;
            // While the period was open: yesterday, or a week before the schedule deadline of a period closed since.
            var scheduledAt = period.IsOpenForScheduling(factory.Now, MunicipalFactory.Zone)
                ? factory.Now.AddDays(-1)
                : RegionClock.StartOfDay(PeriodCalendar.ScheduleDeadline(period).AddDays(-7), MunicipalFactory.Zone).AddHours(12);
            application.Scheduled(period, expertA, expertB, scheduledAt);
        }
        if (adjust is not null)
            application = adjust(application);
        return await application.AtAsync(stage);
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

    public static byte[] MinimalPdf => ApplicationBuilder.Pdf;

    public Task<Application> ReloadAsync(Guid id) => factory.Applications.LoadAsync(id);

    public static string Next() => Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture);
}
