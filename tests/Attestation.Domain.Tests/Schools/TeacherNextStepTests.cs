using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Domain.Schools;

namespace Attestation.Domain.Tests.Schools;

public class TeacherNextStepTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    [Fact]
    public void Without_an_application_a_legacy_category_asks_to_apply_three_months_before_it_ends()
    {
        var step = TeacherNextStep.Of(new TeacherFacts { CategoryExpiresOn = new DateOnly(2027, 6, 30) }, Today);

        Assert.Equal(new NextStep("Подать заявление до 30.03.2027", false), step);
    }

    [Fact]
    public void The_step_needs_attention_once_the_plans_first_date_is_reached_and_says_when_the_term_is_past()
    {
        var expiresOn = new DateOnly(2027, 2, 28);
        var cabinetDataBy = TeacherPlanCalendar.For(expiresOn).CabinetDataBy;

        Assert.False(TeacherNextStep.Of(new TeacherFacts { CategoryExpiresOn = expiresOn }, cabinetDataBy.AddDays(-1))!.Attention);
        Assert.True(TeacherNextStep.Of(new TeacherFacts { CategoryExpiresOn = expiresOn }, cabinetDataBy)!.Attention);
        Assert.Equal("Подать заявление как можно скорее: рекомендованный срок 28.11.2026 прошёл, категория действует до 28.02.2027",
            TeacherNextStep.Of(new TeacherFacts { CategoryExpiresOn = expiresOn }, new DateOnly(2026, 12, 1))!.Text);
        Assert.Equal(new NextStep("Подать заявление: срок действия категории истёк 28.02.2027", true),
            TeacherNextStep.Of(new TeacherFacts { CategoryExpiresOn = expiresOn }, new DateOnly(2027, 3, 1)));
    }

    [Fact]
    public void Nothing_is_due_without_an_application_and_without_an_ending_category()
    {
        Assert.Null(TeacherNextStep.Of(new TeacherFacts(), Today));
        Assert.Null(TeacherNextStep.Of(new TeacherFacts { Status = ApplicationStatus.Withdrawn }, Today));
    }

    [Theory]
    [InlineData(ApplicationStatus.Draft, "Заполнить и подать заявление до 30.03.2027")]
    [InlineData(ApplicationStatus.Rejected, "Заявление отклонено: исправить и подать повторно")]
    [InlineData(ApplicationStatus.Submitted, "Заявление на регистрации у муниципального координатора (рассмотреть до 10.12.2026)")]
    [InlineData(ApplicationStatus.Registered, "Заявление зарегистрировано: ожидает включения в график аттестации")]
    [InlineData(ApplicationStatus.ConclusionUploaded, "Загрузить подписанное заключение")]
    [InlineData(ApplicationStatus.ConclusionSigned, "Итоговое заключение на проверке у муниципального координатора")]
    [InlineData(ApplicationStatus.Verified, "Ожидает решения аттестационной комиссии")]
    [InlineData(ApplicationStatus.Withdrawn, "Подать заявление до 30.03.2027")]
    public void Each_state_of_the_application_says_its_next_step_in_the_manuals_words(ApplicationStatus status, string expected)
    {
        var facts = new TeacherFacts
        {
            Status = status,
            SubmittedOn = new DateOnly(2026, 11, 10),
            CategoryExpiresOn = new DateOnly(2027, 6, 30),
        };

        Assert.Equal(expected, TeacherNextStep.Of(facts, Today)!.Text);
    }

    [Fact]
    public void A_scheduled_application_waits_for_the_experts_in_its_period()
    {
        var facts = new TeacherFacts { Status = ApplicationStatus.Scheduled, PeriodStart = new DateOnly(2027, 1, 1) };

        Assert.Equal("Ожидает экспертизы в период «январь-февраль 2027» (01.01.2027 – 28.02.2027)", TeacherNextStep.Of(facts, Today)!.Text);
    }

    [Fact]
    public void The_decision_and_a_pending_withdrawal_are_said_as_such()
    {
        Assert.Equal("Решение комиссии: установлена квалификационная категория «высшая»",
            TeacherNextStep.Of(new TeacherFacts { Status = ApplicationStatus.Decided, Outcome = DecisionOutcome.Established, ClaimedCategory = QualificationCategory.Highest }, Today)!.Text);
        Assert.Equal("Решение комиссии: отказать в установлении квалификационной категории",
            TeacherNextStep.Of(new TeacherFacts { Status = ApplicationStatus.Decided, Outcome = DecisionOutcome.Refused }, Today)!.Text);
        Assert.Equal("Заявление на отзыв на регистрации у муниципального координатора",
            TeacherNextStep.Of(new TeacherFacts { Status = ApplicationStatus.Registered, WithdrawalPending = true }, Today)!.Text);
    }

    [Fact]
    public void The_cyclograms_duties_fall_in_the_august_before_the_year_and_item_6_spans_the_plan()
    {
        var year = new SchoolYear(2026);
        var duties = SchoolDuties.For(year, new DateOnly(2026, 10, 1), new DateOnly(2027, 4, 5));

        Assert.Equal(["order", "schedule", "support", "briefing", "results", "cabinets", "reflection"], duties.Select(d => d.Code));
        Assert.Equal((new DateOnly(2026, 8, 1), new DateOnly(2026, 8, 31)), (duties[0].From!.Value, duties[0].To!.Value));
        Assert.Contains("с 01.10.2026 по 05.04.2027", duties[5].Term, StringComparison.Ordinal);
        Assert.Contains("педагогов нет", SchoolDuties.For(year)[5].Term, StringComparison.Ordinal);
        Assert.Null(SchoolDuties.Find(year, "nonsense"));
    }
}
