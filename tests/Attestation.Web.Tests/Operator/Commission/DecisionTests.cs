using System.Globalization;
using System.Net;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Testing;
using Microsoft.EntityFrameworkCore;
using static Attestation.Web.Tests.Operator.OperatorDesk;

namespace Attestation.Web.Tests.Operator.Commission;

/// <summary>
/// The commission decides («установить» / «отказать»), then the order is recorded: the applications become decided and
/// an established category reaches the teacher's profile, with no expiry; the teacher and both coordinators see it.
/// </summary>
public sealed class DecisionTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private const string OrderForm = "main form#order-form";

    private static readonly string[] CountCells = [".listed", ".decided", ".order"];

    private readonly OperatorDesk _desk = new(factory);

    private static string MeetingUrl(Guid id) => $"/Operator/Commission/Meeting?id={id}";

    private static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Establishing_and_then_the_order_add_the_category_to_the_teacher_with_no_expiry()
    {
        var period = await _desk.PastPeriodAsync();
        var recommended = await _desk.AttesteeAsync("decide.yes", "Зимина", QualificationCategory.Highest, period);
        var notRecommended = await _desk.AttesteeAsync("decide.no", "Иванова", QualificationCategory.First, period,
            recommendation: Conformity.DoesNotCorrespond);
        var meetingDay = _desk.Today.AddDays(-10);
        var orderDay = meetingDay.AddDays(5);
        var meetingId = await _desk.MeetingAsync(meetingDay, "7", recommended, notRecommended);
        using var client = await _desk.SignInOperatorAsync("decide.operator");

        using (var all = await client.SubmitFormAsync(MeetingUrl(meetingId), new Dictionary<string, string>(), "main form#decide-recommended"))
            Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        var page = await client.GetDocumentAsync(MeetingUrl(meetingId));
        Assert.Equal("Решение «установить» записано по заявлениям: 1.", StatusMessage(page));
        Assert.Equal("установить", Text(page.QuerySelector($"tr[data-id='{recommended.ApplicationId}'] .decision")!));
        Assert.NotNull(page.QuerySelector($"form[data-application='{notRecommended.ApplicationId}'][data-action='refuse']"));
        Assert.Null(page.QuerySelector("#decide-recommended"));

        // The order waits for a decision on every application of the meeting.
        using (var early = await client.SubmitFormAsync(MeetingUrl(meetingId), OrderValues("301-р", orderDay), OrderForm))
        {
            Assert.Equal(HttpStatusCode.OK, early.StatusCode);
            Assert.Contains(
                "Не по всем заявлениям заседания принято решение (без решения: 1): примите решение или исключите заявление из заседания.",
                (await early.ReadDocumentAsync()).SummaryErrors());
        }

        using (var refuse = await client.SubmitFormAsync(MeetingUrl(meetingId), new Dictionary<string, string>(),
                   $"form[data-application='{notRecommended.ApplicationId}'][data-action='refuse']"))
            Assert.Equal(HttpStatusCode.Redirect, refuse.StatusCode);
        page = await client.GetDocumentAsync(MeetingUrl(meetingId));
        Assert.Equal("Иванова Ольга Ивановна: отказать в установлении квалификационной категории.", StatusMessage(page));

        var mailsBefore = (await factory.SentMailsAsync()).Count;
        using (var order = await client.SubmitFormAsync(page, MeetingUrl(meetingId), OrderValues(" 301-р ", orderDay), OrderForm))
            Assert.Equal(HttpStatusCode.Redirect, order.StatusCode);
        var done = await client.GetDocumentAsync(MeetingUrl(meetingId));
        Assert.Equal($"Распоряжение № 301-р от {Date(orderDay)} записано по заявлениям: 2; категория установлена и добавлена в профиль педагога: 1. "
            + "Педагогам отправлены письма с решением.", StatusMessage(done));

        // Each teacher gets the decision and the order by mail, in the words of the decision.
        var letters = (await factory.SentMailsAsync()).Skip(mailsBefore).ToList();
        Assert.Equal(new[] { $"{recommended.Login}@example.org", $"{notRecommended.Login}@example.org" }.Order(), letters.Select(m => m.To).Order());
        Assert.All(letters, m => Assert.Equal("Решение аттестационной комиссии", m.Subject));
        var yes = letters.Single(m => m.To.StartsWith(recommended.Login, StringComparison.Ordinal)).PlainText;
        Assert.Contains($"на заседании {Date(meetingDay)} (протокол № 7) рассмотрела ваше заявление и приняла решение: установить высшую квалификационную категорию.",
            yes, StringComparison.Ordinal);
        Assert.Contains($"Распоряжение № 301-р от {Date(orderDay)}.", yes, StringComparison.Ordinal);
        Assert.Contains($"/Teacher/Applications/Details?id={recommended.ApplicationId}", yes, StringComparison.Ordinal);
        var no = letters.Single(m => m.To.StartsWith(notRecommended.Login, StringComparison.Ordinal)).PlainText;
        Assert.Contains("приняла решение: отказать в установлении первой квалификационной категории.", no, StringComparison.Ordinal);
        Assert.DoesNotContain("добавлена в ваш профиль", no, StringComparison.Ordinal);
        Assert.Equal($"Распоряжение № 301-р от {Date(orderDay)}", Text(done.QuerySelector("#order")!));
        Assert.Null(done.QuerySelector(OrderForm));
        Assert.Null(done.QuerySelector("form#add"));
        Assert.Empty(done.QuerySelectorAll("form[data-action]"));

        // The same order sent again from the stale page changes nothing.
        using (var twice = await client.SubmitFormAsync(page, MeetingUrl(meetingId), OrderValues("301-р", orderDay), OrderForm))
            Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        Assert.Equal($"Распоряжение № 301-р от {Date(orderDay)} уже записано.", StatusMessage(await client.GetDocumentAsync(MeetingUrl(meetingId))));

        var established = await _desk.ReadAsync(db => db.Applications.Include(a => a.Events).SingleAsync(a => a.Id == recommended.ApplicationId));
        Assert.Equal(ApplicationStatus.Decided, established.Status);
        Assert.Equal(DecisionOutcome.Established, established.Decision!.Outcome);
        Assert.Equal((meetingDay, "7", "301-р", orderDay),
            (established.Decision.MeetingDate, established.Decision.ProtocolNumber, established.Decision.OrderNumber!, established.Decision.OrderDate!.Value));
        Assert.Equal(
            [$"Решение аттестационной комиссии от {Date(meetingDay)} (протокол № 7): установить", $"Распоряжение № 301-р от {Date(orderDay)}"],
            established.Events.OrderBy(e => e.Number).TakeLast(2).Select(e => e.Description));
        Assert.All(established.Events.OrderBy(e => e.Number).TakeLast(2), e => Assert.Equal("Operator", e.ActorRole));

        var category = Assert.Single(await _desk.ReadAsync(db => db.HeldCategories.Where(c => c.TeacherId == recommended.TeacherId).ToListAsync()));
        Assert.Equal(QualificationCategory.Highest, category.Category);
        Assert.Equal("Учитель", category.PositionName);
        Assert.Equal(meetingDay, category.SetOn);
        Assert.Null(category.ExpiresOn);
        Assert.False(category.IsLegacy);
        Assert.Equal(("301-р", orderDay), (category.DecisionNumber, category.DecisionDate!.Value));

        var refused = await _desk.ReadAsync(db => db.Applications.SingleAsync(a => a.Id == notRecommended.ApplicationId));
        Assert.Equal(ApplicationStatus.Decided, refused.Status);
        Assert.Equal(DecisionOutcome.Refused, refused.Decision!.Outcome);
        Assert.Equal("301-р", refused.Decision.OrderNumber);
        Assert.Equal(0, await _desk.CountAsync(db => db.HeldCategories.Where(c => c.TeacherId == notRecommended.TeacherId)));

        var list = await client.GetDocumentAsync("/Operator/Commission");
        var row = list.QuerySelector($"#meetings tr[data-id='{meetingId}']")!;
        Assert.Equal(["2", "2", $"№ 301-р от {Date(orderDay)}"],
            CountCells.Select(c => Text(row.QuerySelector(c)!)));

        // The teacher sees the decision with the order, and the category in his profile.
        using var teacher = await factory.SignInAsync(recommended.Login);
        var details = await teacher.GetDocumentAsync($"/Teacher/Applications/Details?id={recommended.ApplicationId}");
        var decision = Text(details.QuerySelector("#decision")!);
        Assert.Contains($"Заседание {Date(meetingDay)}, протокол № 7: установить высшую квалификационную категорию.", decision, StringComparison.Ordinal);
        Assert.Contains($"Распоряжение № 301-р от {Date(orderDay)}.", decision, StringComparison.Ordinal);
        var profile = await teacher.GetDocumentAsync("/Teacher/Profile");
        Assert.Equal(
            ["высшая", "Учитель", Date(meetingDay), "бессрочно", $"№ 301-р от {Date(orderDay)}"],
            profile.QuerySelectorAll("#categories tbody tr td").Select(Text));

        // So does the municipal coordinator on the application's card.
        await _desk.CreateCoordinatorAsync("decide.coordinator");
        using var coordinator = await factory.SignInAsync("decide.coordinator");
        var card = await coordinator.GetDocumentAsync($"/Municipality/Applications/Details?id={notRecommended.ApplicationId}");
        Assert.Contains($"Заседание {Date(meetingDay)}, протокол № 7: отказать в установлении квалификационной категории.",
            Text(card.QuerySelector("#decision")!), StringComparison.Ordinal);
        Assert.Equal($"Распоряжение № 301-р от {Date(orderDay)}.", Text(card.QuerySelector("#decision-order")!));
    }

    [Fact]
    public async Task A_decision_before_the_meeting_s_day_and_an_order_dated_ahead_are_refused_and_no_teacher_is_told()
    {
        var period = await _desk.PastPeriodAsync();
        var attestee = await _desk.AttesteeAsync("decide.ahead", "Заранеева", QualificationCategory.Highest, period);
        var meetingDay = _desk.Today.AddDays(16);
        var meetingId = await _desk.MeetingAsync(meetingDay, "ahead-1", attestee);
        using var client = await _desk.SignInOperatorAsync("decide.ahead.operator");
        var mailsBefore = (await factory.SentMailsAsync()).Count;

        using (var early = await client.SubmitFormAsync(MeetingUrl(meetingId), new Dictionary<string, string>(), "main form#decide-recommended"))
            Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
        var page = await client.GetDocumentAsync(MeetingUrl(meetingId));
        Assert.Contains($"Заседание назначено на {Date(meetingDay)}: решение комиссии можно записать в день заседания или позже.",
            StatusMessage(page), StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Verified, await _desk.ReadAsync(db => db.Applications.Where(a => a.Id == attestee.ApplicationId)
            .Select(a => a.Status).SingleAsync()));
        Assert.Equal(mailsBefore, (await factory.SentMailsAsync()).Count);

        // A meeting of today: the decision goes; the order cannot be dated later than today.
        var today = await _desk.AttesteeAsync("decide.today", "Сегодняшнева", QualificationCategory.Highest, period);
        var todayMeeting = await _desk.MeetingAsync(_desk.Today, "today-1", today);
        using (var decided = await client.SubmitFormAsync(MeetingUrl(todayMeeting), new Dictionary<string, string>(), "main form#decide-recommended"))
            Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        using (var ahead = await client.SubmitFormAsync(MeetingUrl(todayMeeting), OrderValues("88-р", _desk.Today.AddDays(3)), OrderForm))
        {
            Assert.Equal(HttpStatusCode.OK, ahead.StatusCode);
            var refused = await ahead.ReadDocumentAsync();
            Assert.Contains($"Дата распоряжения не может быть позже сегодняшнего дня ({Date(_desk.Today)}).", refused.SummaryErrors());
            Assert.Equal("88-р", ((AngleSharp.Html.Dom.IHtmlInputElement)refused.QuerySelector("input[name='Order.Number']")!).Value);
        }
        Assert.Equal(ApplicationStatus.Decided, await _desk.ReadAsync(db => db.Applications.Where(a => a.Id == today.ApplicationId)
            .Select(a => a.Status).SingleAsync()));
        Assert.Null(await _desk.ReadAsync(db => db.CommissionMeetings.Where(m => m.Id == todayMeeting).Select(m => m.OrderNumber).SingleAsync()));
    }

    [Fact]
    public async Task A_refusal_adds_no_category()
    {
        var period = await _desk.PastPeriodAsync();
        var attestee = await _desk.AttesteeAsync("refuse.one", "Калинина", QualificationCategory.Mentor, period);
        var meetingId = await _desk.MeetingAsync(_desk.Today.AddDays(-3), "8", attestee);
        using var client = await _desk.SignInOperatorAsync("refuse.operator");

        using (var refuse = await client.SubmitFormAsync(MeetingUrl(meetingId), new Dictionary<string, string>(),
                   $"form[data-application='{attestee.ApplicationId}'][data-action='refuse']"))
            Assert.Equal(HttpStatusCode.Redirect, refuse.StatusCode);
        using (var empty = await client.SubmitFormAsync(MeetingUrl(meetingId),
                   new Dictionary<string, string> { ["Order.Number"] = "55-р", ["Order.Date"] = "" }, OrderForm))
        {
            var page = await empty.ReadDocumentAsync();
            Assert.Equal("Укажите дату распоряжения.", page.FieldError("Order.Date"));
            Assert.Equal("55-р", page.FieldValue("Order.Number"));
        }
        using (var early = await client.SubmitFormAsync(MeetingUrl(meetingId),
                   new Dictionary<string, string> { ["Order.Number"] = "55-р", ["Order.Date"] = Date(_desk.Today.AddDays(-4)) }, OrderForm))
        {
            Assert.Equal(HttpStatusCode.OK, early.StatusCode);
            Assert.Contains("Дата распоряжения не может быть раньше даты заседания.", (await early.ReadDocumentAsync()).SummaryErrors());
        }
        using (var order = await client.SubmitFormAsync(MeetingUrl(meetingId), OrderValues("55-р", _desk.Today), OrderForm))
            Assert.Equal(HttpStatusCode.Redirect, order.StatusCode);

        var application = await _desk.ReadAsync(db => db.Applications.SingleAsync(a => a.Id == attestee.ApplicationId));
        Assert.Equal(ApplicationStatus.Decided, application.Status);
        Assert.Equal((DecisionOutcome.Refused, "55-р"), (application.Decision!.Outcome, application.Decision.OrderNumber));
        Assert.Equal(0, await _desk.CountAsync(db => db.HeldCategories.Where(c => c.TeacherId == attestee.TeacherId)));
        Assert.Equal($"Распоряжение № 55-р от {Date(_desk.Today)} записано по заявлениям: 1; категория установлена и добавлена в профиль педагога: 0. "
            + "Педагогам отправлены письма с решением.",
            StatusMessage(await client.GetDocumentAsync(MeetingUrl(meetingId))));
    }

    [Fact]
    public async Task The_order_sent_twice_at_once_is_recorded_once()
    {
        var period = await _desk.PastPeriodAsync();
        var attestees = new List<Attestee>();
        foreach (var (login, name) in new[] { ("twice.a", "Лебедева"), ("twice.b", "Мельникова"), ("twice.c", "Носова") })
            attestees.Add(await _desk.AttesteeAsync(login, name, QualificationCategory.First, period));
        var meetingId = await _desk.MeetingAsync(_desk.Today.AddDays(-3), "9", [.. attestees]);
        using var client = await _desk.SignInOperatorAsync("twice.operator");
        using (var all = await client.SubmitFormAsync(MeetingUrl(meetingId), new Dictionary<string, string>(), "main form#decide-recommended"))
            Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);

        var page = await client.GetDocumentAsync(MeetingUrl(meetingId));
        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            client.SubmitFormAsync(page, MeetingUrl(meetingId), OrderValues("77-р", _desk.Today), OrderForm)));
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            response.Dispose();
        }

        var teachers = attestees.Select(a => a.TeacherId).ToList();
        Assert.Equal(3, await _desk.CountAsync(db => db.HeldCategories.Where(c => teachers.Contains(c.TeacherId))));
        var ids = attestees.Select(a => a.ApplicationId).ToList();
        Assert.Equal(3, await _desk.CountAsync(db => db.ApplicationEvents.Where(e => ids.Contains(e.ApplicationId) && e.Kind == ApplicationEventKind.OrderRecorded)));
    }

    private static Dictionary<string, string> OrderValues(string number, DateOnly date) => new()
    {
        ["Order.Number"] = number,
        ["Order.Date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
