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
        ["application-form"] = ApplicationForm(),
        ["withdrawal-document"] = WithdrawalDocument(),
        ["conclusion-form"] = ConclusionForm(),
    };

    private static Task<byte[]> Render<TTemplate>(PdfRendererFixture pdf, object model, PdfPageOptions options)
        where TTemplate : Microsoft.AspNetCore.Components.IComponent =>
        pdf.RenderAsync<TTemplate>(new Dictionary<string, object?> { ["Model"] = model }, options);

    private static LongDocument ApplicationForm()
    {
        var application = SampleApplications.Application(d => d with
        {
            LastName = "Константинопольская",
            FirstName = "Александра",
            MiddleName = "Вячеславовна",
            ClaimedCategory = QualificationCategory.Methodist,
        });
        var model = ApplicationFormModel.From(application, Organisation, "Учитель-дефектолог", null, "Верхнекетский район",
            SampleApplications.Teacher, SampleApplications.Commission, SampleApplications.Today);
        return new LongDocument(
            pdf => Render<ApplicationForm>(pdf, model, PdfPageOptions.Portrait),
            ["«педагог-методист»", "№ 1234-р", "02.11.2021", "02.11.2026", "дистанционно", "+7 913 123-45-67"],
            // A name this long may wrap in the addressee block, between its words.
            ["от Константинопольской Александры Вячеславовны", "ЗАЯВЛЕНИЕ", "Сообщаю о себе следующие сведения:", Organisation]);
    }

    private static LongDocument WithdrawalDocument()
    {
        var model = new WithdrawalDocumentModel
        {
            Municipality = "Верхнекетский район",
            Commission = SampleApplications.Commission,
            CoordinatorFullName = "Иванова-Кузнецова Мария Петровна",
            CoordinatorFullNameGenitive = "Ивановой-Кузнецовой Марии Петровны",
            CoordinatorShortName = "Иванова-Кузнецова М. П.",
            TeacherFullName = LongName,
            TeacherFullNameGenitive = "Константинопольской Александры Вячеславовны",
            TeacherShortName = "Константинопольская А. В.",
            TeacherPosition = "учитель-дефектолог",
            TeacherOrganisation = Organisation,
            ClaimedCategory = "высшую квалификационную категорию",
            SubmittedOn = new DateOnly(2026, 10, 14),
            RegistrationNumber = "1193/2026",
            RegisteredOn = new DateOnly(2026, 10, 20),
            Period = "декабрь 2026-январь 2027",
            Reason = "по состоянию здоровья: длительная временная нетрудоспособность",
            FormedOn = new DateOnly(2026, 11, 30),
        };
        return new LongDocument(
            pdf => Render<WithdrawalDocument>(pdf, model, PdfPageOptions.Portrait),
            ["Константинопольской Александры Вячеславовны", "14.10.2026", "№ 1193/2026", "20.10.2026", "30.11.2026"],
            []);
    }

    private static LongDocument ConclusionForm()
    {
        var model = new ConclusionFormModel
        {
            TeacherFullName = LongName,
            TeacherFullNameGenitive = "Константинопольской Александры Вячеславовны",
            TeacherShortName = "Константинопольская А. В.",
            TeacherGender = Attestation.Domain.Names.GrammaticalGender.Female,
            Position = "учитель-дефектолог",
            Organisation = Organisation,
            Municipality = "Верхнекетский район",
            ClaimedCategory = "педагог-методист",
            ClaimedCategoryGenitive = "квалификационной категории «педагог-методист»",
            Form = "дистанционно",
            Period = "декабрь 2026-январь 2027",
            PeriodStart = new DateOnly(2026, 12, 1),
            PeriodEnd = new DateOnly(2027, 1, 31),
            Experts =
            [
                new ConclusionExpert("Фёдоров Алексей Николаевич", "Фёдоров А. Н.", "учитель-логопед", Organisation),
                new ConclusionExpert(DoubleName, "Иванова-Кузнецова М. П.", "заместитель директора по учебно-воспитательной работе", Organisation),
            ],
            FormedOn = new DateOnly(2026, 12, 2),
        };
        return new LongDocument(
            pdf => Render<ConclusionForm>(pdf, model, PdfPageOptions.Portrait),
            ["Константинопольской Александры Вячеславовны", "дистанционно", "01.12.2026", "31.01.2027", "«педагог-методист»"],
            []);
    }

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
