using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Web.Documents;
using Attestation.Web.Documents.Templates;

namespace Attestation.Web.Tests.Documents;

/// <summary>A document to print with the region's longest values, and what must come out whole.</summary>
/// <param name="WholePhrases">Dates, numbers and words that must stand whole on one line («№ 12/2026», «не соответствует»).</param>
/// <param name="Headings">Column headers and titles that may wrap, but only between their words.</param>
public sealed record LongDocument(
    Func<PdfRendererFixture, Task<byte[]>> RenderAsync,
    IReadOnlyList<string> WholePhrases,
    IReadOnlyList<string> Headings);

/// <summary>Every document of SPEC §6 with the longest values the seeds show.</summary>
internal static class LongDocuments
{
    public const string Organisation = "ОГКОУ \"Моряковская школа-интернат для детей с ограниченными возможностями здоровья\"";
    public const string LongName = "Константинопольская Александра Вячеславовна";
    public const string DoubleName = "Иванова-Кузнецова Мария Петровна";

    public static IReadOnlyDictionary<string, LongDocument> All { get; } = new Dictionary<string, LongDocument>(StringComparer.Ordinal)
    {
        ["commission-list"] = CommissionList(),
    };

    private static Task<byte[]> Render<TTemplate>(PdfRendererFixture pdf, object model, PdfPageOptions options)
        where TTemplate : Microsoft.AspNetCore.Components.IComponent =>
        pdf.RenderAsync<TTemplate>(new Dictionary<string, object?> { ["Model"] = model }, options);

    private static LongDocument CommissionList()
    {
        var rows = Enumerable.Range(1, 12).Select(i => new CommissionListRow(
            i, Guid.NewGuid(), i % 2 == 0 ? LongName : DoubleName, "учитель-логопед", Organisation, "Верхнекетский район",
            i % 3 == 0 ? "не соответствует" : "соответствует", i % 4 == 0 ? "не соответствует" : "соответствует",
            i % 3 != 0, i % 3 == 0 ? DecisionOutcome.Refused : DecisionOutcome.Established)).ToList();
        var model = new CommissionListModel
        {
            MeetingId = Guid.NewGuid(),
            MeetingDate = new DateOnly(2027, 2, 26),
            ProtocolNumber = "12/2027",
            OrderNumber = "1193-р",
            OrderDate = new DateOnly(2027, 3, 3),
            Groups =
            [
                new CommissionListGroup(QualificationCategory.Highest, rows[..6]),
                new CommissionListGroup(QualificationCategory.Methodist, rows[6..]),
            ],
        };
        return new LongDocument(
            pdf => Render<CommissionList>(pdf, model, PdfPageOptions.Table(model.Count)),
            ["26.02.2027", "протокол № 12/2027", "Распоряжение № 1193-р", "от 03.03.2027", "не соответствует", "соответствует",
                "отказать", "установить"],
            [CommissionListModel.Title, .. CommissionListModel.Columns, .. model.Groups.Select(g => g.Heading)]);
    }
}
