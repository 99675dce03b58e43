using System.Net;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Tests.Municipality.Users;

/// <summary>The municipal coordinator's «Пользователи»: his municipality's experts and school coordinators, no one else.</summary>
public sealed class MunicipalUsersTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private const string Url = "/Municipality/Users";

    [Fact]
    public async Task The_coordinator_sees_only_his_municipalitys_experts_and_school_coordinators()
    {
        var (tomsk, district) = (factory.Directory.Tomsk.Id, factory.Directory.District.Id);
        await factory.CreateUserAsync(Roles.Expert, "mu.list.expert", u => u.MunicipalityId = tomsk);
        await factory.CreateUserAsync(Roles.SchoolCoordinator, "mu.list.school", u => u.MunicipalityId = tomsk);
        await factory.CreateUserAsync(Roles.Teacher, "mu.list.teacher", u => u.MunicipalityId = tomsk);
        await factory.CreateUserAsync(Roles.Expert, "mu.list.other", u => u.MunicipalityId = district);
        using var client = await Coordinators.SignedInAsync(factory, "mu.list.coord", tomsk);

        var page = await client.GetDocumentAsync($"{Url}?q=mu.list");

        Assert.Equal(["mu.list.expert", "mu.list.school"],
            page.QuerySelectorAll("#users .login").Select(l => l.TextContent).Order(StringComparer.Ordinal));
        Assert.Null(page.QuerySelector("#municipalityId"));
        using var teachers = await client.GetAsync($"{Url}?role={Roles.Teacher}");
        Assert.Equal(HttpStatusCode.NotFound, teachers.StatusCode);
    }

    [Fact]
    public async Task The_coordinator_blocks_his_expert_but_an_account_of_another_municipality_is_not_found()
    {
        var (tomsk, district) = (factory.Directory.Tomsk.Id, factory.Directory.District.Id);
        await factory.CreateUserAsync(Roles.Expert, "mu.block.expert", u => u.MunicipalityId = tomsk);
        var other = await factory.CreateUserAsync(Roles.Expert, "mu.block.other", u => u.MunicipalityId = district);
        using var client = await Coordinators.SignedInAsync(factory, "mu.block.coord", tomsk);
        var list = await client.GetDocumentAsync($"{Url}?q=mu.block.expert");

        using var blocked = await client.SubmitFormAsync(list, $"{Url}?q=mu.block.expert", new Dictionary<string, string>(),
            "#users form", "block");
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        Assert.Equal("Заблокирована", (await client.GetDocumentAsync($"{Url}?q=mu.block.expert")).QuerySelector("#users td.state")!.TextContent);

        // The same form aimed at the other municipality's expert: nothing there for this coordinator.
        using var forged = await client.PostFormToAsync(list, $"{Url}?handler=Block", new Dictionary<string, string>
        {
            ["id"] = other.Id.ToString(),
            ["version"] = other.ConcurrencyStamp!,
        }, formSelector: "#users form");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        using var stillIn = await factory.SignInAsync("mu.block.other");
    }

    /// <summary>
    /// The accounts are counted up to <see cref="Paging.ListCountLimit"/>: beyond, the pager says «более чем» and pages
    /// through the first ones in the list's order, a search as the whole list; fewer are counted exactly.
    /// </summary>
    [Fact]
    public async Task A_list_longer_than_the_limit_says_so_and_pages_through_the_first_rows_in_order()
    {
        var tomsk = factory.Directory.Tomsk.Id;
        var template = await factory.CreateUserAsync(Roles.Expert, "mu.count.00000", u =>
        {
            u.MunicipalityId = tomsk;
            u.LastName = "Счётная";
            u.FirstName = "Номер00000";
        });
        using var client = await Coordinators.SignedInAsync(factory, "mu.count.coord", tomsk);
        await CopiesAsync(template, 98);
        var few = await client.GetDocumentAsync($"{Url}?q=счетная");
        Assert.Equal("Строки 1–50 из 99", Text(few, "#pager-range"));
        Assert.Null(few.QuerySelector("#pager-more"));
        // A search's page and count come from one statement (AccountDirectory): the second page continues the first
        // in the order of names, and a page past the last is the last.
        var second = await client.GetDocumentAsync($"{Url}?q=счетная&p=2");
        Assert.Equal("Строки 51–99 из 99", Text(second, "#pager-range"));
        Assert.Equal(Enumerable.Range(50, 49).Select(n => $"mu.count.{n:D5}"),
            second.QuerySelectorAll("#users .login").Select(l => l.TextContent));
        Assert.Equal("Строки 51–99 из 99", Text(await client.GetDocumentAsync($"{Url}?q=счетная&p=7"), "#pager-range"));
        var nobody = await client.GetDocumentAsync($"{Url}?q=никогонет");
        Assert.Null(nobody.QuerySelector("#pager-range"));
        Assert.Empty(nobody.QuerySelectorAll("#users .login"));

        await CopiesAsync(template, Paging.ListCountLimit + 1, from: 99);
        var first = await client.GetDocumentAsync($"{Url}?q=счетная");
        Assert.Equal("Строки 1–50 из более чем 10 000", Text(first, "#pager-range"));
        Assert.StartsWith("Показаны первые 10 000 строк: уточните поиск", Text(first, "#pager-more"), StringComparison.Ordinal);
        Assert.Equal("mu.count.00000", first.QuerySelector("#users .login")!.TextContent);

        var last = await client.GetDocumentAsync($"{Url}?q=счетная&p=999");
        Assert.Equal("Строки 9 951–10 000 из более чем 10 000", Text(last, "#pager-range"));
        Assert.Equal(Enumerable.Range(9950, 50).Select(n => $"mu.count.{n:D5}"),
            last.QuerySelectorAll("#users .login").Select(l => l.TextContent));
        Assert.Equal("Строки 1–50 из более чем 10 000", Text(await client.GetDocumentAsync(Url), "#pager-range"));
    }

    private static string Text(AngleSharp.Dom.IDocument page, string selector) =>
        page.QuerySelector(selector)!.TextContent.Trim().Replace('\u00A0', ' ');

    /// <summary>
    /// Copies of <paramref name="template"/> in its role, numbered from <paramref name="from"/> up to
    /// <paramref name="count"/>.
    /// </summary>
    private async Task CopiesAsync(Web.Data.AppUser template, int count, int from = 1)
    {
        await using var db = factory.OpenDb();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "AspNetUsers"
            SELECT (jsonb_populate_record(NULL::"AspNetUsers", to_jsonb(t) || jsonb_build_object(
                'Id', gen_random_uuid(),
                'UserName', 'mu.count.' || lpad(g::text, 5, '0'),
                'NormalizedUserName', 'MU.COUNT.' || lpad(g::text, 5, '0'),
                'Email', 'mu.count.' || lpad(g::text, 5, '0') || '@example.org',
                'NormalizedEmail', 'MU.COUNT.' || lpad(g::text, 5, '0') || '@EXAMPLE.ORG',
                'FirstName', 'Номер' || lpad(g::text, 5, '0'),
                'SecurityStamp', gen_random_uuid()::text,
                'ConcurrencyStamp', gen_random_uuid()::text))).*
            FROM "AspNetUsers" t, generate_series({from}, {count}) g
            WHERE t."Id" = {template.Id}
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "AspNetUserRoles" ("UserId", "RoleId")
            SELECT u."Id", r."RoleId" FROM "AspNetUsers" u, "AspNetUserRoles" r
            WHERE r."UserId" = {template.Id} AND u."UserName" LIKE 'mu.count.%' AND u."Id" <> {template.Id}
            ON CONFLICT DO NOTHING
            """);
    }
}
