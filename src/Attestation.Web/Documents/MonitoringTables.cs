using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;

namespace Attestation.Web.Documents;

/// <summary>A cell of a «Мониторинг» table: a text, or a number (a count, a share in per cent, a median of days).</summary>
public readonly record struct MonitoringCell(string? Text, double? Number)
{
    public static MonitoringCell Of(string? text) => new(text, null);

    public static MonitoringCell Of(int count) => new(null, count);

    /// <summary>A share or a median: empty when there is nothing to divide.</summary>
    public static MonitoringCell Of(double? value) => new(value is null ? "—" : null, value);

    /// <summary>As the page shows it: «95,5», «12», «—».</summary>
    public string Display => Number is { } number ? number.ToString("#,0.#", WebSetup.Russian) : Text ?? "";

    public bool IsNumber => Number is not null;
}

/// <summary>A series of a chart: its name, one value per label, its colour; a line over bars when <see cref="Line"/>.</summary>
public sealed record MonitoringSeries(string Label, IReadOnlyList<double?> Values, string Color, bool Line = false, bool Dashed = false);

/// <summary>What monitoring.js draws with Chart.js: bars (stacked or not, horizontal or not), a doughnut, or lines.</summary>
public sealed record MonitoringChart(string Kind, IReadOnlyList<string> Labels, IReadOnlyList<MonitoringSeries> Series,
    bool Stacked = false, bool Horizontal = false, string? Unit = null)
{
    public const string Bar = "bar";
    public const string Doughnut = "doughnut";
    public const string Lines = "line";

    /// <summary>
    /// The options of the page's JSON, made once: options made anew for each chart build their serialization metadata
    /// anew too. Russian letters are written as they are (each escaped, «Подано» was 36 characters); the characters that
    /// matter to HTML (<c>&lt;</c>, <c>&amp;</c>, quotes) are still escaped, so the JSON stays inert in its script element.
    /// </summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.Cyrillic,
            UnicodeRanges.GeneralPunctuation),
    };

    /// <summary>What monitoring.js reads from the chart's <c>script type="application/json"</c> element.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>
/// One table of «Мониторинг» with its chart: the page shows the chart with the table beside it, and «Скачать Excel»
/// writes the same rows (<see cref="Spreadsheets.MonitoringWorkbook"/>), so what is read and what is downloaded agree.
/// </summary>
public sealed record MonitoringTable(
    string Key,
    string Title,
    IReadOnlyList<string> Columns,
    IReadOnlyList<double> Widths,
    IReadOnlyList<IReadOnlyList<MonitoringCell>> Rows,
    IReadOnlyList<MonitoringCell>? Total = null,
    MonitoringChart? Chart = null,
    string? Note = null);

/// <summary>The tables of «Мониторинг» from a <see cref="MonitoringReport"/>, in the order the page shows them.</summary>
public static class MonitoringTables
{
    public const string Months = "months";
    public const string Statuses = "statuses";
    public const string Categories = "categories";
    public const string Forms = "forms";
    public const string Outcomes = "outcomes";
    public const string Consideration = "consideration";
    public const string ConsiderationByMunicipality = "consideration-municipalities";
    public const string Durations = "durations";
    public const string Conclusions = "conclusions";
    public const string ConclusionsByMunicipality = "conclusions-municipalities";
    public const string Experts = "experts";
    public const string ExpertsOverLimit = "experts-over-limit";
    public const string Rejections = "rejections";
    public const string Withdrawals = "withdrawals";

    private const string Blue = "#0d6efd";
    private const string Green = "#198754";
    private const string Amber = "#ffc107";
    private const string Red = "#dc3545";
    private const string Grey = "#adb5bd";
    private const string Teal = "#20c997";
    private const string Indigo = "#6610f2";
    private const string Orange = "#fd7e14";
    private static readonly string[] Palette = [Blue, Green, Amber, Red, Teal, Indigo, Orange, Grey, "#6f42c1", "#0dcaf0"];

    /// <summary>
    /// The tables of <paramref name="report"/>, made once per report: a report counted ahead is shared by the requests
    /// that show it (<see cref="Data.ReadModel.MonitoringReportMemo"/>), and so are its tables, which nothing changes.
    /// </summary>
    public static IReadOnlyList<MonitoringTable> From(MonitoringReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Made.GetValue(report, Make);
    }

    private static readonly ConditionalWeakTable<MonitoringReport, IReadOnlyList<MonitoringTable>> Made = new();

    private static IReadOnlyList<MonitoringTable> Make(MonitoringReport report)
    {
        return
        [
            ByMonth(report),
            Counts(Statuses, "Заявления по статусам", "Статус заявления",
                MonitoringQuery.Statuses.Select(s => (s.ToShortRussian(), report.ByStatus[s])), horizontal: true),
            Counts(Categories, "Заявления по заявленной квалификационной категории", "Заявленная категория",
                MonitoringQuery.Categories.Select(c => (Capitalised(c.ToRussian()), report.ByCategory[c])), doughnut: true),
            Counts(Forms, "Заявления по форме аттестации", "Форма аттестации",
                MonitoringQuery.Forms.Select(f => (Capitalised(f.ToRussian()), report.ByForm[f])), doughnut: true),
            OutcomeTable(report),
            ConsiderationTable(report),
            ConsiderationPivot(report),
            DurationTable(report),
            ConclusionTable(report),
            ConclusionPivot(report),
            ExpertTable(report),
            OverLimitTable(report),
            RejectionTable(report),
            Counts(Withdrawals, "Отозванные заявления по причинам отзыва", "Причина отзыва",
                MonitoringQuery.WithdrawalReasons.Select(r => (Capitalised(r.ToRussian()), report.ByWithdrawalReason[r])), horizontal: true),
        ];
    }

    /// <summary>The headline figures over the tables: submitted, the 30-day share, the medians, the conclusions in time.</summary>
    public static IReadOnlyList<(string Label, string Value, string Hint)> Summary(MonitoringReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var consideration = report.Consideration.Values.Aggregate(default(ConsiderationCounts), (sum, c) => sum + c);
        var registration = MonitoringFigures.Merge(report.DaysToRegistration.Values);
        var decision = MonitoringFigures.Merge(report.DaysToDecision.Values);
        return
        [
            ("Подано заявлений", MonitoringCell.Of(report.Submitted).Display, "за выбранные даты"),
            ("Рассмотрено в 30-дневный срок", Percent(consideration.OnTimeShare), $"из {consideration.Due} заявлений, срок которых истёк"),
            ("Медиана дней до регистрации", MonitoringCell.Of(MonitoringFigures.Median(registration)).Display, $"норма — не более {ApplicationClocks.ConsiderationDays} дней"),
            ("Медиана дней до решения", MonitoringCell.Of(MonitoringFigures.Median(decision)).Display, $"норма — не более {ApplicationClocks.TotalMaxDays} дней"),
        ];
    }

    private static string Percent(double? share) => share is null ? "—" : MonitoringCell.Of(share).Display + " %";

    /// <summary>«Первая», «Очно».</summary>
    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    private static List<int> ShownMonths(MonitoringReport report) =>
        report.Range.Months.Where(m => MonitoringFigures.MonthStart(m) <= report.Today).ToList();

    private static MonitoringTable ByMonth(MonitoringReport report)
    {
        var months = ShownMonths(report);
        var counts = months.Select(m => report.ByMonth.GetValueOrDefault(m)).ToList();
        return new MonitoringTable(Months, "Заявления по месяцам подачи", ["Месяц подачи", "Подано заявлений"], [30, 20],
            months.Select((m, i) => Row(MonitoringCell.Of(MonitoringFigures.MonthName(m)), MonitoringCell.Of(counts[i]))).ToList(),
            Row(MonitoringCell.Of("Всего"), MonitoringCell.Of(counts.Sum())),
            new MonitoringChart(MonitoringChart.Bar, months.Select(MonitoringFigures.MonthName).ToList(),
                [new MonitoringSeries("Подано заявлений", counts.Select(c => (double?)c).ToList(), Blue)]));
    }

    private static MonitoringTable Counts(string key, string title, string what, IEnumerable<(string Label, int Count)> rows,
        bool horizontal = false, bool doughnut = false)
    {
        var list = rows.ToList();
        var total = list.Sum(r => r.Count);
        return new MonitoringTable(key, title, [what, "Заявлений", "Доля, %"], [40, 14, 12],
            list.Select(r => Row(MonitoringCell.Of(r.Label), MonitoringCell.Of(r.Count), MonitoringCell.Of(MonitoringFigures.Share(r.Count, total)))).ToList(),
            Row(MonitoringCell.Of("Всего"), MonitoringCell.Of(total), MonitoringCell.Of(MonitoringFigures.Share(total, total))),
            new MonitoringChart(doughnut ? MonitoringChart.Doughnut : MonitoringChart.Bar, list.Select(r => r.Label).ToList(),
                [new MonitoringSeries("Заявлений", list.Select(r => (double?)r.Count).ToList(), doughnut ? Palette[0] : Blue)],
                Horizontal: horizontal));
    }

    private static MonitoringTable OutcomeTable(MonitoringReport report)
    {
        var established = report.ByOutcome[DecisionOutcome.Established];
        var refused = report.ByOutcome[DecisionOutcome.Refused];
        var decided = established + refused;
        string[] labels = ["Установлена заявленная категория", "Отказано в установлении категории"];
        return new MonitoringTable(Outcomes, "Решения аттестационной комиссии", ["Решение", "Заявлений", "Доля, %"], [40, 14, 12],
            [
                Row(MonitoringCell.Of(labels[0]), MonitoringCell.Of(established), MonitoringCell.Of(MonitoringFigures.Share(established, decided))),
                Row(MonitoringCell.Of(labels[1]), MonitoringCell.Of(refused), MonitoringCell.Of(MonitoringFigures.Share(refused, decided))),
            ],
            Row(MonitoringCell.Of("Всего решений"), MonitoringCell.Of(decided), MonitoringCell.Of(MonitoringFigures.Share(decided, decided))),
            new MonitoringChart(MonitoringChart.Doughnut, labels, [new MonitoringSeries("Заявлений", [established, refused], Green)]),
            "По заявлениям, поданным в выбранные даты, по которым комиссия уже приняла решение.");
    }

    private static MonitoringTable ConsiderationTable(MonitoringReport report)
    {
        var months = ShownMonths(report);
        var byMonth = months.Select(m => report.Consideration.Where(c => c.Key.Month == m)
            .Aggregate(default(ConsiderationCounts), (sum, c) => sum + c.Value)).ToList();
        var total = byMonth.Aggregate(default(ConsiderationCounts), (sum, c) => sum + c);
        IReadOnlyList<MonitoringCell> Cells(string label, ConsiderationCounts c) => Row(MonitoringCell.Of(label),
            MonitoringCell.Of(c.OnTime), MonitoringCell.Of(c.Late), MonitoringCell.Of(c.WaitingOverdue), MonitoringCell.Of(c.Waiting),
            MonitoringCell.Of(c.OnTimeShare));
        var labels = months.Select(MonitoringFigures.MonthName).ToList();
        return new MonitoringTable(Consideration, "Рассмотрение заявлений в 30-дневный срок",
            ["Месяц подачи", "Рассмотрено в срок", "Рассмотрено с нарушением срока", "Не рассмотрено, срок истёк", "Ожидают, срок не истёк", "Доля рассмотренных в срок, %"],
            [22, 16, 18, 18, 16, 18],
            months.Select((m, i) => Cells(labels[i], byMonth[i])).ToList(),
            Cells("Всего", total),
            new MonitoringChart(MonitoringChart.Bar, labels,
            [
                new MonitoringSeries("Рассмотрено в срок", byMonth.Select(c => (double?)c.OnTime).ToList(), Green),
                new MonitoringSeries("С нарушением срока", byMonth.Select(c => (double?)c.Late).ToList(), Red),
                new MonitoringSeries("Не рассмотрено, срок истёк", byMonth.Select(c => (double?)c.WaitingOverdue).ToList(), Orange),
                new MonitoringSeries("Ожидают, срок не истёк", byMonth.Select(c => (double?)c.Waiting).ToList(), Grey),
            ], Stacked: true),
            $"Заявление рассматривается (регистрируется или отклоняется) в течение {ApplicationClocks.ConsiderationDays} календарных дней со дня подачи. Доля — от заявлений, срок рассмотрения которых истёк.");
    }

    private static MonitoringTable ConsiderationPivot(MonitoringReport report)
    {
        var months = ShownMonths(report);
        var rows = report.Municipalities
            .Where(m => report.Consideration.Keys.Any(k => k.Municipality == m.Id))
            .Select(m =>
            {
                var cells = new List<MonitoringCell> { MonitoringCell.Of(m.Name) };
                cells.AddRange(months.Select(month => report.Consideration.TryGetValue((m.Id, month), out var c)
                    ? MonitoringCell.Of(c.OnTimeShare) : MonitoringCell.Of("")));
                var all = report.Consideration.Where(c => c.Key.Municipality == m.Id).Aggregate(default(ConsiderationCounts), (sum, c) => sum + c.Value);
                cells.Add(MonitoringCell.Of(all.OnTimeShare));
                return (IReadOnlyList<MonitoringCell>)cells;
            })
            .ToList();
        return new MonitoringTable(ConsiderationByMunicipality,
            "Доля заявлений, рассмотренных в 30-дневный срок, по муниципальным образованиям и месяцам подачи, %",
            ["Муниципальное образование", .. months.Select(MonitoringFigures.MonthName), "За все месяцы"],
            [34, .. months.Select(_ => 11.0), 12],
            rows,
            Note: "«—»: срок рассмотрения ни одного заявления месяца ещё не истёк; пусто: заявлений не было.");
    }

    private static MonitoringTable DurationTable(MonitoringReport report)
    {
        var months = ShownMonths(report);
        IReadOnlyList<MonitoringCell> Cells(string label, IReadOnlyList<DayCount> registration, IReadOnlyList<DayCount> decision) => Row(
            MonitoringCell.Of(label),
            MonitoringCell.Of(MonitoringFigures.CountOf(registration)),
            MonitoringCell.Of(MonitoringFigures.Median(registration)),
            MonitoringCell.Of(MonitoringFigures.CountOver(registration, ApplicationClocks.ConsiderationDays)),
            MonitoringCell.Of(MonitoringFigures.CountOf(decision)),
            MonitoringCell.Of(MonitoringFigures.Median(decision)),
            MonitoringCell.Of(MonitoringFigures.CountOver(decision, ApplicationClocks.TotalMaxDays)));
        var registrations = months.Select(m => report.DaysToRegistration.GetValueOrDefault(m) ?? []).ToList();
        var decisions = months.Select(m => report.DaysToDecision.GetValueOrDefault(m) ?? []).ToList();
        var labels = months.Select(MonitoringFigures.MonthName).ToList();
        return new MonitoringTable(Durations, "Сроки: медиана дней от подачи заявления до регистрации и до решения комиссии",
            ["Месяц подачи", "Зарегистрировано", "Медиана дней до регистрации", $"Из них позже {ApplicationClocks.ConsiderationDays} дней",
                "Решение принято", "Медиана дней до решения", $"Из них позже {ApplicationClocks.TotalMaxDays} дней"],
            [22, 16, 16, 14, 14, 16, 14],
            months.Select((m, i) => Cells(labels[i], registrations[i], decisions[i])).ToList(),
            Cells("За все месяцы", MonitoringFigures.Merge(registrations), MonitoringFigures.Merge(decisions)),
            new MonitoringChart(MonitoringChart.Lines, labels,
            [
                new MonitoringSeries("Медиана дней до регистрации", registrations.Select(MonitoringFigures.Median).ToList(), Blue, Line: true),
                new MonitoringSeries("Медиана дней до решения", decisions.Select(MonitoringFigures.Median).ToList(), Indigo, Line: true),
                new MonitoringSeries($"{ApplicationClocks.ConsiderationDays} дней на рассмотрение", labels.Select(_ => (double?)ApplicationClocks.ConsiderationDays).ToList(), Amber, Line: true, Dashed: true),
                new MonitoringSeries($"{ApplicationClocks.TotalMaxDays} дней до решения", labels.Select(_ => (double?)ApplicationClocks.TotalMaxDays).ToList(), Red, Line: true, Dashed: true),
            ], Unit: "дней"),
            $"Календарные дни от дня подачи: {ApplicationClocks.ConsiderationDays} дней на рассмотрение заявления и не более {ApplicationClocks.AttestationMaxDays} дней аттестации — не более {ApplicationClocks.TotalMaxDays} дней до решения.");
    }

    private static MonitoringTable ConclusionTable(MonitoringReport report)
    {
        var periods = report.Periods.Where(p => report.Conclusions.Keys.Any(k => k.Period == p.Id)).ToList();
        var counts = periods.Select(p => report.Conclusions.Where(c => c.Key.Period == p.Id)
            .Aggregate(default(ConclusionCounts), (sum, c) => sum + c.Value)).ToList();
        var total = counts.Aggregate(default(ConclusionCounts), (sum, c) => sum + c);
        var totalInTime = MonitoringFigures.Share(total.InTime,
            periods.Select((p, i) => report.ConclusionDeadlinePassed(p) ? counts[i].InPeriod : counts[i].InTime + counts[i].Late).Sum());
        var labels = periods.Select(p => p.Name).ToList();
        return new MonitoringTable(Conclusions, "Итоговые заключения, размещённые в системе к 15 числу",
            ["Период аттестации", "Срок размещения", "Заявлений в периоде", "Размещено в срок", "Размещено позже срока", "Не размещено", "Доля размещённых в срок, %"],
            [26, 14, 14, 14, 14, 14, 16],
            periods.Select((p, i) => Row(MonitoringCell.Of(p.Name), MonitoringCell.Of(PeriodCalendar.Deadlines(p).ConclusionUploadedBy.ToRussianDate()),
                MonitoringCell.Of(counts[i].InPeriod), MonitoringCell.Of(counts[i].InTime), MonitoringCell.Of(counts[i].Late),
                MonitoringCell.Of(counts[i].Missing), MonitoringCell.Of(counts[i].InTimeShare(report.ConclusionDeadlinePassed(p))))).ToList(),
            Row(MonitoringCell.Of("Всего"), MonitoringCell.Of(""), MonitoringCell.Of(total.InPeriod), MonitoringCell.Of(total.InTime),
                MonitoringCell.Of(total.Late), MonitoringCell.Of(total.Missing), MonitoringCell.Of(totalInTime)),
            new MonitoringChart(MonitoringChart.Bar, labels,
            [
                new MonitoringSeries("Размещено в срок", counts.Select(c => (double?)c.InTime).ToList(), Green),
                new MonitoringSeries("Позже срока", counts.Select(c => (double?)c.Late).ToList(), Red),
                new MonitoringSeries("Не размещено", counts.Select(c => (double?)c.Missing).ToList(), Grey),
            ], Stacked: true),
            "Периоды, начинающиеся в выбранные даты. Итоговое заключение размещается в системе до 15 числа второго месяца периода; доля — от заявлений периода, срок которых наступил.");
    }

    private static MonitoringTable ConclusionPivot(MonitoringReport report)
    {
        var periods = report.Periods.Where(p => report.Conclusions.Keys.Any(k => k.Period == p.Id)).ToList();
        var rows = report.Municipalities
            .Where(m => report.Conclusions.Keys.Any(k => k.Municipality == m.Id))
            .Select(m =>
            {
                var cells = new List<MonitoringCell> { MonitoringCell.Of(m.Name) };
                cells.AddRange(periods.Select(p => report.Conclusions.TryGetValue((m.Id, p.Id), out var c)
                    ? MonitoringCell.Of(c.InTimeShare(report.ConclusionDeadlinePassed(p))) : MonitoringCell.Of("")));
                return (IReadOnlyList<MonitoringCell>)cells;
            })
            .ToList();
        return new MonitoringTable(ConclusionsByMunicipality,
            "Доля итоговых заключений, размещённых к 15 числу, по муниципальным образованиям и периодам, %",
            ["Муниципальное образование", .. periods.Select(p => p.Name)],
            [34, .. periods.Select(_ => 14.0)],
            rows,
            Note: "«—»: срок размещения ещё не наступил и заключений нет; пусто: заявлений в периоде не было.");
    }

    private static MonitoringTable ExpertTable(MonitoringReport report)
    {
        var loads = report.ExpertLoads;
        var limit = loads.Count > 0 ? loads[0].Limit : (int?)null;
        var labels = loads.Select(l => l.Period.Name).ToList();
        var series = new List<MonitoringSeries>
        {
            new("В среднем на эксперта", loads.Select(l => l.PerExpert).ToList(), Blue),
            new("Наибольшая нагрузка", loads.Select(l => (double?)l.Max).ToList(), Orange),
        };
        if (limit is { } max)
            series.Add(new MonitoringSeries($"Норма: {max}", loads.Select(_ => (double?)max).ToList(), Red, Line: true, Dashed: true));
        return new MonitoringTable(Experts, "Нагрузка специалистов по аттестации (экспертов) по периодам",
            ["Период аттестации", "Экспертов", "Аттестуемых на экспертах", "В среднем на эксперта", "Наибольшая нагрузка", "Экспертов сверх нормы"],
            [26, 12, 16, 16, 16, 16],
            loads.Select(l => Row(MonitoringCell.Of(l.Period.Name), MonitoringCell.Of(l.Experts), MonitoringCell.Of(l.Attestees),
                MonitoringCell.Of(l.PerExpert), MonitoringCell.Of(l.Max), MonitoringCell.Of(l.OverLimit.Count))).ToList(),
            Chart: new MonitoringChart(MonitoringChart.Bar, labels, series, Unit: "аттестуемых"),
            Note: $"Каждого аттестуемого изучают два эксперта: он учтён у обоих. Норма — не более {limit ?? report.ExpertLoadLimit} аттестуемых на эксперта в период (настройка Monitoring__ExpertLoadLimit).");
    }

    private static MonitoringTable OverLimitTable(MonitoringReport report) =>
        new(ExpertsOverLimit, $"Эксперты с нагрузкой сверх нормы (более {report.ExpertLoadLimit} аттестуемых в период)",
            ["Период аттестации", "Специалист по аттестации (эксперт)", "Аттестуемых"], [26, 44, 14],
            report.ExpertLoads.SelectMany(l => l.OverLimit.Select(e => Row(MonitoringCell.Of(l.Period.Name), MonitoringCell.Of(e.FullName),
                MonitoringCell.Of(e.Attestees)))).ToList());

    private static MonitoringTable RejectionTable(MonitoringReport report)
    {
        var rejected = report.ByStatus[ApplicationStatus.Rejected];
        var shown = report.RejectionReasons.ToList();
        var others = rejected - shown.Sum(r => r.Count);
        if (others > 0)
            shown.Add(("Другие причины", others));
        return new MonitoringTable(Rejections, "Отклонённые заявления по причинам отклонения", ["Причина отклонения", "Заявлений"], [60, 14],
            shown.Select(r => Row(MonitoringCell.Of(r.Reason), MonitoringCell.Of(r.Count))).ToList(),
            Row(MonitoringCell.Of("Всего отклонено"), MonitoringCell.Of(rejected)),
            new MonitoringChart(MonitoringChart.Bar, shown.Select(r => Shortened(r.Reason)).ToList(),
                [new MonitoringSeries("Заявлений", shown.Select(r => (double?)r.Count).ToList(), Red)], Horizontal: true),
            $"Заявления, отклонённые и не поданные повторно; показаны {MonitoringQuery.RejectionReasonsShown} самых частых причин.");
    }

    /// <summary>A reason as a chart's axis can show it.</summary>
    private static string Shortened(string text) => text.Length <= 40 ? text : text[..39] + "…";

    private static MonitoringCell[] Row(params MonitoringCell[] cells) => cells;
}
