using Attestation.Testing;
using static Attestation.Web.Tests.Teacher.TeacherCabinet;

namespace Attestation.Web.Tests.Teacher;

/// <summary>«Мои заявления» and the application page: status, the two clocks, period and experts, the history.</summary>
public sealed class FollowTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly TeacherCabinet _cabinet = new(factory);

    [Fact]
    public async Task My_applications_lists_only_the_teachers_own_applications_with_their_status()
    {
        await _cabinet.CreateTeacherAsync("follow.list");
        await _cabinet.CreateTeacherAsync("follow.list.other");
        using var client = await factory.SignInAsync("follow.list");
        using var other = await factory.SignInAsync("follow.list.other");
        var draft = await SaveDraftAsync(client, new Dictionary<string, string> { ["Input.ClaimedCategory"] = "Highest" });
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var submitted = await _cabinet.SubmittedApplicationAsync(client);
        var foreign = await SaveDraftAsync(other, CompleteForm());

        var page = await client.GetDocumentAsync(ApplicationsUrl);

        var rows = page.QuerySelectorAll("tbody tr").Select(row => new
        {
            Id = IdIn(row.QuerySelector("a")!.GetAttribute("href")!),
            Cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList(),
        }).ToList();
        Assert.Equal([submitted, draft], rows.Select(r => r.Id));
        // The row's link is the claim and the status (issue 15), then the dates.
        Assert.Equal(["На категорию «первая» — Подано", Date(_cabinet.Today), "очно", Date(_cabinet.Today), "—", "—"], rows[0].Cells);
        Assert.Equal(["На категорию «высшая» — Черновик", Date(_cabinet.Today), "—", "—", "—", "—"], rows[1].Cells);
        Assert.DoesNotContain(foreign.ToString(), page.Body!.InnerHtml, StringComparison.OrdinalIgnoreCase);

        var home = await client.GetDocumentAsync("/Teacher");
        Assert.Equal("Подано", home.QuerySelector("#current-status")!.TextContent.Trim());
        Assert.Equal(["Черновик"], home.QuerySelectorAll("#others .other-status").Select(b => b.TextContent.Trim()));
    }

    [Fact]
    public async Task The_consideration_deadline_is_thirty_days_from_the_submission_date_in_Tomsk()
    {
        // 18:30 UTC is 01:30 of the next day in Tomsk: the submission date is the 6th, not the 5th.
        var year = MoveClockToTheNext(10, 5, 18, 30);
        await _cabinet.CreateTeacherAsync("follow.deadline");
        using var client = await factory.SignInAsync("follow.deadline");

        var id = await _cabinet.SubmittedApplicationAsync(client);

        var details = await client.GetDocumentAsync(DetailsUrl(id));
        Assert.Equal(
            $"Заявление должно быть рассмотрено до 05.11.{year} (подано 06.10.{year}, осталось дней: 30).",
            Text(details.QuerySelector("#consideration")!));
        var list = await client.GetDocumentAsync(ApplicationsUrl);
        Assert.Equal($"06.10.{year}", list.QuerySelectorAll("tbody tr td")[3].TextContent.Trim());
    }

    [Fact]
    public async Task The_history_shows_who_did_what_and_when_in_Tomsk_time()
    {
        var year = MoveClockToTheNext(10, 5, 18, 30);
        await _cabinet.CreateTeacherAsync("follow.history");
        using var client = await factory.SignInAsync("follow.history");
        var id = await _cabinet.SubmittedApplicationAsync(client);
        var coordinator = await _cabinet.CreateCoordinatorAsync("follow.history.coordinator");
        factory.Clock.Advance(TimeSpan.FromHours(3));
        await _cabinet.RegisterAsync(id, coordinator, "17/" + year);

        // Three idle hours end a session: the teacher signs in again.
        using var again = await factory.SignInAsync("follow.history");
        var details = await again.GetDocumentAsync(DetailsUrl(id));

        var history = History(details);
        const string teacher = "Проверкина Анна Сергеевна (Педагогический работник)";
        Assert.Equal(("Создан черновик заявления", $"06.10.{year} 01:30", teacher, (string?)null), history[0]);
        Assert.Equal(("Заявление подано", $"06.10.{year} 01:30", teacher, (string?)null),
            history.Single(e => e.What == "Заявление подано"));
        Assert.Equal(
            ($"Заявление зарегистрировано: № 17/{year} от 06.10.{year}", $"06.10.{year} 04:30",
                "Координаторова Галина Петровна (Координатор по аттестации по муниципальному образованию)", (string?)null),
            history[^1]);
        Assert.Equal($"Заявление о проведении аттестации зарегистрировано (№ 17/{year} от 06.10.{year})",
            details.QuerySelector("#status")!.TextContent.Trim());
        Assert.Equal(
            $"Заявление должно быть рассмотрено до 05.11.{year} (подано 06.10.{year}, рассмотрено 06.10.{year}).",
            Text(details.QuerySelector("#consideration")!));
    }

    [Fact]
    public async Task Once_scheduled_the_application_shows_its_period_dates_and_both_experts()
    {
        await _cabinet.CreateTeacherAsync("follow.scheduled");
        using var client = await factory.SignInAsync("follow.scheduled");
        var id = await _cabinet.SubmittedApplicationAsync(client);
        var coordinator = await _cabinet.CreateCoordinatorAsync("follow.scheduled.coordinator");
        var expertA = await _cabinet.CreateExpertAsync("follow.scheduled.expert.a", "Лебедева");
        var expertB = await _cabinet.CreateExpertAsync("follow.scheduled.expert.b", "Соколова");
        var before = await client.GetDocumentAsync(DetailsUrl(id));
        Assert.Null(before.QuerySelector("#period"));
        await _cabinet.RegisterAsync(id, coordinator, "18/" + _cabinet.Today.Year);

        var period = await _cabinet.ScheduleAsync(id, coordinator, expertA, expertB);

        var details = await client.GetDocumentAsync(DetailsUrl(id));
        Assert.Equal("Назначены период и эксперты", details.QuerySelector("#status")!.TextContent.Trim());
        Assert.Equal($"Период: {period.Name}", Text(details.QuerySelector("#period")!));
        Assert.Equal(
        [
            $"Лебедева Ирина Олеговна, учитель, {factory.Directory.Gymnasium.Name}",
            $"Соколова Ирина Олеговна, учитель, {factory.Directory.Gymnasium.Name}",
        ], details.QuerySelectorAll("#experts li").Select(li => Text(li)).Order(StringComparer.Ordinal));
        Assert.Equal(
            $"Аттестация: период «{period.Name}», с {Date(period.StartDate)} по {Date(period.EndDate)}; "
            + $"решение — не позднее {Date(period.StartDate.AddDays(59))}.",
            Text(details.QuerySelector("#attestation")!));
        Assert.Equal($"Назначены период «{period.Name}» и два специалиста по аттестации", History(details)[^1].What);

        var list = await client.GetDocumentAsync(ApplicationsUrl);
        var cells = list.QuerySelectorAll("tbody tr td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["18/" + _cabinet.Today.Year, period.Name], cells.Skip(4));
        Assert.EndsWith("— В графике", cells[0], StringComparison.Ordinal);
    }

    /// <summary>Moves the clock forward to the next such moment (UTC) and returns its year.</summary>
    private int MoveClockToTheNext(int month, int day, int hour, int minute)
    {
        var now = factory.Clock.GetUtcNow();
        var target = new DateTimeOffset(now.Year, month, day, hour, minute, 0, TimeSpan.Zero);
        while (target <= now)
            target = target.AddYears(1);
        factory.Clock.SetUtcNow(target);
        return target.Year;
    }
}
