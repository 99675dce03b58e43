using Attestation.Testing;
using Attestation.Web.Documents;

namespace Attestation.Web.Tests.Documents;

/// <summary>
/// Every document the portal prints, filled with the longest real values of the region (organisation names like
/// «ОГКОУ "Моряковская школа-интернат для детей с ограниченными возможностями здоровья"», «дистанционно», «не
/// соответствует», registration numbers), read back word by word from the PDF's text layer: every date, number and
/// category word stands whole on one line, every header is wrapped between its words only, nothing runs off the page,
/// and the only font in the file is the portal's own Tinos, embedded. Fails on a machine where a document would fall
/// back to another font or break a word, which is what the fonts of the server used to decide.
/// </summary>
public sealed class DocumentLayoutTests(PdfRendererFixture pdf) : IClassFixture<PdfRendererFixture>
{
    public static TheoryData<string> Documents => new(LongDocuments.All.Keys);

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Every_date_number_and_category_word_prints_whole_on_one_line_in_the_portals_own_font(string name)
    {
        var document = LongDocuments.All[name];

        var bytes = await document.RenderAsync(pdf);
        await PdfRendererFixture.SaveArtifactAsync($"layout-{name}.pdf", bytes);

        var fonts = await PdfReading.FontsAsync(bytes);
        Assert.NotEmpty(fonts);
        Assert.All(fonts, font =>
        {
            Assert.StartsWith("Tinos-", font.Name, StringComparison.Ordinal);
            Assert.True(font.Embedded, $"{font.Name} is not embedded.");
        });

        var words = await PdfReading.WordsAsync(bytes);
        foreach (var phrase in document.WholePhrases)
            PdfLayout.AssertOnOneLine(words, phrase);
        foreach (var heading in document.Headings)
            PdfLayout.AssertWordsWhole(words, heading);
        var (width, _) = await PdfReading.PageSizeAsync(bytes);
        PdfLayout.AssertWithinPage(words, width);
        PdfLayout.AssertNothingOverflows(words);
    }
}
