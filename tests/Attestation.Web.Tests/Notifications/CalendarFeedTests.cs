using System.Net;
using System.Text;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Ical.Net;
using Ical.Net.CalendarComponents;

namespace Attestation.Web.Tests.Notifications;

/// <summary>
/// The private calendar feed: made and renewed from «Настройки уведомлений», read anonymously by its secret address,
/// strictly RFC 5545 (CRLF, lines folded at 75 octets, all-day dates), with the person's own deadlines and nobody else's.
/// </summary>
public sealed class CalendarFeedTests(ReminderFactory factory) : IClassFixture<ReminderFactory>
{
    private readonly MunicipalWorld _world = new(factory);

    [Fact]
    public async Task A_teachers_feed_holds_his_period_decision_date_and_category_and_only_his()
    {
        var place = await _world.MunicipalityAsync("Томский район");
        var expertA = await _world.ExpertAsync(place, "Календарев");
        var expertB = await _world.ExpertAsync(place, "Датов");
        var period = factory.OpenPeriod;
        var own = await _world.ApplicationAsync(place, "Календарная", ApplicationStage.Scheduled, period, expertA, expertB);
        var other = await _world.ApplicationAsync(place, "Чужая", ApplicationStage.Submitted, submittedAt: factory.Now.AddDays(-2));
        var expiresOn = new DateOnly(2027, 11, 2);
        await using (var db = factory.OpenDb())
        {
            db.HeldCategories.Add(HeldCategory.Record(own.TeacherId, QualificationCategory.First, "учитель", new DateOnly(2022, 11, 2),
                "1234-р", new DateOnly(2022, 11, 2), legacyExpiresOn: expiresOn));
            await db.SaveChangesAsync();
        }

        var (feed, text) = await FeedOfAsync(own.TeacherId);

        var events = feed.Events.ToDictionary(e => e.Uid!);
        var periodEvent = events[$"period-{own.Id:N}"];
        Assert.Equal((period.StartDate, period.EndDate.AddDays(1)), (periodEvent.DtStart!.Date, periodEvent.DtEnd!.Date));
        Assert.False(periodEvent.DtStart.HasTime);
        Assert.Equal($"Период аттестации «{period.Name}»", periodEvent.Summary);
        Assert.Equal(ApplicationClocks.AttestationLastDay(period), events[$"decision-{own.Id:N}"].DtStart!.Date);
        Assert.Equal(expiresOn, Assert.Single(events.Values, e => e.Uid!.StartsWith("expiry-", StringComparison.Ordinal)).DtStart!.Date);
        Assert.Equal(new DateOnly(2027, 8, 2), Assert.Single(events.Values, e => e.Uid!.StartsWith("apply-", StringComparison.Ordinal)).DtStart!.Date);
        Assert.DoesNotContain("Календарная", text, StringComparison.Ordinal); // not even the teacher's own name is in it…
        Assert.DoesNotContain(other.Id.ToString("N"), text, StringComparison.Ordinal);

        // …and the other teacher's feed has his consideration deadline, and nothing of the first one's.
        var (otherFeed, otherText) = await FeedOfAsync(other.TeacherId);
        var consideration = Assert.Single(otherFeed.Events);
        Assert.Equal(ApplicationClocks.ConsiderationDeadline(other.SubmittedAt!.Value, MunicipalFactory.Zone), consideration.DtStart!.Date);
        Assert.DoesNotContain(own.Id.ToString("N"), otherText, StringComparison.Ordinal);
        Assert.DoesNotContain("expiry-", otherText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinators_feed_has_the_11th_12th_and_15th_and_an_experts_his_periods()
    {
        var place = await _world.MunicipalityAsync("Чаинский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var expert = await _world.ExpertAsync(place, "Графиков");
        var partner = await _world.ExpertAsync(place, "Напарников");
        var period = factory.LaterPeriod;
        await _world.ApplicationAsync(place, "Аттестуемая", ApplicationStage.Scheduled, period, expert, partner);

        var (coordinatorFeed, _) = await FeedOfAsync(coordinator.Id);
        var deadlines = PeriodCalendar.Deadlines(period);
        Assert.Equal(deadlines.RegistrationDeadline, Day(coordinatorFeed, $"registration-{period.Id:N}"));
        Assert.Equal(deadlines.ScheduleDeadline, Day(coordinatorFeed, $"schedule-{period.Id:N}"));
        Assert.Equal(deadlines.ConclusionUploadedBy, Day(coordinatorFeed, $"conclusions-{period.Id:N}"));
        Assert.Equal((11, 12, 15), (deadlines.RegistrationDeadline.Day, deadlines.ScheduleDeadline.Day, deadlines.ConclusionUploadedBy.Day));

        var (expertFeed, _) = await FeedOfAsync(expert.Id);
        Assert.Equal(3, expertFeed.Events.Count);
        Assert.Equal(period.StartDate, Day(expertFeed, $"expert-period-{period.Id:N}"));
        Assert.Equal(period.StartDate.AddDays(-14), Day(expertFeed, $"expert-prepare-{period.Id:N}"));
        Assert.Equal(deadlines.ConclusionUploadedBy, Day(expertFeed, $"expert-conclusions-{period.Id:N}"));
        Assert.Equal($"Период аттестации «{period.Name}»: аттестуемых 1", expertFeed.Events.Single(e => e.Uid == $"expert-period-{period.Id:N}").Summary);
    }

    [Fact]
    public async Task A_renewed_address_stops_the_old_one_and_a_switched_off_feed_answers_nothing()
    {
        var teacher = await factory.CreateUserAsync(Roles.Teacher, $"feed{MunicipalWorld.Next()}");
        using var client = await factory.SignInAsync(teacher.UserName!);
        using var anonymous = factory.CreatePortalClient();

        var first = await SettingsForm.NewFeedUrlAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(first)).StatusCode);
        // The address is shown once; afterwards the page says when it was made.
        var later = await client.GetDocumentAsync(SettingsForm.Url);
        Assert.Null(later.QuerySelector("#calendar-link"));
        Assert.NotNull(later.QuerySelector("#calendar-issued"));

        var second = await SettingsForm.NewFeedUrlAsync(client);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(second)).StatusCode);

        await SettingsForm.CalendarAsync(client, "revoke-calendar");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(second)).StatusCode);
        await using var db = factory.OpenDb();
        Assert.Null((await db.NotificationSettings.FindAsync(teacher.Id))!.CalendarTokenHash);
    }

    [Theory]
    [InlineData("/calendar/abc.ics")]
    [InlineData("/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics")]
    [InlineData("/calendar/%27%20OR%201%3D1%20--%20.ics")]
    [InlineData("/calendar/ююююююююююююююююююююююююююююююююююююююююююю.ics")]
    public async Task A_made_up_address_is_a_404_never_an_error(string url)
    {
        using var anonymous = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_feed_is_cached_privately_and_answers_304_while_nothing_changed()
    {
        var teacher = await factory.CreateUserAsync(Roles.Teacher, $"etag{MunicipalWorld.Next()}");
        using var client = await factory.SignInAsync(teacher.UserName!);
        var url = await SettingsForm.NewFeedUrlAsync(client);
        using var anonymous = factory.CreatePortalClient();

        using var first = await anonymous.GetAsync(url);
        Assert.True(first.Headers.CacheControl!.Private);
        Assert.Equal(TimeSpan.FromHours(1), first.Headers.CacheControl.MaxAge);
        var etag = first.Headers.ETag!;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        using var again = await anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    /// <summary>The person's feed through his settings page and the anonymous address, checked line by line and parsed.</summary>
    private async Task<(Calendar Feed, string Text)> FeedOfAsync(Guid userId)
    {
        await using (var db = factory.OpenDb())
        {
            var user = await db.Users.FindAsync(userId);
            using var client = await factory.SignInAsync(user!.UserName!);
            var url = await SettingsForm.NewFeedUrlAsync(client);
            Assert.StartsWith("https://attestation.example.ru/calendar/", url, StringComparison.Ordinal);
            using var anonymous = factory.CreatePortalClient();
            using var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            AssertStrictRfc5545(text);
            return (Calendar.Load(text)!, Unfold(text));
        }
    }

    /// <summary>What a strict reader insists on: CRLF only, content lines of at most 75 octets, folds that do not split a
    /// character, the calendar's required properties, and each event's UID, DTSTAMP and all-day dates.</summary>
    private static void AssertStrictRfc5545(string text)
    {
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = text[..^2].Split("\r\n");
        Assert.All(lines, line => Assert.InRange(Encoding.UTF8.GetByteCount(line), 1, 75));
        var unfolded = Unfold(text).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("BEGIN:VCALENDAR", unfolded[0]);
        Assert.Equal("END:VCALENDAR", unfolded[^1]);
        Assert.Contains("VERSION:2.0", unfolded);
        Assert.Contains(unfolded, l => l.StartsWith("PRODID:", StringComparison.Ordinal));
        var events = string.Join("\n", unfolded).Split("BEGIN:VEVENT").Skip(1).ToList();
        Assert.All(events, e =>
        {
            Assert.Matches(@"\nUID:\S+", e);
            Assert.Matches(@"\nDTSTAMP:\d{8}T\d{6}Z", e);
            Assert.Matches(@"\nDTSTART;VALUE=DATE:\d{8}\n", e);
            Assert.Matches(@"\nDTEND;VALUE=DATE:\d{8}\n", e);
        });
    }

    private static string Unfold(string text) => text.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);

    private static DateOnly Day(Calendar feed, string uid) => feed.Events.Single(e => e.Uid == uid).DtStart!.Date;
}
