using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Data.ReadModel;
using Microsoft.AspNetCore.Hosting;

namespace Attestation.Web.Tests.Support;

/// <summary>The municipal world of the tests with an expert load limit of two attestees a period, so that one expert is over it.</summary>
public sealed class MonitoringFactory : MunicipalFactory
{
    public const int ExpertLoadLimit = 2;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting($"{MonitoringOptions.Section}:{nameof(MonitoringOptions.ExpertLoadLimit)}", "2");
    }
}

/// <summary>
/// A hand-counted municipality for «Мониторинг», on the factory's day T (the 5th of month M0): nine applications submitted
/// from the 1st of M−2 on, three applications of the period starting in M−2 (submitted before, so not among the nine), and
/// a neighbour whose figures must never be counted in it.
/// </summary>
/// <remarks>
/// Submitted in M−2: A1 registered after 3 days; A2 registered after 35 days (late); A3 rejected after 5 days («Не
/// приложено ходатайство»); A6 simplified, registered after 2 days, «установить» on T; A7 simplified, registered after 4
/// days, «отказать» on T. In M−1: A4 still waiting (its 30 days over); A8 registered after 1 day, then withdrawn
/// («увольнение»); A9 «первая», distance form, registered after 8 days. In M0: A5 waiting (2 days old).
/// Period M−2 (conclusions due by the 15th of M−1, passed): C1 concluded on the 10th (in time), C2 on the 20th (late), C3
/// without a conclusion; experts: Первов on all three, Вторых on C1 and C2, Третьяков on C3.
/// </remarks>
public sealed class MonitoringWorld(MonitoringFactory factory)
{
    public const string RejectionReason = "Не приложено ходатайство работодателя";

    private readonly MunicipalWorld _world = new(factory);

    public MunicipalWorld.Place Place { get; private set; } = null!;

    public MunicipalWorld.Place Neighbour { get; private set; } = null!;

    public AttestationPeriod Period { get; private set; } = null!;

    /// <summary>The 1st of M−2: the range's first day.</summary>
    public DateOnly From { get; private set; }

    public DateOnly Today => factory.Today;

    public DateOnly MonthStart(int back) => new DateOnly(Today.Year, Today.Month, 1).AddMonths(-back);

    public int DaysToDecisionA6 => Today.DayNumber - MonthStart(2).AddDays(4).DayNumber;

    public int DaysToDecisionA7 => Today.DayNumber - MonthStart(2).AddDays(5).DayNumber;

    public async Task BuildAsync(string name)
    {
        Place = await _world.MunicipalityAsync(name);
        Neighbour = await _world.MunicipalityAsync($"Соседний район ({name})");
        From = MonthStart(2);
        Period = await factory.Applications.PeriodAsync(MonthStart(2));

        var m2 = MonthStart(2);
        var m1 = MonthStart(1);
        await Submitted("Первая", m2, ApplicationStage.Registered, b => b.Registered(at: At(m2.AddDays(3))));
        await Submitted("Вторая", m2.AddDays(1), ApplicationStage.Registered, b => b.Registered(at: At(m2.AddDays(1 + 35))));
        await Submitted("Третья", m2.AddDays(2), ApplicationStage.Rejected, b => b.Rejected(RejectionReason, At(m2.AddDays(2 + 5))));
        await Submitted("Шестая", m2.AddDays(4), ApplicationStage.Decided, b => b.Registered(at: At(m2.AddDays(4 + 2))), simplified: true);
        await Submitted("Седьмая", m2.AddDays(5), ApplicationStage.Decided,
            b => b.Registered(at: At(m2.AddDays(5 + 4))).Verified(Conformity.DoesNotCorrespond, factory.Now.AddHours(-1)), simplified: true);
        await Submitted("Четвёртая", m1, ApplicationStage.Submitted);
        await Submitted("Восьмая", m1.AddDays(1), ApplicationStage.Registered,
            b => b.Registered(at: At(m1.AddDays(1 + 1))).Withdrawn(WithdrawalReason.Dismissal, at: At(m1.AddDays(9))));
        await Submitted("Девятая", m1.AddDays(2), ApplicationStage.Registered,
            b => b.Registered(at: At(m1.AddDays(2 + 8))).With(d => d with { ClaimedCategory = QualificationCategory.First }),
            form: AttestationForm.Distance);
        await _world.ApplicationAsync(Place, "Пятая", ApplicationStage.Submitted, submittedAt: factory.Now.AddDays(-2));

        var first = await _world.ExpertAsync(Place, "Первов");
        var second = await _world.ExpertAsync(Place, "Вторых");
        var third = await _world.ExpertAsync(Place, "Третьяков");
        var before = At(MonthStart(4).AddDays(19));
        await _world.ApplicationAsync(Place, "Вовремя", ApplicationStage.ConclusionUploaded, Period, first, second, submittedAt: before,
            adjust: b => b.Concluded(at: At(m1.AddDays(9))));
        await _world.ApplicationAsync(Place, "Позже", ApplicationStage.ConclusionUploaded, Period, first, second, submittedAt: before,
            adjust: b => b.Concluded(at: At(m1.AddDays(19))));
        await _world.ApplicationAsync(Place, "Безвывода", ApplicationStage.Scheduled, Period, first, third, submittedAt: before);

        // The neighbour: submitted in the range, and a period's application without a conclusion.
        var a = await _world.ExpertAsync(Neighbour, "Соседов");
        var b = await _world.ExpertAsync(Neighbour, "Соседкин");
        await _world.ApplicationAsync(Neighbour, "Чужая", ApplicationStage.Rejected, submittedAt: At(m2.AddDays(7)),
            adjust: x => x.Rejected("Чужая причина", At(m2.AddDays(8))));
        await _world.ApplicationAsync(Neighbour, "Чужаяпериода", ApplicationStage.Scheduled, Period, a, b, submittedAt: before);
    }

    /// <summary>10:00 in Tomsk on <paramref name="day"/>.</summary>
    public static DateTimeOffset At(DateOnly day) => RegionClock.StartOfDay(day, MunicipalFactory.Zone).AddHours(10);

    private Task<Application> Submitted(string lastName, DateOnly day, ApplicationStage stage,
        Func<ApplicationBuilder, ApplicationBuilder>? adjust = null, bool simplified = false, AttestationForm form = AttestationForm.InPerson) =>
        _world.ApplicationAsync(Place, lastName, stage, submittedAt: At(day), simplified: simplified, form: form, adjust: adjust);
}

/// <summary>The tables of a «Мониторинг» page as text, and the numbers as the page writes them.</summary>
public static class MonitoringPageReading
{
    public static List<List<string>> Rows(this AngleSharp.Html.Dom.IHtmlDocument page, string table) =>
        page.QuerySelectorAll($"#table-{table} tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList())
            .ToList();

    public static List<string> Row(this AngleSharp.Html.Dom.IHtmlDocument page, string table, string first) =>
        page.Rows(table).Single(r => r[0] == first);

    public static List<string> Total(this AngleSharp.Html.Dom.IHtmlDocument page, string table) =>
        page.QuerySelectorAll($"#table-{table} tfoot td").Select(td => td.TextContent.Trim()).ToList();

    /// <summary>«66,7», «3,5», «80»: one decimal at most, a comma, as ru-RU writes it.</summary>
    public static string Number(double value) =>
        Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',');

    public static string Month(DateOnly date) => MonitoringFigures.MonthName(MonitoringFigures.MonthNumber(date));

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
