using System.Net;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Areas.Operator.Pages.Periods;
using Microsoft.EntityFrameworkCore;
using static Attestation.Web.Tests.Operator.OperatorDesk;

namespace Attestation.Web.Tests.Operator.Periods;

/// <summary>Closing and reopening a period by hand, with the reason and the operator in the period's history.</summary>
public sealed class PeriodStateTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly OperatorDesk _desk = new(factory);

    private static string DetailsUrl(Guid id) => $"/Operator/Periods/Details?id={id}";

    [Fact]
    public async Task The_operator_closes_and_reopens_a_period_and_the_history_says_who_when_and_why()
    {
        var period = await _desk.PeriodAsync(2071, 2);
        var operatorUser = await _desk.CreateOperatorAsync("periods.state.operator");
        var client = await factory.SignInAsync("periods.state.operator");

        using (var closed = await client.SubmitFormAsync(DetailsUrl(period.Id),
                   new Dictionary<string, string> { ["Input.Reason"] = "График муниципалитетов сформирован досрочно" }, "form#close"))
        {
            Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
            Assert.Equal(DetailsUrl(period.Id), closed.RedirectPath());
        }

        var page = await client.GetDocumentAsync(DetailsUrl(period.Id));
        Assert.Equal("Период «февраль-март 2071» закрыт.", StatusMessage(page));
        Assert.Equal("(ПЕРИОД ЗАКРЫТ) февраль-март 2071", Text(page.QuerySelector("#name")!));
        Assert.Null(page.QuerySelector("form#close"));
        var closing = page.QuerySelectorAll("#history tbody tr").Single().QuerySelectorAll("td").Select(Text).ToList();
        Assert.Equal(_desk.Now.ToOffset(TimeSpan.FromHours(7)).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture), closing[0]);
        Assert.Equal(["Период «февраль-март 2071» закрыт оператором", "Операторова Елена Андреевна",
            "График муниципалитетов сформирован досрочно"], closing.Skip(1));

        // Reopening needs a reason.
        using (var noReason = await client.SubmitFormAsync(DetailsUrl(period.Id),
                   new Dictionary<string, string> { ["Input.Reason"] = "" }, "form#reopen"))
        {
            Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
            Assert.Equal(["Не заполнено поле «Причина открытия периода»."], (await noReason.ReadDocumentAsync()).SummaryErrors());
        }
        Assert.True((await LoadAsync(period.Id)).IsClosed);

        factory.Clock.Advance(TimeSpan.FromHours(2));
        // Two idle hours end a session: the operator signs in again.
        client.Dispose();
        client = await factory.SignInAsync("periods.state.operator");
        using (var reopened = await client.SubmitFormAsync(DetailsUrl(period.Id),
                   new Dictionary<string, string> { ["Input.Reason"] = "Томский район не успел внести два заявления" }, "form#reopen"))
            Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);

        var saved = await LoadAsync(period.Id);
        Assert.False(saved.IsClosed);
        Assert.Equal(operatorUser.Id, saved.ReopenedBy);
        Assert.Equal("Томский район не успел внести два заявления", saved.ReopenReason);
        Assert.Equal([(PeriodEventKind.Closed, operatorUser.Id), (PeriodEventKind.Reopened, operatorUser.Id)],
            saved.Events.OrderBy(e => e.At).Select(e => (e.Kind, e.ActorId!.Value)));

        page = await client.GetDocumentAsync(DetailsUrl(period.Id));
        Assert.Equal("февраль-март 2071", Text(page.QuerySelector("#name")!));
        var reopening = page.QuerySelectorAll("#history tbody tr")[1].QuerySelectorAll("td").Select(Text).ToList();
        Assert.Equal(["Период «февраль-март 2071» открыт", "Операторова Елена Андреевна", "Томский район не успел внести два заявления"],
            reopening.Skip(1));
        Assert.NotNull(page.QuerySelector("form#close"));
        client.Dispose();
    }

    [Fact]
    public async Task Closing_a_period_that_is_already_closed_is_refused_in_russian()
    {
        var period = await _desk.PeriodAsync(2072, 3);
        using var client = await _desk.SignInOperatorAsync("periods.twice.operator");
        var openPage = await client.GetDocumentAsync(DetailsUrl(period.Id));
        using (var first = await client.SubmitFormAsync(openPage, DetailsUrl(period.Id), new Dictionary<string, string>(), "form#close"))
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        // The same form again, from the tab still open on the old page.
        using var second = await client.SubmitFormAsync(openPage, DetailsUrl(period.Id), new Dictionary<string, string>(), "form#close");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(["Период «март-апрель 2072» уже закрыт."], (await second.ReadDocumentAsync()).SummaryErrors());
        Assert.Single((await LoadAsync(period.Id)).Events);
    }

    [Fact]
    public async Task A_municipal_coordinator_can_neither_close_nor_reopen_a_period()
    {
        var open = await _desk.PeriodAsync(2073, 1);
        var closed = await _desk.PeriodAsync(2073, 2);
        var operatorUser = await _desk.CreateOperatorAsync("periods.guard.operator");
        await using (var db = factory.OpenDb())
        {
            (await db.Periods.SingleAsync(p => p.Id == closed.Id)).Close(operatorUser.Id, _desk.Now, "по графику");
            await db.SaveChangesAsync();
        }
        await _desk.CreateCoordinatorAsync("periods.guard.coordinator");
        using var coordinator = await factory.SignInAsync("periods.guard.coordinator");

        using (var view = await coordinator.GetAsync(DetailsUrl(open.Id)))
            Assert.Equal(HttpStatusCode.Forbidden, view.StatusCode);

        // A valid antiforgery token of the coordinator's own session (from the sign-out form of the page header), posted
        // to the operator's handlers.
        var ownPage = await coordinator.GetDocumentAsync("/Account/Profile");
        const string ownForm = "header form[method=post]";
        var reason = new Dictionary<string, string> { ["Input.Reason"] = "хочу включить ещё одно заявление" };
        using (var close = await coordinator.PostFormToAsync(ownPage, $"/Operator/Periods/Details?id={open.Id}&handler=Close", reason, formSelector: ownForm))
            Assert.Equal(HttpStatusCode.Forbidden, close.StatusCode);
        using (var reopen = await coordinator.PostFormToAsync(ownPage, $"/Operator/Periods/Details?id={closed.Id}&handler=Reopen", reason, formSelector: ownForm))
            Assert.Equal(HttpStatusCode.Forbidden, reopen.StatusCode);
        using (var remove = await coordinator.PostFormToAsync(ownPage, $"/Operator/Periods/Details?id={open.Id}&handler=Remove", reason, formSelector: ownForm))
            Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
        using (var generate = await coordinator.PostFormToAsync(ownPage, "/Operator/Periods?year=2073&handler=Generate", reason, formSelector: ownForm))
            Assert.Equal(HttpStatusCode.Forbidden, generate.StatusCode);

        Assert.False((await LoadAsync(open.Id)).IsClosed);
        Assert.Empty((await LoadAsync(open.Id)).Events);
        var stillClosed = await LoadAsync(closed.Id);
        Assert.True(stillClosed.IsClosed);
        Assert.Single(stillClosed.Events);
        Assert.Equal(0, await _desk.CountAsync(db => db.Periods.Of(new Domain.Periods.SchoolYear(2073)).Where(p => p.StartMonth == 9)));
    }

    private async Task<AttestationPeriod> LoadAsync(Guid id)
    {
        await using var db = factory.OpenDb();
        return await db.Periods.AsNoTracking().Include(p => p.Events).SingleAsync(p => p.Id == id);
    }
}
