using System.Net;
using AngleSharp.Html.Dom;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Data;

namespace Attestation.Web.Tests.Municipality.Schedule;

/// <summary>«Заполнение графика аттестации»: a period and two experts for one application.</summary>
public sealed class AssignTests(MunicipalFactory factory) : IClassFixture<MunicipalFactory>
{
    private readonly MunicipalWorld _world = new(factory);

    [Fact]
    public async Task Two_listed_experts_and_an_open_period_put_the_application_into_the_schedule()
    {
        var place = await _world.MunicipalityAsync("Асиновский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var first = await _world.ExpertAsync(place, "Фёдоров");
        var second = await _world.ExpertAsync(place, "Громов");
        var application = await _world.ApplicationAsync(place, "Иванова", ApplicationStage.Registered);
        using var client = await factory.SignInAsync(coordinator.UserName!);
        var mails = (await factory.SentMailsAsync()).Count;
        var values = new Dictionary<string, string>
        {
            ["Input.PeriodId"] = factory.OpenPeriod.Id.ToString(),
            ["Input.ExpertAId"] = first.Id.ToString(),
            ["Input.ExpertBId"] = second.Id.ToString(),
        };

        using var response = await client.SubmitFormAsync(Url(application.Id), values);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Municipality/Schedule/Fill", response.RedirectPath());
        var saved = await _world.ReloadAsync(application.Id);
        Assert.Equal(ApplicationStatus.Scheduled, saved.Status);
        Assert.Equal(factory.OpenPeriod.Id, saved.PeriodId);
        Assert.Equal(new[] { first.Id, second.Id }, new[] { saved.ExpertAId!.Value, saved.ExpertBId!.Value });
        Assert.Equal(coordinator.Id, saved.Events[^1].ActorId);

        // The teacher learns the period and the two experts by mail.
        var letter = Assert.Single((await factory.SentMailsAsync()).Skip(mails));
        Assert.Equal("Назначены период аттестации и специалисты по аттестации", letter.Subject);
        Assert.Contains($"аттестация пройдёт {factory.OpenPeriod.PrepositionalName}", letter.PlainText, StringComparison.Ordinal);
        // The period's «г.» ends the sentence: no second dot after it.
        Assert.EndsWith(" г.", factory.OpenPeriod.PrepositionalName, StringComparison.Ordinal);
        Assert.DoesNotContain("г..", letter.PlainText, StringComparison.Ordinal);
        Assert.Contains($"Специалисты по аттестации: {first.FullName}; {second.FullName}.", letter.PlainText, StringComparison.Ordinal);
        Assert.Contains($"/Teacher/Applications/Details?id={application.Id}", letter.PlainText, StringComparison.Ordinal);

        // Saving the same choice again changes nothing and sends nothing.
        using (var again = await client.SubmitFormAsync(Url(application.Id), values))
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Single((await factory.SentMailsAsync()).Skip(mails));
    }

    [Fact]
    public async Task The_two_choices_are_the_first_and_the_second_specialist_and_the_warning_sign_is_explained_for_both_causes()
    {
        var place = await _world.MunicipalityAsync("Зырянский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var colleague = await _world.ExpertAsync(place, "Коллегова", organisationId: place.School.Id);
        var application = await _world.ApplicationAsync(place, "Сидорова", ApplicationStage.Registered);
        using var client = await factory.SignInAsync(coordinator.UserName!);

        var page = await client.GetDocumentAsync($"{Url(application.Id)}&Input.PeriodId={factory.OpenPeriod.Id}");

        Assert.Equal("Первый специалист по аттестации", page.QuerySelector("label[for='expert-a']")!.TextContent.Trim());
        Assert.Equal("Второй специалист по аттестации", page.QuerySelector("label[for='expert-b']")!.TextContent.Trim());
        // The conflict of interest is marked ⚠, and the legend names it as well as the wrong position.
        var option = page.QuerySelectorAll("#expert-a option").Single(o => o.GetAttribute("value") == colleague.Id.ToString());
        Assert.StartsWith("⚠ ", option.TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#experts tr[data-expert='{colleague.Id}'] .conflict"));
        var legend = page.QuerySelector("#warning-legend")!.TextContent;
        Assert.Contains("⚠", legend, StringComparison.Ordinal);
        Assert.Contains("в той же образовательной организации, что и аттестуемый (конфликт интересов)", legend, StringComparison.Ordinal);
        Assert.Contains("неправильно указана должность", legend, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closed_periods_are_shown_as_closed_and_cannot_be_chosen()
    {
        var place = await _world.MunicipalityAsync("Бакчарский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var application = await _world.ApplicationAsync(place, "Петрова", ApplicationStage.Registered);
        using var client = await factory.SignInAsync(coordinator.UserName!);

        var page = await client.GetDocumentAsync(Url(application.Id));

        var options = page.QuerySelectorAll("select[name='Input.PeriodId'] option").OfType<IHtmlOptionElement>().ToList();
        var closed = options.Single(o => o.Value == factory.ClosedPeriod.Id.ToString());
        var open = options.Single(o => o.Value == factory.OpenPeriod.Id.ToString());
        Assert.Equal($"(ПЕРИОД ЗАКРЫТ) {factory.ClosedPeriod.Name}", closed.Text.Trim());
        Assert.True(closed.IsDisabled);
        Assert.Equal(factory.OpenPeriod.Name, open.Text.Trim());
        Assert.False(open.IsDisabled);
        // The nearest open period is offered first.
        Assert.Equal(factory.OpenPeriod.Id.ToString(), page.FieldValue("Input.PeriodId"));
    }

    [Fact]
    public async Task A_closed_period_is_refused_even_from_a_forged_post()
    {
        var place = await _world.MunicipalityAsync("Верхнекетский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var first = await _world.ExpertAsync(place, "Фёдоров");
        var second = await _world.ExpertAsync(place, "Громов");
        var application = await _world.ApplicationAsync(place, "Сидорова", ApplicationStage.Registered);
        using var client = await factory.SignInAsync(coordinator.UserName!);

        using var response = await client.SubmitFormAsync(Url(application.Id), new Dictionary<string, string>
        {
            ["Input.PeriodId"] = factory.ClosedPeriod.Id.ToString(),
            ["Input.ExpertAId"] = first.Id.ToString(),
            ["Input.ExpertBId"] = second.Id.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains($"Период «{factory.ClosedPeriod.Name}» закрыт", page.FieldError("Input.PeriodId"), StringComparison.Ordinal);
        await AssertUnchangedAsync(application);
    }

    [Fact]
    public async Task The_same_expert_twice_is_refused_next_to_the_second_choice()
    {
        var place = await _world.MunicipalityAsync("Зырянский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var expert = await _world.ExpertAsync(place, "Фёдоров");
        var application = await _world.ApplicationAsync(place, "Кузнецова", ApplicationStage.Registered);
        using var client = await factory.SignInAsync(coordinator.UserName!);

        using var response = await client.SubmitFormAsync(Url(application.Id), new Dictionary<string, string>
        {
            ["Input.PeriodId"] = factory.OpenPeriod.Id.ToString(),
            ["Input.ExpertAId"] = expert.Id.ToString(),
            ["Input.ExpertBId"] = expert.Id.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Один и тот же специалист выбран дважды: выберите двух разных специалистов по аттестации.",
            page.FieldError("Input.ExpertBId"));
        await AssertUnchangedAsync(application);
    }

    [Fact]
    public async Task An_unlisted_expert_and_an_expert_listed_for_another_municipality_are_refused()
    {
        var place = await _world.MunicipalityAsync("Каргасокский район");
        var elsewhere = await _world.MunicipalityAsync("Кожевниковский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var listed = await _world.ExpertAsync(place, "Фёдоров");
        var unlisted = await _world.ExpertAsync(place, "Непроверенный", approved: false);
        var foreign = await _world.ExpertAsync(elsewhere, "Чужой");
        var application = await _world.ApplicationAsync(place, "Морозова", ApplicationStage.Registered);
        using var client = await factory.SignInAsync(coordinator.UserName!);

        using var response = await client.SubmitFormAsync(Url(application.Id), new Dictionary<string, string>
        {
            ["Input.PeriodId"] = factory.OpenPeriod.Id.ToString(),
            ["Input.ExpertAId"] = unlisted.Id.ToString(),
            ["Input.ExpertBId"] = foreign.Id.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.StartsWith("Специалист не включён в утверждённый список", page.FieldError("Input.ExpertAId"), StringComparison.Ordinal);
        Assert.StartsWith("Специалист не включён в утверждённый список", page.FieldError("Input.ExpertBId"), StringComparison.Ordinal);
        // Neither is even offered: the lists hold the municipality's approved experts only.
        var offered = page.Options("Input.ExpertAId").Select(o => o.Value).ToList();
        Assert.Equal([listed.Id.ToString()], offered);
        await AssertUnchangedAsync(application);
    }

    [Fact]
    public async Task Experts_are_offered_same_subject_first_then_same_position_then_by_load_with_their_warnings()
    {
        var place = await _world.MunicipalityAsync("Колпашевский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var directory = factory.Directory;
        var busyMath = await _world.ExpertAsync(place, "Занятой");
        var freeMath = await _world.ExpertAsync(place, "Свободный");
        var physics = await _world.ExpertAsync(place, "Физиков", subjectId: directory.Physics.Id);
        var methodist = await _world.ExpertAsync(place, "Методистов", positionId: directory.Methodist.Id, subjectId: null);
        var noPosition = await _world.ExpertAsync(place, "Бездолжностный", positionId: null, subjectId: null);
        var colleague = await _world.ExpertAsync(place, "Коллегин", organisationId: place.School.Id, subjectId: directory.Physics.Id);
        var other = await _world.ExpertAsync(place, "Другой");
        // «Занятой» already has two applications of the period, «Физиков» one.
        await _world.ApplicationAsync(place, "Первая", ApplicationStage.Scheduled, factory.OpenPeriod, busyMath, other);
        await _world.ApplicationAsync(place, "Вторая", ApplicationStage.Scheduled, factory.OpenPeriod, busyMath, physics);
        var application = await _world.ApplicationAsync(place, "Аттестуемая", ApplicationStage.Registered);
        using var client = await factory.SignInAsync(coordinator.UserName!);

        var page = await client.GetDocumentAsync(Url(application.Id));

        var order = page.QuerySelectorAll("#experts tbody tr").Select(row => row.GetAttribute("data-expert")!).ToList();
        Assert.Equal(
            new[] { freeMath, other, busyMath, colleague, physics, noPosition, methodist }.Select(e => e.Id.ToString()),
            order);
        Assert.Equal(order, page.Options("Input.ExpertAId").Select(o => o.Value));
        Assert.Equal(order, page.Options("Input.ExpertBId").Select(o => o.Value));

        string Check(AppUser expert) => page.QuerySelector($"#experts tr[data-expert='{expert.Id}'] td.check")!.TextContent;
        Assert.Contains("конфликт интересов", Check(colleague), StringComparison.Ordinal);
        Assert.Contains("Должность не указана", Check(noPosition), StringComparison.Ordinal);
        Assert.Contains("Должность указана верно", Check(freeMath), StringComparison.Ordinal);
        Assert.StartsWith("⚠", page.Options("Input.ExpertAId").Single(o => o.Value == colleague.Id.ToString()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_application_of_another_municipality_is_not_found_on_get_and_post()
    {
        var place = await _world.MunicipalityAsync("Молчановский район");
        var elsewhere = await _world.MunicipalityAsync("Парабельский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var own = await _world.ApplicationAsync(place, "Своя", ApplicationStage.Registered);
        var foreignExpertA = await _world.ExpertAsync(elsewhere, "Чужой");
        var foreignExpertB = await _world.ExpertAsync(elsewhere, "Чужая");
        var foreign = await _world.ApplicationAsync(elsewhere, "Чужая", ApplicationStage.Registered);
        using var client = await factory.SignInAsync(coordinator.UserName!);

        using var get = await client.GetAsync(Url(foreign.Id));
        var ownPage = await client.GetDocumentAsync(Url(own.Id));
        using var post = await client.ForgePostAsync(ownPage, Url(foreign.Id), new Dictionary<string, string>
        {
            ["id"] = foreign.Id.ToString(),
            ["Input.PeriodId"] = factory.OpenPeriod.Id.ToString(),
            ["Input.ExpertAId"] = foreignExpertA.Id.ToString(),
            ["Input.ExpertBId"] = foreignExpertB.Id.ToString(),
        });

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        await AssertUnchangedAsync(foreign);
    }

    [Fact]
    public async Task A_form_opened_before_another_coordinators_save_is_refused_and_keeps_its_choice()
    {
        var place = await _world.MunicipalityAsync("Кожевниковский район");
        var first = await _world.CoordinatorAsync(place);
        var second = await _world.CoordinatorAsync(place);
        var fedorov = await _world.ExpertAsync(place, "Фёдоров");
        var gromov = await _world.ExpertAsync(place, "Громов");
        var orlov = await _world.ExpertAsync(place, "Орлов");
        var application = await _world.ApplicationAsync(place, "Иванова", ApplicationStage.Registered);
        using var early = await factory.SignInAsync(first.UserName!);
        using var late = await factory.SignInAsync(second.UserName!);
        var period = factory.OpenPeriod.Id.ToString();

        // The first coordinator opens the form; meanwhile the second one schedules the application.
        var stale = await early.GetDocumentAsync(Url(application.Id));
        using (var saved = await late.SubmitFormAsync(Url(application.Id), new Dictionary<string, string>
               {
                   ["Input.PeriodId"] = period,
                   ["Input.ExpertAId"] = fedorov.Id.ToString(),
                   ["Input.ExpertBId"] = gromov.Id.ToString(),
               }))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var afterSecond = await _world.ReloadAsync(application.Id);

        using var refused = await early.SubmitFormAsync(stale, Url(application.Id), new Dictionary<string, string>
        {
            ["Input.PeriodId"] = period,
            ["Input.ExpertAId"] = orlov.Id.ToString(),
            ["Input.ExpertBId"] = gromov.Id.ToString(),
        });

        // Nothing is overwritten: the second coordinator's experts stay, and nothing happened to the application.
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ReadDocumentAsync();
        Assert.Contains("Заявление изменили, пока вы его редактировали", string.Join(" ", page.SummaryErrors()), StringComparison.Ordinal);
        var kept = await _world.ReloadAsync(application.Id);
        Assert.Equal((fedorov.Id, gromov.Id), (kept.ExpertAId!.Value, kept.ExpertBId!.Value));
        Assert.Equal(afterSecond.LastEventNumber, kept.LastEventNumber);
        // What the first coordinator chose is still in the form, now at the current version: saving it again is his choice.
        Assert.Equal(orlov.Id.ToString(), page.FieldValue("Input.ExpertAId"));
        Assert.Equal(kept.LastEventNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), page.FieldValue("Input.Version"));
        using var again = await early.SubmitFormAsync(page, Url(application.Id), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(orlov.Id, (await _world.ReloadAsync(application.Id)).ExpertAId);
    }

    [Fact]
    public async Task Showing_a_periods_experts_keeps_the_choices_and_never_puts_the_antiforgery_token_into_the_address()
    {
        var place = await _world.MunicipalityAsync("Кривошеинский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var expert = await _world.ExpertAsync(place, "Лебедев");
        var application = await _world.ApplicationAsync(place, "Сидорова", ApplicationStage.Registered);
        using var client = await factory.SignInAsync(coordinator.UserName!);
        var page = await client.GetDocumentAsync(Url(application.Id));

        // No control of the page sends a form by GET while the form carries the token.
        Assert.Empty(page.QuerySelectorAll("form[method=get] input[name=__RequestVerificationToken], form [formmethod=get]"));

        using var response = await client.SubmitFormAsync(page, Url(application.Id), new Dictionary<string, string>
        {
            ["Input.PeriodId"] = factory.OpenPeriod.Id.ToString(),
            ["Input.ExpertAId"] = expert.Id.ToString(),
        }, submitter: "show-experts");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.DoesNotContain("RequestVerificationToken", location, StringComparison.Ordinal);
        Assert.Contains($"Input.PeriodId={factory.OpenPeriod.Id}", location, StringComparison.Ordinal);
        var shown = await client.GetDocumentAsync(location);
        Assert.Equal(factory.OpenPeriod.Id.ToString(), shown.FieldValue("Input.PeriodId"));
        Assert.Equal(expert.Id.ToString(), shown.FieldValue("Input.ExpertAId"));
        await AssertUnchangedAsync(application);
    }

    private static string Url(Guid id) => $"/Municipality/Schedule/Assign?id={id}";

    private async Task AssertUnchangedAsync(Application before)
    {
        var saved = await _world.ReloadAsync(before.Id);
        Assert.Equal(before.Status, saved.Status);
        Assert.Equal(before.PeriodId, saved.PeriodId);
        Assert.Equal(before.ExpertAId, saved.ExpertAId);
        Assert.Equal(before.LastEventNumber, saved.LastEventNumber);
    }
}
