using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Testing;
using Attestation.Web.Authorization;
using static Attestation.Web.Tests.Operator.OperatorDesk;

namespace Attestation.Web.Tests.Operator.Commission;

/// <summary>
/// «Решения аттестационной комиссии» in the school coordinator's cabinet: the decisions about the teachers of his own
/// organisation and of no other.
/// </summary>
public sealed class SchoolDecisionsTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly OperatorDesk _desk = new(factory);

    private TestDirectory Directory => factory.Directory;

    [Fact]
    public async Task A_school_coordinator_sees_the_decisions_about_his_organisations_teachers_only()
    {
        var period = await _desk.PastPeriodAsync();
        var lyceum = await _desk.AttesteeAsync("school.lyceum", "Орлова", QualificationCategory.Highest, period);
        var gymnasium = await _desk.AttesteeAsync("school.gymnasium", "Петрова", QualificationCategory.First, period,
            organisationId: Directory.Gymnasium.Id);
        var undecided = await _desk.AttesteeAsync("school.undecided", "Романова", QualificationCategory.First, period);
        var day = _desk.Today.AddDays(-7);
        var meetingId = await _desk.MeetingAsync(day, "11", lyceum, gymnasium, undecided);
        await _desk.DecideAsync(meetingId, DecisionOutcome.Established, null, lyceum);
        await _desk.DecideAsync(meetingId, DecisionOutcome.Refused, null, gymnasium);
        await SchoolCoordinatorAsync("school.coordinator.lyceum", Directory.Lyceum.Id);
        await SchoolCoordinatorAsync("school.coordinator.gymnasium", Directory.Gymnasium.Id);
        await SchoolCoordinatorAsync("school.coordinator.none", null);
        var date = day.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

        using (var client = await factory.SignInAsync("school.coordinator.lyceum"))
        {
            var page = await client.GetDocumentAsync("/School");
            var row = Assert.Single(page.QuerySelectorAll("#decisions tbody tr"));
            Assert.Equal(lyceum.ApplicationId.ToString(), row.GetAttribute("data-id"));
            Assert.Equal(
                ["Орлова Ольга Ивановна", "учитель математики", $"{date}, протокол № 11", "установить высшую квалификационную категорию", "ещё не издано"],
                row.QuerySelectorAll("td").Select(Text));
            Assert.DoesNotContain("Петрова", page.Body!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("Романова", page.Body.TextContent, StringComparison.Ordinal);
        }

        using (var client = await factory.SignInAsync("school.coordinator.gymnasium"))
        {
            var page = await client.GetDocumentAsync("/School");
            var row = Assert.Single(page.QuerySelectorAll("#decisions tbody tr"));
            Assert.Equal(gymnasium.ApplicationId.ToString(), row.GetAttribute("data-id"));
            Assert.Equal("отказать в установлении квалификационной категории", Text(row.QuerySelectorAll("td")[3]));
        }

        using (var client = await factory.SignInAsync("school.coordinator.none"))
        {
            var page = await client.GetDocumentAsync("/School");
            Assert.NotNull(page.QuerySelector("#no-organisation"));
            Assert.Null(page.QuerySelector("#decisions"));
        }

        // Once the order is recorded, the school sees it too.
        var later = await _desk.AttesteeAsync("school.later", "Соколова", QualificationCategory.Mentor, period);
        var second = await _desk.MeetingAsync(day, "12", later);
        await _desk.DecideAsync(second, DecisionOutcome.Established, ("99-р", day.AddDays(3)), later);
        using (var client = await factory.SignInAsync("school.coordinator.lyceum"))
        {
            var page = await client.GetDocumentAsync("/School");
            var row = page.QuerySelector($"#decisions tr[data-id='{later.ApplicationId}']")!;
            Assert.Equal("установить квалификационную категорию «педагог-наставник»", Text(row.QuerySelectorAll("td")[3]));
            Assert.Equal($"№ 99-р от {day.AddDays(3).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)}", Text(row.QuerySelector(".order")!));

            // Found by a part of the name, any case.
            var found = await client.GetDocumentAsync("/School?q=СОКОЛ");
            Assert.Equal([later.ApplicationId.ToString()], found.QuerySelectorAll("#decisions tbody tr").Select(r => r.GetAttribute("data-id")));
            Assert.Equal("Никого не нашлось.", Text((await client.GetDocumentAsync("/School?q=Петрова")).QuerySelector("#no-decisions")!));

            // A page of decisions at a time: the organisation with its name, the count and the page's rows, besides the bell.
            var (response, statements) = await factory.GetCountingStatementsAsync(client, "/School?p=2");
            using (response)
            {
                Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(3 + 1, statements);
            }
            var clamped = await client.GetDocumentAsync("/School?p=2");
            Assert.Equal(2, clamped.QuerySelectorAll("#decisions tbody tr").Length);
        }
    }

    private Task<Attestation.Web.Data.AppUser> SchoolCoordinatorAsync(string login, int? organisationId) =>
        factory.CreateUserAsync(Roles.SchoolCoordinator, login, user =>
        {
            user.MunicipalityId = Directory.Tomsk.Id;
            user.OrganisationId = organisationId;
        });
}
