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

    // Before All, which is built from them.
    private static readonly JournalFilter Year2026 = new(null, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

    private static readonly string[] ScheduleMunicipalities =
        ["Верхнекетский район", "Городской округ закрытое административно-территориальное образование Северск"];

    public static IReadOnlyDictionary<string, LongDocument> All { get; } = new Dictionary<string, LongDocument>(StringComparer.Ordinal)
    {
        ["commission-list"] = CommissionList(),
        ["application-form"] = ApplicationForm(),
        ["withdrawal-document"] = WithdrawalDocument(),
        ["conclusion-form"] = ConclusionForm(),
        ["registration-journal"] = RegistrationJournal(),
        ["withdrawal-journal"] = WithdrawalJournal(),
        ["municipal-schedule"] = MunicipalSchedule(),
        ["consolidated-schedule"] = ConsolidatedSchedule(),
        ["expert-schedule"] = ExpertSchedule(),
    };

    private static string Name(int i) => i % 2 == 0 ? LongName : DoubleName;

    private static LongDocument RegistrationJournal()
    {
        var rows = Enumerable.Range(1, 14).Select(i => new RegistrationJournalRow(
            i, Name(i), i % 3 == 0 ? "нет" : "первая", i % 3 == 0 ? null : new DateOnly(2027, 12, 24),
            i % 2 == 0 ? "педагог-наставник" : "высшая", i % 2 == 0 ? "дистанционно" : "очно", new DateOnly(2026, 11, 4),
            i % 4 == 0 ? null : $"{1190 + i}/2026", i % 4 == 0 ? null : new DateOnly(2026, 11, 28),
            i % 5 == 0
                ? "Решение принято: в установлении квалификационной категории «педагог-наставник» отказано (подано заявление на отзыв)"
                : $"Заявление о проведении аттестации зарегистрировано (№ {1190 + i}/2026 от 28.11.2026)")).ToList();
        var model = new RegistrationJournalModel
        {
            Filter = Year2026,
            Groups =
            [
                new JournalGroup<RegistrationJournalRow>(1, "Верхнекетский район", rows[..7]),
                new JournalGroup<RegistrationJournalRow>(2, "Городской округ закрытое административно-территориальное образование Северск", rows[7..]),
            ],
        };
        return new LongDocument(
            pdf => Render<RegistrationJournal>(pdf, model, PdfPageOptions.Table(model.Total)),
            ["24.12.2027", "04.11.2026", "№ 1191/2026", "от 28.11.2026", "педагог-наставник", "дистанционно", "№ п/п",
                "(№ 1192/2026", "28.11.2026)", "«педагог-наставник»"],
            [RegistrationJournalModel.Title, .. RegistrationJournalModel.Columns, model.TotalLine]);
    }

    private static LongDocument WithdrawalJournal()
    {
        var rows = Enumerable.Range(1, 10).Select(i => new WithdrawalJournalRow(
            i, Name(i), i % 2 == 0 ? "по состоянию здоровья: длительная временная нетрудоспособность" : "увольнение",
            i % 3 == 0 ? "муниципальный координатор" : "педагогический работник", new DateOnly(2026, 12, 1),
            i % 4 == 0 ? null : new DateOnly(2026, 12, 3))).ToList();
        var model = new WithdrawalJournalModel
        {
            Filter = Year2026,
            Groups =
            [
                new JournalGroup<WithdrawalJournalRow>(1, "Верхнекетский район", rows[..5]),
                new JournalGroup<WithdrawalJournalRow>(2, "Александровский район", rows[5..]),
            ],
        };
        return new LongDocument(
            pdf => Render<WithdrawalJournal>(pdf, model, PdfPageOptions.Table(model.Total)),
            ["01.12.2026", "03.12.2026", WithdrawalJournalModel.NotRegistered, "№ п/п"],
            [WithdrawalJournalModel.Title, .. WithdrawalJournalModel.Columns, model.TotalLine]);
    }

    private static MunicipalScheduleModel Schedule(string municipality, int rows) => new()
    {
        Municipality = municipality,
        PeriodName = "январь-февраль 2027",
        PeriodPrepositional = "в январе-феврале 2027 г.",
        ApprovedOn = new DateOnly(2026, 12, 14),
        CoordinatorName = DoubleName,
        CoordinatorPhone = "+7 (38241) 2-13-45",
        Rows = Enumerable.Range(1, rows).Select(i => new MunicipalScheduleRow(
            i, Name(i), i % 2 == 0 ? "педагог-наставник" : "высшая", i % 2 == 0 ? "дистанционно" : "очно",
            $"заместитель директора по учебно-воспитательной работе, {Organisation}",
            [$"Фёдоров Алексей Николаевич, учитель-логопед, {Organisation}", $"{DoubleName}, учитель математики, МАОУ лицей № 8 г. Томска"]))
            .ToList(),
    };

    private static LongDocument MunicipalSchedule()
    {
        var model = Schedule("Городской округ закрытое административно-территориальное образование Северск", 8);
        return new LongDocument(
            pdf => Render<MunicipalSchedule>(pdf, model, PdfPageOptions.Table(model.Rows.Count)),
            ["Утверждён 14.12.2026", "педагог-наставник", "дистанционно", "+7 (38241) 2-13-45", "№ п/п"],
            [.. MunicipalScheduleModel.Columns, model.Municipality, Organisation]);
    }

    private static LongDocument ConsolidatedSchedule()
    {
        var parts = ScheduleMunicipalities
            .Select((municipality, m) =>
            {
                var schedule = Schedule(municipality, 5);
                var approval = new ScheduleApprovalInfo(new DateTimeOffset(2026, 12, 14, 10, 0, 0, TimeSpan.FromHours(7)), "Операторова Е. А.");
                return new ConsolidatedSchedulePart(m + 1, schedule,
                    schedule.Rows.Select(_ => new ScheduledApplication(Guid.NewGuid(), ApplicationStatus.Scheduled, true)).ToList(),
                    schedule.Rows.Count, 0, 0, approval);
            })
            .ToList();
        var model = new ConsolidatedScheduleModel
        {
            PeriodName = "январь-февраль 2027",
            PeriodPrepositional = "в январе-феврале 2027 г.",
            Parts = parts,
            Total = parts.Sum(p => p.Attestees),
            ApprovedOn = new DateOnly(2026, 12, 14),
        };
        return new LongDocument(
            pdf => Render<ConsolidatedSchedule>(pdf, model, PdfPageOptions.Table(model.Total)),
            ["Утверждён 14.12.2026", "педагог-наставник", "дистанционно", "+7 (38241) 2-13-45", "№ п/п"],
            [.. MunicipalScheduleModel.Columns, Organisation]);
    }

    private static LongDocument ExpertSchedule()
    {
        var rows = Enumerable.Range(1, 6).Select(i => new ExpertScheduleRow(
            i, Name(i), i == 3, $"заместитель директора по учебно-воспитательной работе, {Organisation}",
            i % 2 == 0 ? "педагог-наставник" : "высшая", i % 2 == 0 ? "дистанционно" : "очно",
            $"{DoubleName}, учитель-логопед, {Organisation}",
            [new Attestation.Web.Areas.Expert.Pages.CoordinatorContact(DoubleName, "+7 (38241) 2-13-45, +7 913 123-45-67",
                "ivanova-kuznetsova.maria@moryakovka-internat.tomsk.example")]))
            .ToList();
        var model = new ExpertScheduleModel
        {
            Expert = $"Фёдоров Алексей Николаевич, учитель-логопед, {Organisation}",
            PeriodName = "январь-февраль 2027",
            PeriodPrepositional = "в январе-феврале 2027 г.",
            StartDate = new DateOnly(2027, 1, 1),
            EndDate = new DateOnly(2027, 2, 28),
            Rows = rows,
            Stages =
            [
                new ExpertScheduleStage("Не менее чем за 14 дней до начала срока проведения аттестации",
                [
                    new ExpertScheduleStep(new DateOnly(2026, 12, 18), "Изучить индивидуальный график проведения аттестации", null, null),
                    new ExpertScheduleStep(new DateOnly(2026, 12, 18),
                        "Согласовать с аттестуемым даты встречи и посещения его практической деятельности", null, "при очной форме"),
                ]),
                new ExpertScheduleStage("В период проведения аттестации (во второй календарный месяц)",
                [
                    new ExpertScheduleStep(new DateOnly(2027, 2, 15),
                        "Разместить в системе «Аттестация» скан итогового заключения", "Отмечается автоматически.", null),
                ]),
            ],
        };
        return new LongDocument(
            pdf => Render<ExpertSchedule>(pdf, model, PdfPageOptions.Table(model.Rows.Count)),
            ["01.01.2027", "28.02.2027", "до 18.12.2026", "до 15.02.2027", "педагог-наставник", "дистанционно",
                "+7 (38241) 2-13-45", "+7 913 123-45-67", "№ п/п"],
            [ExpertScheduleModel.Title, .. ExpertScheduleModel.Columns, Organisation]);
    }

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
