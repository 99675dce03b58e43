using System.Net;
using System.Text.RegularExpressions;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Names;
using Attestation.Web.Documents;
using Attestation.Web.Documents.Templates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Attestation.Web.Tests.Documents;

/// <summary>The application form's model and HTML: no browser needed.</summary>
public sealed class ApplicationFormTests
{
    [Fact]
    public void The_model_writes_the_position_in_small_letters_and_the_categories_in_the_accusative()
    {
        var model = SampleApplications.Form();

        Assert.Equal("Пичугина Олеся Владимировна", model.FullName);
        Assert.Equal("Пичугина О. В.", model.ShortName);
        Assert.Equal("учитель", model.Position);
        Assert.Equal("учитель математики", model.PositionWithSubject);
        Assert.Equal("высшую квалификационную категорию", model.ClaimedCategory);
        Assert.Equal("первую квалификационную категорию", model.HeldCategory);
        Assert.Equal(2026, model.AttestationYear);
        Assert.Equal("дистанционно", model.Form);
        Assert.Equal(2, model.LessonRecordings.Count);
        Assert.Equal(GrammaticalGender.Female, model.Gender);
    }

    [Fact]
    public void The_year_asked_for_is_the_year_the_assigned_period_starts()
    {
        var application = SampleApplications.Application();
        var december = new DateOnly(2026, 12, 2);

        var forJanuary = ApplicationFormModel.From(application, SampleApplications.Organisation, "Учитель", "математики",
            SampleApplications.Municipality, SampleApplications.Teacher, SampleApplications.Commission, december, periodStartYear: 2027);
        var withoutPeriod = ApplicationFormModel.From(application, SampleApplications.Organisation, "Учитель", "математики",
            SampleApplications.Municipality, SampleApplications.Teacher, SampleApplications.Commission, december);

        Assert.Equal(2027, forJanuary.AttestationYear);
        Assert.Equal(2026, withoutPeriod.AttestationYear);
    }

    [Theory]
    [InlineData(QualificationCategory.First, "первую квалификационную категорию")]
    [InlineData(QualificationCategory.Highest, "высшую квалификационную категорию")]
    [InlineData(QualificationCategory.Methodist, "квалификационную категорию «педагог-методист»")]
    [InlineData(QualificationCategory.Mentor, "квалификационную категорию «педагог-наставник»")]
    public void The_new_categories_are_names_and_come_after_the_noun(QualificationCategory category, string expected) =>
        Assert.Equal(expected, ApplicationFormModel.CategoryAccusative(category));

    [Fact]
    public void The_header_names_the_teacher_in_the_genitive_and_a_correction_for_his_name_wins()
    {
        var application = SampleApplications.Application();
        var corrected = new TeacherProfile(null, null, new GenitiveCorrection("Пичугина Олеся Владимировна", "Пичугиной Олесии Владимировны"));
        var stale = new TeacherProfile(null, null, new GenitiveCorrection("Соколова Олеся Владимировна", "Соколовой Олесии Владимировны"));

        Assert.Equal("Пичугиной Олеси Владимировны", SampleApplications.Form(application).FullNameGenitive);
        Assert.Equal("Пичугиной Олесии Владимировны", SampleApplications.Form(application, corrected).FullNameGenitive);
        Assert.Equal("Пичугиной Олеси Владимировны", SampleApplications.Form(application, stale).FullNameGenitive);
    }

    [Fact]
    public void The_attachments_are_listed_by_kind_without_the_scan_of_the_application_itself()
    {
        var application = SampleApplications.Application(d => d with { ClaimedCategory = QualificationCategory.Methodist });
        var teacher = new Actor(application.TeacherId, "Teacher");
        var now = new DateTimeOffset(2026, 3, 12, 3, 0, 0, TimeSpan.Zero);
        application.AttachDocument(ApplicationDocumentKind.SignedApplication, Guid.NewGuid(), "скан.pdf", teacher, now);
        application.AttachDocument(ApplicationDocumentKind.Other, Guid.NewGuid(), "грамота-1.pdf", teacher, now);
        application.AttachDocument(ApplicationDocumentKind.EmployerPetition, Guid.NewGuid(), "ходатайство.pdf", teacher, now);
        application.AttachDocument(ApplicationDocumentKind.Other, Guid.NewGuid(), "грамота-2.pdf", teacher, now);

        var model = SampleApplications.Form(application);

        Assert.True(model.AttachesEmployerPetition);
        Assert.Equal(["Ходатайство работодателя", "Иной документ (2 файла)"], model.Attachments);
        Assert.False(SampleApplications.Form().AttachesEmployerPetition);
    }

    [Fact]
    public async Task What_the_teacher_typed_is_escaped_not_run()
    {
        var model = SampleApplications.Form(d => d with { ResultsGrounds = "<script>alert(1)</script><img src=x>" });

        var html = await RenderHtmlAsync(model);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_legacy_category_that_has_lapsed_is_written_in_the_past()
    {
        var model = SampleApplications.Form(d => d with { CurrentCategoryExpiresOn = new DateOnly(2025, 11, 2) });

        var html = await RenderTextAsync(model);

        Assert.Contains("Имела первую квалификационную категорию (распоряжение № 1234-р от 02.11.2021), срок её действия истёк 02.11.2025.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_current_category_shows_its_expiry_and_a_teacher_without_one_says_so()
    {
        var held = await RenderTextAsync(SampleApplications.Form());
        var none = await RenderTextAsync(SampleApplications.Form(d => d with
        {
            CurrentCategory = QualificationCategory.None,
            ClaimedCategory = QualificationCategory.First,
        }));

        Assert.Contains("Имею первую квалификационную категорию (распоряжение № 1234-р от 02.11.2021), срок её действия — до 02.11.2026.", held, StringComparison.Ordinal);
        Assert.Contains("Квалификационной категории не имею.", none, StringComparison.Ordinal);
        Assert.Contains("на первую квалификационную категорию по должности «учитель математики»", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_with_gaps_prints_lines_to_fill_in_by_hand()
    {
        var model = SampleApplications.Form(d => d with
        {
            ClaimedCategory = null,
            Form = null,
            EducationInstitution = null,
            EducationYear = null,
            EducationSpeciality = null,
            EducationQualification = null,
            PedagogicalServiceYears = null,
        });

        var html = await RenderTextAsync(model);

        Assert.Contains($"на {DocumentText.Blank} квалификационную категорию", html, StringComparison.Ordinal);
        Assert.Contains("очно / дистанционно", html, StringComparison.Ordinal);
    }

    /// <summary>The HTML as a reader sees it: tags dropped, entities decoded, the template's line breaks and indents made one space.</summary>
    private static async Task<string> RenderTextAsync(ApplicationFormModel model) =>
        Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(await RenderHtmlAsync(model), "<[^>]+>", "")), @"\s+", " ");

    private static async Task<string> RenderHtmlAsync(ApplicationFormModel model)
    {
        // The HTML step needs no browser: the renderer is never asked for a PDF here.
        var configuration = new ConfigurationBuilder().Build();
        await using var services = new ServiceCollection().AddLogging().AddPortalDocuments(configuration).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var documents = scope.ServiceProvider.GetRequiredService<IDocumentRenderer>();
        return await documents.RenderHtmlAsync<ApplicationForm>(SampleApplications.Parameters(model));
    }
}
