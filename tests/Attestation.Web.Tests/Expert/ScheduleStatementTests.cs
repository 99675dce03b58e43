using System.Net;
using AngleSharp.Html.Parser;
using Attestation.Testing;
using static Attestation.Web.Tests.Expert.ExpertCabinet;

namespace Attestation.Web.Tests.Expert;

/// <summary>
/// «Индивидуальный график проведения аттестации» as a list page: a constant few statements (counted by
/// <see cref="StatementCounter"/>, not timed) however many attestees and colleagues it shows — the assignments
/// with their periods, municipalities and colleagues, then the schools' coordinators — besides the account's check.
/// </summary>
public sealed class ScheduleStatementTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private const int Statements = 2 + 1;

    private readonly ExpertCabinet _cabinet = new(factory);

    [Fact]
    public async Task The_experts_schedule_reads_two_statements_of_its_own_however_many_attestees_it_shows()
    {
        var expert = await _cabinet.CreateExpertAsync("stm.expert", "Фёдоров", "Алексей", "Николаевич");
        var first = await _cabinet.CreateExpertAsync("stm.colleague1", "Орлова", "Ирина", "Олеговна");
        var second = await _cabinet.CreateExpertAsync("stm.colleague2", "Громова", "Вера", "Павловна", _cabinet.Directory.Lyceum);
        await _cabinet.CreateSchoolCoordinatorAsync("stm.school", "Координаторова", _cabinet.Directory.Lyceum, "+7 3822 11-22-33");
        var @operator = await _cabinet.CreateOperatorAsync("stm.operator");
        var start = _cabinet.NextOpenPeriodStart();
        await _cabinet.ScheduledApplicationAsync(await _cabinet.CreateTeacherAsync("stm.teacher1", "Пичугина", "Ольга", "Владимировна"),
            expert, first, start);
        await _cabinet.MakeVisibleAsync(start, _cabinet.Directory.Tomsk.Id, @operator);
        using var client = await factory.SignInAsync("stm.expert");

        var (few, withFew) = await factory.GetCountingStatementsAsync(client, ScheduleUrl);
        few.Dispose();
        // The next period, scheduled while still open, then visible too: two periods, three attestees, two colleagues.
        var next = start.AddMonths(2);
        await _cabinet.ScheduledApplicationAsync(await _cabinet.CreateTeacherAsync("stm.teacher2", "Белоусова", "Зоя", "Николаевна"),
            second, expert, next);
        await _cabinet.ScheduledApplicationAsync(await _cabinet.CreateTeacherAsync("stm.teacher3", "Андреева", "Нина", "Ивановна"),
            first, expert, next);
        await _cabinet.MakeVisibleAsync(next, _cabinet.Directory.Tomsk.Id, @operator);
        using var later = await factory.SignInAsync("stm.expert"); // two months on: a new session
        var (more, withMore) = await factory.GetCountingStatementsAsync(later, ScheduleUrl);

        Assert.Equal(HttpStatusCode.OK, more.StatusCode);
        var page = new HtmlParser().ParseDocument(await more.Content.ReadAsStringAsync());
        more.Dispose();
        Assert.Equal(Statements, withFew);
        Assert.Equal(withFew, withMore);
        // What the one statement brings: each row's colleague; the second, the schools' coordinators.
        var rows = page.QuerySelectorAll(".schedule-period tbody tr")
            .ToDictionary(r => r.QuerySelector(".teacher a")!.TextContent.Trim(),
                r => (Other: r.QuerySelector(".other-expert")!.TextContent, School: r.QuerySelector(".coordinator")!.TextContent));
        Assert.Equal(2, page.QuerySelectorAll(".schedule-period").Length);
        Assert.Equal(["Андреева Нина Ивановна", "Белоусова Зоя Николаевна", "Пичугина Ольга Владимировна"], rows.Keys);
        Assert.Contains("Орлова Ирина Олеговна", rows["Пичугина Ольга Владимировна"].Other, StringComparison.Ordinal);
        Assert.Contains("Громова Вера Павловна", rows["Белоусова Зоя Николаевна"].Other, StringComparison.Ordinal);
        Assert.Contains("Орлова Ирина Олеговна", rows["Андреева Нина Ивановна"].Other, StringComparison.Ordinal);
        Assert.All(rows.Values, r => Assert.Contains("Координаторова", r.School, StringComparison.Ordinal));
    }
}
