using Attestation.Domain.Applications;
using Attestation.Domain.Names;
using Attestation.Web.Documents;

namespace Attestation.Bench;

/// <summary>Documents filled the way the region's are: long names of organisations, two experts per attestee.</summary>
internal static class SampleData
{
    private static readonly string[] LastNames = ["Пичугина", "Белоусова", "Константинопольская", "Ершов", "Шевчук", "Иванова-Кузнецова"];

    private static readonly string[] Organisations =
    [
        "ОГКОУ \"Моряковская школа-интернат для детей с ограниченными возможностями здоровья\"",
        "МАОУ гимназия № 6 г. Томска",
        "МБДОУ \"Детский сад комбинированного вида № 12 \"Солнышко\" Асиновского района\"",
    ];

    private static readonly string[] Municipalities =
    [
        "Город Томск", "ЗАТО Северск", "Александровский район", "Асиновский район", "Бакчарский район",
        "Верхнекетский район", "Зырянский район", "Каргасокский район", "Кожевниковский район", "Колпашевский район",
        "Кривошеинский район", "Молчановский район", "Парабельский район", "Первомайский район", "Тегульдетский район",
        "Томский район", "Чаинский район", "Шегарский район", "Город Стрежевой", "Город Кедровый",
    ];

    public static ApplicationFormModel ApplicationForm(int i) => new()
    {
        FullName = $"{LastNames[i % LastNames.Length]} Олеся Владимировна",
        FullNameGenitive = $"{LastNames[i % LastNames.Length]} Олеси Владимировны",
        Commission = "аттестационную комиссию Департамента общего образования Томской области",
        Phone = "+7 (913) 123-45-67",
        Email = "pichugina@example.org",
        ShortName = $"{LastNames[i % LastNames.Length]} О. В.",
        Gender = GrammaticalGender.Female,
        Position = "учитель",
        Subject = "математики",
        Organisation = Organisations[i % Organisations.Length],
        Municipality = Municipalities[i % Municipalities.Length],
        AttestationYear = 2026,
        ClaimedCategory = "высшую квалификационную категорию",
        HeldCategory = "первую квалификационную категорию",
        HeldCategoryExpiresOn = new DateOnly(2027, 3, 14),
        HeldCategoryDecisionNumber = "1193-р",
        HeldCategoryDecisionDate = new DateOnly(2022, 3, 15),
        ResultsGrounds = string.Join(" ", Enumerable.Repeat(
            "стабильные положительные результаты освоения обучающимися образовательных программ по итогам мониторингов;", 6)),
        ResultLinks = ["https://school6.tomsk.ru/teachers/pichugina", "https://nsportal.ru/pichugina-olesya-vladimirovna"],
        EducationInstitution = "Томский государственный педагогический университет",
        EducationYear = 2005,
        EducationSpeciality = "математика",
        EducationQualification = "учитель математики",
        PedagogicalServiceYears = 19,
        PositionServiceYears = 17,
        OrganisationServiceYears = 12,
        Awards = "Почётная грамота Министерства просвещения Российской Федерации (2021)",
        Development = "2025, ТОИПКРО, «Формирование функциональной грамотности», 72 ч.",
        Form = "дистанционно",
        LessonRecordings = ["https://disk.example/lesson-1", "https://disk.example/lesson-2"],
        WantsToAttendMeeting = true,
        PrintedOn = new DateOnly(2026, 12, 2),
    };

    /// <summary>The region's journal of a year: the rows spread over the municipalities, each group numbered from 1.</summary>
    public static RegistrationJournalModel RegistrationJournal(int rows) => new()
    {
        Filter = new JournalFilter(null, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)),
        Groups = Municipalities.Select((municipality, m) => new JournalGroup<RegistrationJournalRow>(m + 1, municipality,
            JournalRows(rows / Municipalities.Length + (m < rows % Municipalities.Length ? 1 : 0)))).ToList(),
    };

    private static List<RegistrationJournalRow> JournalRows(int rows) =>
        Enumerable.Range(1, rows).Select(i => new RegistrationJournalRow(
            i,
            $"{LastNames[i % LastNames.Length]} Мария Петровна",
            i % 3 == 0 ? "нет" : "первая",
            i % 3 == 0 ? null : new DateOnly(2027, 1 + i % 12, 1 + i % 28),
            "высшая",
            i % 2 == 0 ? "очно" : "дистанционно",
            new DateOnly(2026, 1 + i % 12, 1 + i % 28),
            $"{i}/2026",
            new DateOnly(2026, 1 + i % 12, 1 + i % 28),
            "Заявление о проведении аттестации зарегистрировано")).ToList();

    public static ConsolidatedScheduleModel ConsolidatedSchedule(int rows)
    {
        var perMunicipality = rows / Municipalities.Length;
        var parts = Municipalities.Select((municipality, m) =>
        {
            var schedule = new MunicipalScheduleModel
            {
                Municipality = municipality,
                PeriodName = "январь-февраль 2027",
                PeriodPrepositional = "в январе-феврале 2027 г.",
                ApprovedOn = new DateOnly(2026, 12, 20),
                CoordinatorName = "Сидорова Анна Ивановна",
                CoordinatorPhone = "+7 (3822) 51-23-45",
                Rows = Enumerable.Range(1, perMunicipality).Select(i => new MunicipalScheduleRow(
                    i,
                    $"{LastNames[i % LastNames.Length]} Мария Петровна",
                    "высшая",
                    i % 2 == 0 ? "очно" : "дистанционно",
                    $"учитель математики, {Organisations[i % Organisations.Length]}",
                    [
                        $"Фёдоров Алексей Николаевич, учитель математики, {Organisations[(i + 1) % Organisations.Length]}",
                        $"Громова Елена Сергеевна, учитель математики, {Organisations[(i + 2) % Organisations.Length]}",
                    ])).ToList(),
            };
            return new ConsolidatedSchedulePart(m + 1, schedule,
                schedule.Rows.Select(_ => new ScheduledApplication(Guid.NewGuid(), ApplicationStatus.Scheduled, true)).ToList(),
                perMunicipality, 0, 0, new ScheduleApprovalInfo(new DateTimeOffset(2026, 12, 20, 10, 0, 0, TimeSpan.FromHours(7)), "Оператор"));
        }).ToList();
        return new ConsolidatedScheduleModel
        {
            PeriodName = "январь-февраль 2027",
            PeriodPrepositional = "в январе-феврале 2027 г.",
            Parts = parts,
            Total = parts.Sum(p => p.Attestees),
            ApprovedOn = new DateOnly(2026, 12, 20),
        };
    }
}
