using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Testing;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Tests.Journeys;

/// <summary>Issue 15, item 2: the teacher's home after the decision, and «Мои заявления» linked by the claim and status.</summary>
public sealed class TeacherHomeTests(MunicipalFactory factory) : IClassFixture<MunicipalFactory>
{
    private readonly MunicipalWorld _world = new(factory);

    [Fact]
    public async Task After_the_decision_the_home_shows_the_decision_and_the_categories_and_offers_a_new_application()
    {
        var place = await _world.MunicipalityAsync("Первомайский район");
        var decided = await _world.ApplicationAsync(place, "Решённова", ApplicationStage.Decided, simplified: true);
        var login = await LoginOfAsync(decided.TeacherId);
        await using (var db = factory.OpenDb())
        {
            db.HeldCategories.Add(HeldCategory.Record(decided.TeacherId, QualificationCategory.First, "учитель",
                new DateOnly(2021, 3, 15), "123-р", new DateOnly(2021, 3, 15)));
            await db.SaveChangesAsync();
        }
        using var client = await factory.SignInAsync(login);

        var home = await client.GetDocumentAsync("/Teacher");

        Assert.Equal("Установлена квалификационная категория «высшая»", home.QuerySelector("#decision-text")!.TextContent.Trim());
        Assert.Contains("протокол № 1", home.QuerySelector("#decision")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("«первая» (учитель) с 15.03.2021 по 15.03.2026",
            home.QuerySelector("#categories li")!.TextContent.Trim());
        Assert.NotNull(home.QuerySelector("#apply a[href='/Teacher/Applications/Edit']"));
        Assert.Null(home.QuerySelector("#current"));
    }

    [Fact]
    public async Task An_application_in_progress_shows_its_status_and_next_step_and_the_list_links_by_claim_and_status()
    {
        var place = await _world.MunicipalityAsync("Парабельский район");
        var registered = await _world.ApplicationAsync(place, "Зарегистрированова", ApplicationStage.Registered, simplified: true);
        using var client = await factory.SignInAsync(await LoginOfAsync(registered.TeacherId));

        var home = await client.GetDocumentAsync("/Teacher");

        Assert.Equal("Зарегистрировано", home.QuerySelector("#current-status")!.TextContent.Trim());
        Assert.Equal("Следующий шаг: Заявление по упрощенной форме зарегистрировано: основание проверяет муниципальный координатор",
            home.QuerySelector("#next-step")!.TextContent.Trim());
        Assert.Null(home.QuerySelector("#apply"));
        Assert.Null(home.QuerySelector("#decision"));

        var list = await client.GetDocumentAsync("/Teacher/Applications");
        var link = list.QuerySelector($"a[href='/Teacher/Applications/Details?id={registered.Id}']")!;
        Assert.Equal("На категорию «высшая» — Зарегистрировано", link.TextContent.Trim());
    }

    private async Task<string> LoginOfAsync(Guid teacherId)
    {
        await using var db = factory.OpenDb();
        return await db.Users.Where(u => u.Id == teacherId).Select(u => u.UserName!).SingleAsync();
    }
}
