using System.Globalization;
using System.Text.RegularExpressions;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Testing;
using Attestation.Web.Documents;
using Attestation.Web.Documents.Templates;

namespace Attestation.Web.Tests.Documents;

/// <summary>Where the printed application breaks its pages, read back from Chromium's PDF.</summary>
public sealed partial class ApplicationLayoutTests(PdfRendererFixture pdf) : IClassFixture<PdfRendererFixture>
{
    private const string ConsentStart = "В соответствии с Федеральным законом";
    private const string ConsentEnd = "в целях проведения аттестации.";

    [Fact]
    public async Task A_full_application_prints_everything_it_holds_with_the_consent_above_the_signature()
    {
        var bytes = await pdf.RenderAsync<ApplicationForm>(SampleApplications.Parameters(FullApplication(grounds: 12)), PdfPageOptions.Portrait);
        await PdfRendererFixture.SaveArtifactAsync("application-form-full.pdf", bytes);

        var text = await PdfReading.TextAsync(bytes);
        Assert.Contains("от Пичугиной Олеси Владимировны", text, StringComparison.Ordinal);
        Assert.Contains("на квалификационную категорию «педагог-методист» по должности «учитель математики»", text, StringComparison.Ordinal);
        Assert.Contains("К заявлению прилагается ходатайство работодателя.", text, StringComparison.Ordinal);
        Assert.Contains("Приложения: 1. Описание результатов профессиональной деятельности 2. Ходатайство работодателя", text, StringComparison.Ordinal);
        var pages = await PdfReading.PagesAsync(bytes);
        var signed = pages.Single(p => p.Contains("Подпись", StringComparison.Ordinal));
        Assert.Contains(ConsentEnd, signed, StringComparison.Ordinal);
    }

    /// <summary>
    /// The same application with ever longer results, so that the end of the form meets the bottom of the page at every
    /// line: the consent never moves whole to a page of its own while its first lines fit above, and the signature never
    /// stands without it.
    /// </summary>
    [Fact]
    public async Task The_consent_is_never_pushed_whole_onto_the_next_page_and_the_signature_keeps_its_last_lines()
    {
        const int variants = 40;
        var html = new List<string>();
        for (var lines = 0; lines < variants; lines++)
            html.Add(await pdf.RenderHtmlAsync<ApplicationForm>(SampleApplications.Parameters(FullApplication(lines))));

        // One print of every variant, each starting a page: they break as they would alone, and print in one go.
        var bytes = await pdf.Renderer.RenderAsync(OnePerPage(html), PdfPageOptions.Portrait, CancellationToken.None);
        await PdfRendererFixture.SaveArtifactAsync("application-form-page-breaks.pdf", bytes);

        var pages = await PdfReading.PagesAsync(bytes);
        var forms = SplitByForm(pages);
        Assert.Equal(variants, forms.Count);
        Assert.Contains(forms, f => f.Count > 1);
        foreach (var (form, index) in forms.Select((f, i) => (f, i)))
        {
            Assert.All(form.Skip(1), page => Assert.False(page.StartsWith(ConsentStart, StringComparison.Ordinal),
                $"Variant {index}: the consent starts a page of its own: {page}"));
            var signed = form.Single(p => p.Contains("Подпись", StringComparison.Ordinal));
            Assert.True(signed.Contains(ConsentEnd, StringComparison.Ordinal), $"Variant {index}: the signature is without the consent: {signed}");
        }
    }

    /// <summary>A methodist's claim with everything filled in, long links and documents attached.</summary>
    private static ApplicationFormModel FullApplication(int grounds)
    {
        var application = SampleApplications.Application(d => d with
        {
            ClaimedCategory = QualificationCategory.Methodist,
            CurrentCategory = QualificationCategory.Highest,
            CurrentCategoryExpiresOn = null,
            ResultsGrounds = "Стабильные положительные результаты освоения обучающимися образовательных программ по итогам "
                + "мониторингов, проводимых организацией; призёры регионального этапа Всероссийской олимпиады школьников."
                + string.Concat(Enumerable.Range(1, grounds).Select(i =>
                    string.Create(CultureInfo.InvariantCulture, $"\n{i}. Руководство методическим объединением учителей, {2000 + i} год."))),
            ResultLinks = "https://lyceum8.tomsk.example/teachers/pichugina-olesya-vladimirovna/portfolio\n"
                + "https://edu.tomsk.example/methodical-association/mathematics/2025-2026/reports/pichugina",
            Awards = "Почётная грамота Министерства просвещения Российской Федерации (2021); "
                + "Почётная грамота Департамента общего образования Томской области (2019)",
        });
        var teacher = new Actor(application.TeacherId, "Teacher");
        var now = new DateTimeOffset(2026, 3, 12, 3, 0, 0, TimeSpan.Zero);
        application.AttachDocument(ApplicationDocumentKind.ResultsDescription, Guid.NewGuid(), "описание.pdf", teacher, now);
        application.AttachDocument(ApplicationDocumentKind.EmployerPetition, Guid.NewGuid(), "ходатайство.pdf", teacher, now);
        return SampleApplications.Form(application);
    }

    private static string OnePerPage(List<string> documents)
    {
        var head = documents[0][..documents[0].IndexOf("<body>", StringComparison.Ordinal)];
        var bodies = documents.Select(d => Body().Match(d).Groups[1].Value);
        return head + "<body>" + string.Concat(bodies.Select(b => $"<section style=\"break-before: page\">{b}</section>")) + "</body></html>";
    }

    /// <summary>The pages of each printed form: a form begins with its heading «ЗАЯВЛЕНИЕ».</summary>
    private static List<List<string>> SplitByForm(IReadOnlyList<string> pages)
    {
        var forms = new List<List<string>>();
        foreach (var page in pages)
        {
            if (page.Contains("ЗАЯВЛЕНИЕ", StringComparison.Ordinal))
                forms.Add([]);
            forms[^1].Add(page);
        }
        return forms;
    }

    [GeneratedRegex("<body>(.*)</body>", RegexOptions.Singleline)]
    private static partial Regex Body();
}
