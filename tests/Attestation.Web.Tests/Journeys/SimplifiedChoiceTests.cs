using System.Net;
using Attestation.Domain.Applications;
using Attestation.Testing;
using static Attestation.Web.Tests.Teacher.TeacherCabinet;

namespace Attestation.Web.Tests.Journeys;

/// <summary>Issue 15, item 1: the simplified form is an explicit choice with a listed ground, never a typed «нет».</summary>
public sealed class SimplifiedChoiceTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly Teacher.TeacherCabinet _cabinet = new(factory);

    [Fact]
    public async Task The_form_offers_general_grounds_or_the_simplified_form_with_its_listed_grounds()
    {
        await _cabinet.CreateTeacherAsync("simple.form");
        using var client = await factory.SignInAsync("simple.form");

        var page = await client.GetDocumentAsync(NewApplicationUrl);

        Assert.Equal(["General", "Simplified"], page.QuerySelectorAll("input[name='Input.Grounds']").Select(r => r.GetAttribute("value")!));
        Assert.NotNull(page.QuerySelector("input#grounds-general[checked]"));
        Assert.Equal(SimplifiedForm.Grounds, page.QuerySelectorAll("select[name='Input.SimplifiedGround'] option")
            .Select(o => o.GetAttribute("value")).Where(v => !string.IsNullOrEmpty(v)));
        Assert.Null(page.QuerySelector("textarea[name='Input.SimplifiedGrounds']"));
    }

    [Fact]
    public async Task The_simplified_form_without_a_listed_ground_is_refused_next_to_the_field_and_nothing_typed_is_lost()
    {
        await _cabinet.CreateTeacherAsync("simple.noground");
        using var client = await factory.SignInAsync("simple.noground");
        var form = CompleteForm();
        form["Input.Grounds"] = "Simplified";
        form["Input.SimplifiedGround"] = "нет";
        form["Input.Awards"] = "Почётная грамота";

        using var response = await client.SubmitFormAsync(NewApplicationUrl, form, submitter: "save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Выберите основание для упрощённой формы из списка или отметьте «на общих основаниях».",
            page.FieldError("Input.SimplifiedGround"));
        Assert.Equal("Почётная грамота", page.QuerySelector("[name='Input.Awards']")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("input#grounds-simplified[checked]"));
    }

    [Fact]
    public async Task A_listed_ground_is_kept_with_its_details_and_general_grounds_clear_it()
    {
        await _cabinet.CreateTeacherAsync("simple.ok");
        using var client = await factory.SignInAsync("simple.ok");
        var form = CompleteForm();
        form["Input.Grounds"] = "Simplified";
        form["Input.SimplifiedGround"] = SimplifiedForm.Grounds[0];
        form["Input.SimplifiedDetails"] = "«Учитель года — 2025», лауреат";

        var id = await SaveDraftAsync(client, form);

        var saved = await _cabinet.LoadAsync(id);
        Assert.True(saved.IsSimplified);
        Assert.Equal($"{SimplifiedForm.Grounds[0]}: «Учитель года — 2025», лауреат", saved.SimplifiedGrounds);
        var page = await client.GetDocumentAsync(EditUrl(id));
        Assert.NotNull(page.QuerySelector("input#grounds-simplified[checked]"));
        Assert.Equal(SimplifiedForm.Grounds[0], page.QuerySelector("select[name='Input.SimplifiedGround'] option[selected]")!.GetAttribute("value"));
        Assert.Equal("«Учитель года — 2025», лауреат", page.QuerySelector("[name='Input.SimplifiedDetails']")!.GetAttribute("value"));

        // A ground left chosen in the list does not make an application on general grounds simplified.
        using (var general = await client.SubmitFormAsync(page, EditUrl(id), new Dictionary<string, string> { ["Input.Grounds"] = "General" }, submitter: "save"))
            Assert.Equal(HttpStatusCode.Redirect, general.StatusCode);
        Assert.Null((await _cabinet.LoadAsync(id)).SimplifiedGrounds);
    }
}
