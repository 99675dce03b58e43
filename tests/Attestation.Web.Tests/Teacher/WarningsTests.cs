using System.Net;
using AngleSharp.Dom;
using Attestation.Domain.Applications;
using Attestation.Domain.Rules;
using Attestation.Testing;
using static Attestation.Web.Tests.Teacher.TeacherCabinet;

namespace Attestation.Web.Tests.Teacher;

/// <summary>The eligibility warnings on the application form: each names its rule, recomputed on every save.</summary>
public sealed class WarningsTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly TeacherCabinet _cabinet = new(factory);

    [Fact]
    public async Task Claiming_the_highest_category_with_no_prior_one_warns_and_names_the_rule()
    {
        await _cabinet.CreateTeacherAsync("warn.highest");
        using var client = await factory.SignInAsync("warn.highest");

        var id = await SaveDraftAsync(client, new Dictionary<string, string> { ["Input.ClaimedCategory"] = "Highest" });

        var page = await client.GetDocumentAsync(EditUrl(id));
        var warning = Warning(page, RuleCodes.HighestRequiresPrior);
        Assert.NotNull(warning);
        Assert.Contains("Высшая квалификационная категория устанавливается педагогу, который имеет или имел первую или высшую категорию",
            warning.TextContent, StringComparison.Ordinal);
        Assert.Contains($"({RuleSources.Order196})", warning.TextContent, StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll("#warnings li[data-rule]"));
    }

    [Fact]
    public async Task A_first_category_added_in_the_profile_clears_the_warning_on_the_next_save()
    {
        await _cabinet.CreateTeacherAsync("warn.highest.cleared");
        using var client = await factory.SignInAsync("warn.highest.cleared");
        var id = await SaveDraftAsync(client, new Dictionary<string, string> { ["Input.ClaimedCategory"] = "Highest" });
        Assert.NotNull(Warning(await client.GetDocumentAsync(EditUrl(id)), RuleCodes.HighestRequiresPrior));

        using (var added = await client.SubmitFormAsync(ProfileUrl, new Dictionary<string, string>
               {
                   ["Category.Kind"] = "First",
                   ["Category.PositionName"] = "учитель",
                   ["Category.SetOn"] = "2024-05-20",
                   ["Category.DecisionNumber"] = "1234-р",
                   ["Category.DecisionDate"] = "2024-05-20",
               }, "main form[action$='handler=AddCategory']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }
        var profile = await client.GetDocumentAsync(ProfileUrl);
        Assert.Equal("Квалификационная категория добавлена.", StatusMessage(profile));
        Assert.Contains("первая", profile.QuerySelector("#categories")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(id, await SaveDraftAsync(client, new Dictionary<string, string>(), EditUrl(id)));

        var page = await client.GetDocumentAsync(EditUrl(id));
        Assert.Null(Warning(page, RuleCodes.HighestRequiresPrior));
        Assert.Null(page.QuerySelector("#warnings"));
    }

    [Fact]
    public async Task Claiming_pedagogue_methodist_without_the_petition_warns_until_the_petition_is_attached()
    {
        await _cabinet.CreateTeacherAsync("warn.petition");
        using var client = await factory.SignInAsync("warn.petition");

        var id = await SaveDraftAsync(client, new Dictionary<string, string>
        {
            ["Input.ClaimedCategory"] = "Methodist",
            ["Input.CurrentCategory"] = "Highest",
        });

        var page = await client.GetDocumentAsync(EditUrl(id));
        var warning = Warning(page, RuleCodes.PetitionRequired);
        Assert.NotNull(warning);
        Assert.Contains("прилагается ходатайство работодателя; ходатайство не приложено", warning.TextContent,
            StringComparison.Ordinal);
        Assert.Contains($"({RuleSources.Order196})", warning.TextContent, StringComparison.Ordinal);
        // The declared «высшая» satisfies the other rule of the new categories.
        Assert.Null(Warning(page, RuleCodes.NewCategoryRequiresHighest));
        Assert.Contains("«Ходатайство работодателя»", page.QuerySelector("#documents")!.TextContent, StringComparison.Ordinal);

        await AttachAsync(client, id, ApplicationDocumentKind.EmployerPetition, "ходатайство.pdf", SampleFiles.Pdf());

        Assert.Null(Warning(await client.GetDocumentAsync(EditUrl(id)), RuleCodes.PetitionRequired));
    }

    [Fact]
    public async Task A_methodist_claiming_pedagogue_methodist_with_no_highest_category_gets_every_warning_that_applies()
    {
        await _cabinet.CreateTeacherAsync("warn.methodist", user => user.PositionId = factory.Directory.Methodist.Id);
        using var client = await factory.SignInAsync("warn.methodist");

        var id = await SaveDraftAsync(client, new Dictionary<string, string> { ["Input.ClaimedCategory"] = "Methodist" });

        var page = await client.GetDocumentAsync(EditUrl(id));
        Assert.Equal(
            [RuleCodes.NewCategoryRequiresHighest, RuleCodes.PetitionRequired, RuleCodes.MethodistPositionCannotClaimMethodist],
            page.QuerySelectorAll("#warnings li[data-rule]").Select(li => li.GetAttribute("data-rule")));
    }

    [Fact]
    public async Task The_first_category_has_no_prerequisite()
    {
        await _cabinet.CreateTeacherAsync("warn.first");
        using var client = await factory.SignInAsync("warn.first");

        var id = await SaveDraftAsync(client, CompleteForm());

        Assert.Null((await client.GetDocumentAsync(EditUrl(id))).QuerySelector("#warnings"));
    }

    private static IElement? Warning(IParentNode page, string code) =>
        page.QuerySelector($"#warnings li[data-rule='{code}']");
}
