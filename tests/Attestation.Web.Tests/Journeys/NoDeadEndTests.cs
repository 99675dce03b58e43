using System.Linq.Expressions;
using System.Net;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Tests.Journeys;

/// <summary>
/// Issue 15, item 1: a registered application is always on some list where someone acts on it, and a simplified-form
/// one has its own visible route — the coordinator's «Аттестация педагогических работников», a check of its grounds,
/// then the commission.
/// </summary>
public sealed class NoDeadEndTests(MunicipalFactory factory) : IClassFixture<MunicipalFactory>
{
    private readonly MunicipalWorld _world = new(factory);

    /// <summary>The working lists and the filters they are built on (the pages use exactly these).</summary>
    private static readonly (string List, Expression<Func<Application, bool>> Filter)[] WorkLists =
    [
        ("Регистрация заявлений", ApplicationFilters.AwaitingConsideration),
        ("Заполнение графика (без периода)", ApplicationFilters.AwaitingPeriod),
        ("Заполнение графика (менее двух экспертов)", ApplicationFilters.AwaitingExperts),
        ("Аттестация педагогических работников", ApplicationFilters.InAttestation),
    ];

    [Fact]
    public async Task Every_registered_application_of_every_status_and_form_is_on_a_working_list()
    {
        var place = await _world.MunicipalityAsync("Кривошеинский район");
        var a = await _world.ExpertAsync(place, "Фёдоров");
        var b = await _world.ExpertAsync(place, "Громов");
        var ids = new List<Guid>();
        foreach (var stage in Enum.GetValues<ApplicationStage>().Where(s => s >= ApplicationStage.Registered))
        {
            ids.Add((await _world.ApplicationAsync(place, "Общая", stage, stage >= ApplicationStage.Scheduled ? factory.OpenPeriod : null, a, b)).Id);
            if (stage is ApplicationStage.Registered or ApplicationStage.Verified or ApplicationStage.Decided)
                ids.Add((await _world.ApplicationAsync(place, "Упрощённая", stage, simplified: true)).Id);
        }
        // Registered into a period before its experts are chosen.
        ids.Add((await _world.ApplicationAsync(place, "Безэкспертная", ApplicationStage.Registered, factory.OpenPeriod)).Id);
        ids.Add((await _world.ApplicationAsync(place, "Поданная", ApplicationStage.Submitted, simplified: true)).Id);

        await using var db = factory.OpenDb();
        var loaded = await db.Applications.AsNoTracking().Where(x => ids.Contains(x.Id)).ToListAsync();
        Assert.Equal(ids.Count, loaded.Count);
        Assert.Contains(loaded, x => x is { Status: ApplicationStatus.Registered, IsSimplified: true });
        Assert.Contains(loaded, x => x is { Status: ApplicationStatus.Decided, IsSimplified: true });
        var onSomeList = new HashSet<Guid>();
        foreach (var (_, filter) in WorkLists)
            onSomeList.UnionWith(await db.Applications.AsNoTracking().Where(x => ids.Contains(x.Id)).Where(filter).Select(x => x.Id).ToListAsync());
        var lost = loaded.Where(x => !onSomeList.Contains(x.Id)).Select(x => $"{x.LastName}: {x.Status}, упрощённая {x.IsSimplified}");
        Assert.Empty(lost);
    }

    [Fact]
    public async Task A_registered_simplified_application_is_checked_on_the_attestation_list_and_goes_to_the_commission()
    {
        var place = await _world.MunicipalityAsync("Бакчарский район");
        var coordinator = await _world.CoordinatorAsync(place);
        var simplified = await _world.ApplicationAsync(place, "Упрощённова", ApplicationStage.Registered, simplified: true);
        using var client = await factory.SignInAsync(coordinator.UserName!);

        var list = await client.GetDocumentAsync("/Municipality/Attestation");
        var row = list.QuerySelector($"#applications tr[data-id='{simplified.Id}']");
        Assert.NotNull(row);
        Assert.Equal("упрощённая форма", row.QuerySelector("td")!.TextContent.Trim());
        Assert.Contains("Упрощенная форма", row.QuerySelector("td.conclusion .simplified")!.TextContent, StringComparison.Ordinal);
        var verifyUrl = row.QuerySelector("a[href*='/Verify']")!.GetAttribute("href")!;

        var form = await client.GetDocumentAsync(verifyUrl);
        Assert.Contains("Победитель регионального конкурса", form.QuerySelector("#simplified")!.TextContent, StringComparison.Ordinal);
        Assert.Null(form.QuerySelector("#save[disabled]"));
        using (var unticked = await client.SubmitFormAsync(form, verifyUrl, new Dictionary<string, string> { ["Input.Mark"] = nameof(Conformity.Corresponds) }))
            Assert.Equal(HttpStatusCode.OK, unticked.StatusCode);
        Assert.Equal(ApplicationStatus.Registered, (await _world.ReloadAsync(simplified.Id)).Status);

        using var response = await client.SubmitFormAsync(await client.GetDocumentAsync(verifyUrl), verifyUrl,
            new Dictionary<string, string> { ["Input.GroundsConfirmed"] = "true", ["Input.Mark"] = nameof(Conformity.Corresponds) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await _world.ReloadAsync(simplified.Id);
        Assert.Equal(ApplicationStatus.Verified, saved.Status);
        Assert.True(saved.Can(ApplicationAction.Decide));
        Assert.Contains(saved.Events, e => e.Description.StartsWith("Заявление по упрощенной форме проверено координатором", StringComparison.Ordinal));
    }
}
