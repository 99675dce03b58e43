using System.Globalization;
using System.Net;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;

namespace Attestation.Web.Tests.School;

/// <summary>«Педагоги организации»: the teachers of the coordinator's own organisation, filtered and searched.</summary>
public sealed class TeachersTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private TestDirectory Directory => factory.Directory;

    private DateOnly Today => RegionClock.Today(factory.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(RegionClock.RegionTimeZoneId));

    [Fact]
    public async Task A_school_coordinator_lists_his_organisations_teachers_only_with_filters_and_search()
    {
        var year = SchoolYear.Containing(Today);
        var expiring = await TeacherAsync("teachers.expiring", "Ёлкина", Directory.Lyceum.Id);
        var highest = await TeacherAsync("teachers.highest", "Орлова", Directory.Lyceum.Id);
        var without = await TeacherAsync("teachers.without", "Сидорова", Directory.Lyceum.Id);
        var stranger = await TeacherAsync("teachers.stranger", "Чужакова", Directory.Gymnasium.Id);
        await using (var db = factory.OpenDb())
        {
            db.HeldCategories.Add(HeldCategory.Record(expiring.Id, QualificationCategory.First, "учитель", new DateOnly(2019, 1, 10),
                "1-р", null, legacyExpiresOn: year.LastDay));
            db.HeldCategories.Add(HeldCategory.Record(highest.Id, QualificationCategory.Highest, "учитель", new DateOnly(2024, 1, 10),
                "2-р", null));
            db.HeldCategories.Add(HeldCategory.Record(stranger.Id, QualificationCategory.Highest, "учитель", new DateOnly(2024, 1, 10),
                "3-р", null));
            await db.SaveChangesAsync();
        }
        await factory.CreateUserAsync(Roles.SchoolCoordinator, "teachers.coordinator", u =>
        {
            u.MunicipalityId = Directory.Tomsk.Id;
            u.OrganisationId = Directory.Lyceum.Id;
        });

        using var client = await factory.SignInAsync("teachers.coordinator");
        var all = await client.GetDocumentAsync("/School/Teachers");
        Assert.Equal([expiring.Id.ToString(), highest.Id.ToString(), without.Id.ToString()],
            all.QuerySelectorAll("#teachers tbody tr").Select(r => r.GetAttribute("data-id")));
        Assert.DoesNotContain("Чужакова", all.Body!.TextContent, StringComparison.Ordinal);
        var row = all.QuerySelector($"#teachers tr[data-id='{expiring.Id}']")!;
        Assert.Equal("первая", row.QuerySelector(".category")!.TextContent.Trim());
        Assert.Equal(year.LastDay.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), row.QuerySelector(".expires")!.TextContent.Trim());
        Assert.Equal(year.LastDay.AddMonths(-3).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), row.QuerySelector(".apply-by")!.TextContent.Trim());
        Assert.NotNull(all.QuerySelector("a[href='/School/Teachers']"));

        Assert.Equal([expiring.Id.ToString()], await IdsAsync(client, "/School/Teachers?f=expiring"));
        Assert.Equal([without.Id.ToString()], await IdsAsync(client, "/School/Teachers?f=none"));
        Assert.Equal([highest.Id.ToString()], await IdsAsync(client, "/School/Teachers?f=highest"));
        // Part of a name, any case, «е» for «ё» and back.
        Assert.Equal([expiring.Id.ToString()], await IdsAsync(client, "/School/Teachers?q=" + Uri.EscapeDataString("елкин")));
        Assert.Equal([highest.Id.ToString()], await IdsAsync(client, "/School/Teachers?q=" + Uri.EscapeDataString("ОРЛ")));
        Assert.Empty(await IdsAsync(client, "/School/Teachers?q=" + Uri.EscapeDataString("Чужакова")));
        Assert.Empty(await IdsAsync(client, "/School/Teachers?q=" + Uri.EscapeDataString("%_\\'")));

        // Odd input is no error.
        using (var odd = await client.GetAsync("/School/Teachers?f=nonsense&p=-5&q=" + new string('я', 500)))
            Assert.Equal(HttpStatusCode.OK, odd.StatusCode);

        // The organisation, the count and the page's rows, besides the bell.
        var (response, statements) = await factory.GetCountingStatementsAsync(client, "/School/Teachers?f=expiring&q=" + Uri.EscapeDataString("ёлк"));
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(3 + 1, statements);
        }
    }

    [Fact]
    public async Task A_school_coordinator_without_an_organisation_sees_no_teachers()
    {
        await TeacherAsync("teachers.anyone", "Любая", Directory.Gymnasium.Id);
        await factory.CreateUserAsync(Roles.SchoolCoordinator, "teachers.nowhere", u => u.MunicipalityId = Directory.Tomsk.Id);

        using var client = await factory.SignInAsync("teachers.nowhere");
        var page = await client.GetDocumentAsync("/School/Teachers");
        Assert.NotNull(page.QuerySelector("#no-organisation"));
        Assert.Null(page.QuerySelector("#teachers"));
    }

    [Fact]
    public async Task Each_teacher_shows_his_highest_current_category_and_his_latest_application()
    {
        var now = factory.Clock.GetUtcNow();
        var twice = await TeacherAsync("teachers.latest.twice", "Дважды", Directory.Gymnasium.Id, Directory.SchoolTeacher.Id);
        var once = await TeacherAsync("teachers.latest.once", "Единожды", Directory.Gymnasium.Id, Directory.SchoolTeacher.Id);
        var never = await TeacherAsync("teachers.latest.never", "Никогда", Directory.Gymnasium.Id);
        await using (var db = factory.OpenDb())
        {
            db.HeldCategories.Add(HeldCategory.Record(twice.Id, QualificationCategory.First, "учитель", new DateOnly(2021, 1, 10), "4-р", null));
            db.HeldCategories.Add(HeldCategory.Record(twice.Id, QualificationCategory.Highest, "учитель", new DateOnly(2024, 1, 10), "5-р", null));
            db.HeldCategories.Add(HeldCategory.Record(once.Id, QualificationCategory.First, "учитель", new DateOnly(2024, 1, 10), "6-р", null));
            await db.SaveChangesAsync();
        }
        var rejected = await factory.Applications.Of(twice).StartedAt(now.AddDays(-60)).SubmittedAt(now.AddDays(-59))
            .AtAsync(ApplicationStage.Rejected);
        var latest = await factory.Applications.Of(twice).StartedAt(now.AddDays(-10)).SubmittedAt(now.AddDays(-9))
            .AtAsync(ApplicationStage.Submitted);
        var only = await factory.Applications.Of(once).StartedAt(now.AddDays(-30)).SubmittedAt(now.AddDays(-29))
            .AtAsync(ApplicationStage.Registered);
        await factory.CreateUserAsync(Roles.SchoolCoordinator, "teachers.latest.coordinator", u =>
        {
            u.MunicipalityId = Directory.Tomsk.Id;
            u.OrganisationId = Directory.Gymnasium.Id;
        });
        using var client = await factory.SignInAsync("teachers.latest.coordinator");

        var page = await client.GetDocumentAsync("/School/Teachers");

        var rows = page.QuerySelectorAll("#teachers tbody tr").ToDictionary(r => r.GetAttribute("data-id")!);
        var (twiceRow, onceRow, neverRow) = (rows[twice.Id.ToString()], rows[once.Id.ToString()], rows[never.Id.ToString()]);
        Assert.Equal("высшая", twiceRow.QuerySelector(".category")!.TextContent.Trim());
        Assert.Equal(ApplicationStatus.Submitted.ToRussian(), twiceRow.QuerySelector(".application")!.TextContent.Trim());
        Assert.Contains(latest.Id.ToString(), twiceRow.QuerySelector(".application a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.DoesNotContain(rejected.Id.ToString(), twiceRow.InnerHtml, StringComparison.Ordinal);
        Assert.Equal("первая", onceRow.QuerySelector(".category")!.TextContent.Trim());
        Assert.Equal(ApplicationStatus.Registered.ToRussian(), onceRow.QuerySelector(".application")!.TextContent.Trim());
        Assert.Contains(only.Id.ToString(), onceRow.QuerySelector(".application a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("не имеет", neverRow.QuerySelector(".category")!.TextContent.Trim());
        Assert.Equal("не подавал(а)", neverRow.QuerySelector(".application")!.TextContent.Trim());
        Assert.Null(neverRow.QuerySelector(".application a"));
    }

    private Task<AppUser> TeacherAsync(string login, string lastName, int organisationId, int? positionId = null) =>
        factory.CreateUserAsync(Roles.Teacher, login, u =>
        {
            u.PositionId = positionId;
            u.LastName = lastName;
            u.FirstName = "Анна";
            u.MiddleName = "Петровна";
            u.MunicipalityId = Directory.Tomsk.Id;
            u.OrganisationId = organisationId;
        });

    private static async Task<List<string?>> IdsAsync(HttpClient client, string url) =>
        (await client.GetDocumentAsync(url)).QuerySelectorAll("#teachers tbody tr").Select(r => r.GetAttribute("data-id")).ToList();
}
