using Attestation.Domain;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Authorization;

namespace Attestation.Web.Tests.School;

/// <summary>«Перспективный план»: the organisation's teachers month by month, from the ends of their legacy categories.</summary>
public sealed class PlanTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private TestDirectory Directory => factory.Directory;

    [Fact]
    public async Task The_plan_puts_each_teacher_in_the_month_his_cabinet_data_is_due_and_shows_no_other_organisation()
    {
        var today = RegionClock.Today(factory.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(RegionClock.RegionTimeZoneId));
        var year = SchoolYear.Containing(today);
        var september = year.FirstDay.AddMonths(3).AddDays(25);
        var february = year.FirstDay.AddMonths(8).AddDays(25);
        var nextYear = year.LastDay.AddMonths(3).AddDays(25);
        var first = await TeacherAsync("plan.september", "Сентябрёва", Directory.Lyceum.Id, september);
        var second = await TeacherAsync("plan.february", "Февралёва", Directory.Lyceum.Id, february);
        await TeacherAsync("plan.later", "Позднова", Directory.Lyceum.Id, nextYear);
        await TeacherAsync("plan.stranger", "Чужакова", Directory.Gymnasium.Id, september);
        await factory.CreateUserAsync(Roles.SchoolCoordinator, "plan.coordinator", u =>
        {
            u.MunicipalityId = Directory.Tomsk.Id;
            u.OrganisationId = Directory.Lyceum.Id;
        });

        using var client = await factory.SignInAsync("plan.coordinator");
        var page = await client.GetDocumentAsync("/School/Plan?year=" + Uri.EscapeDataString(year.ToString()));

        Assert.Equal([$"{year.StartYear}-09", $"{year.EndYear}-02"],
            page.QuerySelectorAll("[data-month]").Select(h => h.GetAttribute("data-month")));
        var tables = page.QuerySelectorAll("table.plan-month");
        Assert.Equal(first.ToString(), Assert.Single(tables[0].QuerySelectorAll("tbody tr")).GetAttribute("data-id"));
        Assert.Equal(second.ToString(), Assert.Single(tables[1].QuerySelectorAll("tbody tr")).GetAttribute("data-id"));
        var dates = TeacherPlanCalendar.For(september);
        Assert.Equal(
            ["Сентябрёва Анна Петровна", "первая, учитель", D(september), D(dates.CabinetDataBy), D(dates.MaterialsBy), D(dates.ApplicationBy), D(dates.ApplyBy)],
            tables[0].QuerySelectorAll("tbody td").Select(c => c.TextContent.Trim()));
        Assert.DoesNotContain("Чужакова", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Позднова", page.Body.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/School/Plan']"));

        var following = await client.GetDocumentAsync("/School/Plan?year=" + Uri.EscapeDataString(year.Following().ToString()));
        Assert.Contains("Позднова", following.Body!.TextContent, StringComparison.Ordinal);

        // Odd input falls back to the current year.
        var odd = await client.GetDocumentAsync("/School/Plan?year=" + Uri.EscapeDataString("<script>"));
        Assert.Contains("Сентябрёва", odd.Body!.TextContent, StringComparison.Ordinal);
    }

    private static string D(DateOnly date) => date.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Guid> TeacherAsync(string login, string lastName, int organisationId, DateOnly expiresOn)
    {
        var teacher = await factory.CreateUserAsync(Roles.Teacher, login, u =>
        {
            u.LastName = lastName;
            u.FirstName = "Анна";
            u.MiddleName = "Петровна";
            u.MunicipalityId = Directory.Tomsk.Id;
            u.OrganisationId = organisationId;
        });
        await using var db = factory.OpenDb();
        db.HeldCategories.Add(HeldCategory.Record(teacher.Id, QualificationCategory.First, "учитель", new DateOnly(2019, 1, 10),
            "1-р", null, legacyExpiresOn: expiresOn));
        await db.SaveChangesAsync();
        return teacher.Id;
    }
}
