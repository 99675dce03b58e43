using System.Net;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Testing;
using Attestation.Web.Data;
using Microsoft.EntityFrameworkCore;
using static Attestation.Web.Tests.Operator.OperatorDesk;

namespace Attestation.Web.Tests.Operator.Commission;

/// <summary>«Заседания аттестационной комиссии»: creating a meeting, and putting verified applications on its list.</summary>
public sealed class MeetingTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private const string IndexUrl = "/Operator/Commission";
    private const string AddForm = "main form#add";

    private static readonly string[] RowCells = [".meeting-date", ".protocol", ".listed", ".decided", ".order"];

    private readonly OperatorDesk _desk = new(factory);

    private TestDirectory Directory => factory.Directory;

    private static string MeetingUrl(Guid id) => $"/Operator/Commission/Meeting?id={id}";

    [Fact]
    public async Task Ten_identical_posts_of_a_new_meeting_create_one()
    {
        using var client = await _desk.SignInOperatorAsync("meeting.race");
        var form = await client.GetDocumentAsync(IndexUrl);
        var date = _desk.Today.AddDays(20).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var values = new Dictionary<string, string> { ["Input.MeetingDate"] = date, ["Input.ProtocolNumber"] = "77-р" };

        var answers = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => client.SubmitFormAsync(form, IndexUrl, values, "main form#create")));

        // Every post lands on the one meeting.
        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode));
        Assert.Single(answers.Select(answer => answer.Headers.Location!.OriginalString).Distinct());
        foreach (var answer in answers)
            answer.Dispose();
        Assert.Equal(1, await _desk.CountAsync(db => db.CommissionMeetings.Where(m => m.ProtocolNumber == "77-р")));
    }

    [Fact]
    public async Task A_meeting_needs_a_valid_date_and_a_protocol_number_and_nothing_typed_is_lost()
    {
        using var client = await _desk.SignInOperatorAsync("meeting.validation");

        using (var empty = await client.SubmitFormAsync(IndexUrl, new Dictionary<string, string>
               {
                   ["Input.MeetingDate"] = "", ["Input.ProtocolNumber"] = " ",
               }, "main form#create"))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            var page = await empty.ReadDocumentAsync();
            Assert.Equal("Укажите дату заседания.", page.FieldError("Input.MeetingDate"));
            Assert.Equal("Укажите номер протокола.", page.FieldError("Input.ProtocolNumber"));
        }

        using (var wrong = await client.SubmitFormAsync(IndexUrl, new Dictionary<string, string>
               {
                   ["Input.MeetingDate"] = "31.02.2026", ["Input.ProtocolNumber"] = "3",
               }, "main form#create"))
        {
            var page = await wrong.ReadDocumentAsync();
            Assert.Equal("Дата указана неверно: введите её в виде дд.мм.гггг, например 26.02.2026.", page.FieldError("Input.MeetingDate"));
            Assert.Equal("31.02.2026", page.FieldValue("Input.MeetingDate"));
            Assert.Equal("", page.FieldError("Input.ProtocolNumber"));
            Assert.Equal("3", page.FieldValue("Input.ProtocolNumber"));
        }

        var tooFar = _desk.Today.AddYears(2).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        using (var far = await client.SubmitFormAsync(IndexUrl, new Dictionary<string, string>
               {
                   ["Input.MeetingDate"] = tooFar, ["Input.ProtocolNumber"] = "3",
               }, "main form#create"))
        {
            var page = await far.ReadDocumentAsync();
            Assert.Equal("Дата заседания должна быть не раньше прошлого года и не позже чем через год.", page.FieldError("Input.MeetingDate"));
        }

        Assert.Equal(0, await _desk.CountAsync(db => db.CommissionMeetings.Where(m => m.ProtocolNumber == "3")));
    }

    [Fact]
    public async Task A_meeting_is_created_once_and_listed_with_its_counts()
    {
        using var client = await _desk.SignInOperatorAsync("meeting.create");
        var date = _desk.Today.AddDays(7);
        var typed = date.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var index = await client.GetDocumentAsync(IndexUrl);
        var form = new Dictionary<string, string> { ["Input.MeetingDate"] = typed, ["Input.ProtocolNumber"] = " 12/2026 " };

        string location;
        using (var created = await client.SubmitFormAsync(index, IndexUrl, form, "main form#create"))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            location = created.RedirectPath()!;
        }
        // The same form sent again (a double click) leads to the same meeting.
        using (var again = await client.SubmitFormAsync(index, IndexUrl, form, "main form#create"))
            Assert.Equal(location, again.RedirectPath());

        var meeting = await _desk.ReadAsync(db => db.CommissionMeetings.SingleAsync(m => m.ProtocolNumber == "12/2026"));
        Assert.Equal(MeetingUrl(meeting.Id), location);
        Assert.Equal(date, meeting.MeetingDate);
        Assert.Equal("12/2026", meeting.ProtocolNumber);

        var page = await client.GetDocumentAsync(location);
        Assert.Equal($"Заседание аттестационной комиссии {typed}", page.Heading());
        Assert.Equal($"Заседание {typed} (протокол № 12/2026) уже создано.", StatusMessage(page));
        Assert.NotNull(page.QuerySelector("#empty"));

        var list = await client.GetDocumentAsync(IndexUrl);
        var row = list.QuerySelector($"#meetings tr[data-id='{meeting.Id}']")!;
        Assert.Equal(
            [typed, "№ 12/2026", "0", "0", "—"],
            RowCells.Select(c => Text(row.QuerySelector(c)!)));
    }

    [Fact]
    public async Task Only_verified_applications_on_no_list_are_offered_filtered_and_added()
    {
        var period = await _desk.PastPeriodAsync();
        var other = await _desk.PastPeriodAsync(monthsAgo: 3);
        var tomsk = await _desk.AttesteeAsync("add.tomsk", "Аксёнова", QualificationCategory.Highest, period);
        var district = await _desk.AttesteeAsync("add.district", "Бойко", QualificationCategory.First, period,
            municipalityId: Directory.District.Id, organisationId: Directory.VillageSchool.Id);
        var otherPeriod = await _desk.AttesteeAsync("add.other", "Верещагина", QualificationCategory.First, other);
        var simplified = await _desk.AttesteeAsync("add.simple", "Гончар", QualificationCategory.Highest, period, simplified: true);
        var signed = await _desk.AttesteeAsync("add.signed", "Дымова", QualificationCategory.First, period, stage: ApplicationStage.ConclusionSigned);
        var elsewhere = await _desk.AttesteeAsync("add.elsewhere", "Ершова", QualificationCategory.First, period);
        await _desk.MeetingAsync(_desk.Today.AddDays(-30), "1", elsewhere);
        var meetingId = await _desk.MeetingAsync(_desk.Today.AddDays(3), "2");
        using var client = await _desk.SignInOperatorAsync("add.operator");

        // Other tests of the class leave verified applications too: only these are known here.
        var page = await client.GetDocumentAsync(MeetingUrl(meetingId));
        var offered = Candidates(page);
        Assert.All(new[] { tomsk, simplified, otherPeriod, district }, a => Assert.Contains(a.ApplicationId, offered));
        Assert.DoesNotContain(signed.ApplicationId, offered);
        Assert.DoesNotContain(elsewhere.ApplicationId, offered);
        var row = page.QuerySelector($"#candidates tr[data-id='{simplified.ApplicationId}']")!;
        Assert.Contains("упрощенная форма", Text(row), StringComparison.Ordinal);

        var byDistrict = await client.GetDocumentAsync($"{MeetingUrl(meetingId)}&municipalityId={Directory.District.Id}");
        Assert.Equal([district.ApplicationId], Candidates(byDistrict));
        var byPeriod = await client.GetDocumentAsync($"{MeetingUrl(meetingId)}&periodId={other.Id}");
        Assert.Equal([otherPeriod.ApplicationId], Candidates(byPeriod));
        // Each filter shows what the list is filtered by, not «Все».
        Assert.Equal(Directory.District.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            byDistrict.QuerySelector("#municipalityId option[selected]")?.GetAttribute("value"));
        Assert.Equal(other.Id.ToString(), byPeriod.QuerySelector("#periodId option[selected]")?.GetAttribute("value"));
        // By a part of the name, «ё» as «е».
        var byName = await client.GetDocumentAsync($"{MeetingUrl(meetingId)}&q=АКСЕН");
        Assert.Equal([tomsk.ApplicationId], Candidates(byName));

        // A forged post with the signed-but-unchecked application and one already on another list adds neither.
        using (var added = await PostCheckedAsync(client, page, AddForm, "Selected",
                   [tomsk.ApplicationId.ToString(), simplified.ApplicationId.ToString(), signed.ApplicationId.ToString(), elsewhere.ApplicationId.ToString()]))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var after = await client.GetDocumentAsync(MeetingUrl(meetingId));
        Assert.Equal(
            "Включено в заседание заявлений: 2. Не включено: 2 — заявление уже в другом заседании или больше не в статусе «Проверено».",
            StatusMessage(after));
        Assert.Equal(new[] { tomsk.ApplicationId, simplified.ApplicationId }.Order(), Listed(after).Order());
        var left = Candidates(after);
        Assert.Contains(otherPeriod.ApplicationId, left);
        Assert.Contains(district.ApplicationId, left);
        Assert.DoesNotContain(tomsk.ApplicationId, left);
        Assert.DoesNotContain(simplified.ApplicationId, left);
        Assert.Equal("2", Text(after.QuerySelector("#listed")!));
        Assert.Equal(2, await _desk.CountAsync(db => db.MeetingItems.Where(i => i.MeetingId == meetingId)));
        Assert.Equal(1, await _desk.CountAsync(db => db.MeetingItems.Where(i => i.ApplicationId == elsewhere.ApplicationId)));
        // The two teachers put on the list learn the meeting's date; the two refused hear nothing.
        await using (var db = factory.OpenDb())
        {
            var told = await db.OutboxMessages.Where(m => m.Kind == LetterKind.MeetingSet).ToListAsync();
            var date = _desk.Today.AddDays(3).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
            Assert.All(new[] { tomsk.ApplicationId, simplified.ApplicationId }, id => Assert.Contains(
                $"включено в заседание аттестационной комиссии {date}", Assert.Single(told, m => m.ApplicationId == id).PlainText,
                StringComparison.Ordinal));
            Assert.DoesNotContain(told, m => m.ApplicationId == signed.ApplicationId || m.ApplicationId == elsewhere.ApplicationId);
        }

        using (var none = await PostCheckedAsync(client, after, AddForm, "Selected", []))
        {
            Assert.Equal(HttpStatusCode.OK, none.StatusCode);
            Assert.Contains("Отметьте заявления, которые нужно включить в заседание.", (await none.ReadDocumentAsync()).SummaryErrors());
        }
    }

    [Fact]
    public async Task An_undecided_application_is_taken_off_the_list_and_offered_again()
    {
        var period = await _desk.PastPeriodAsync();
        var attestee = await _desk.AttesteeAsync("remove.one", "Жукова", QualificationCategory.First, period);
        var meetingId = await _desk.MeetingAsync(_desk.Today, "4", attestee);
        using var client = await _desk.SignInOperatorAsync("remove.operator");

        using (var removed = await client.SubmitFormAsync(MeetingUrl(meetingId), new Dictionary<string, string>(),
                   $"form[data-application='{attestee.ApplicationId}'][data-action='remove']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }

        var page = await client.GetDocumentAsync(MeetingUrl(meetingId));
        Assert.Equal("Жукова Ольга Ивановна: заявление исключено из заседания.", StatusMessage(page));
        Assert.Empty(Listed(page));
        Assert.Contains(attestee.ApplicationId, Candidates(page));
        Assert.Equal(ApplicationStatus.Verified, await _desk.ReadAsync(db => db.Applications.Where(a => a.Id == attestee.ApplicationId).Select(a => a.Status).SingleAsync()));
    }

    private static List<Guid> Candidates(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("#candidates tbody tr").Select(r => Guid.Parse(r.GetAttribute("data-id")!)).ToList();

    private static List<Guid> Listed(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("#attestees tr[data-id]").Select(r => Guid.Parse(r.GetAttribute("data-id")!)).ToList();
}
