using Attestation.Domain.Categories;

namespace Attestation.Domain.Tests.Categories;

public class HeldCategoryTests
{
    [Theory]
    [InlineData("2023-08-31", true)]
    [InlineData("2023-09-01", false)]
    [InlineData("2018-04-30", true)]
    [InlineData("2025-02-26", false)]
    public void A_category_set_before_1_September_2023_is_legacy(string setOn, bool legacy)
    {
        var held = Given.Held(QualificationCategory.First, setOn);

        Assert.Equal(legacy, held.IsLegacy);
        Assert.Equal(legacy, held.ExpiresOn is not null);
    }

    [Fact]
    public void A_legacy_category_lasts_five_years_to_the_same_calendar_day()
    {
        var held = Given.Held(QualificationCategory.First, "2015-11-02");

        Assert.Equal(new DateOnly(2020, 11, 2), held.ExpiresOn);
    }

    [Fact]
    public void A_legacy_category_set_on_29_February_ends_on_28_February()
    {
        var held = Given.Held(QualificationCategory.Highest, "2020-02-29");

        Assert.Equal(new DateOnly(2025, 2, 28), held.ExpiresOn);
    }

    [Fact]
    public void The_last_day_of_a_legacy_term_is_still_covered()
    {
        var held = Given.Held(QualificationCategory.First, "2021-11-02");

        Assert.False(held.IsCurrent(new DateOnly(2021, 11, 1)));
        Assert.True(held.IsCurrent(new DateOnly(2021, 11, 2)));
        Assert.True(held.IsCurrent(new DateOnly(2026, 11, 2)));
        Assert.False(held.HasExpired(new DateOnly(2026, 11, 2)));
        Assert.False(held.IsCurrent(new DateOnly(2026, 11, 3)));
        Assert.True(held.HasExpired(new DateOnly(2026, 11, 3)));
    }

    [Fact]
    public void A_category_set_under_the_2023_rules_never_expires()
    {
        var held = Given.Held(QualificationCategory.Highest, "2024-02-28");

        Assert.Null(held.ExpiresOn);
        Assert.True(held.IsCurrent(new DateOnly(2074, 1, 1)));
        Assert.False(held.HasExpired(new DateOnly(2074, 1, 1)));
    }

    [Fact]
    public void Imported_legacy_data_may_carry_its_own_end_date()
    {
        var held = HeldCategory.Record(Given.TeacherId, QualificationCategory.First, "воспитатель",
            new DateOnly(2019, 3, 28), "123", new DateOnly(2019, 3, 28), legacyExpiresOn: new DateOnly(2024, 3, 27));

        Assert.True(held.IsLegacy);
        Assert.Equal(new DateOnly(2024, 3, 27), held.ExpiresOn);
    }

    [Fact]
    public void An_end_date_for_a_category_set_under_the_2023_rules_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => HeldCategory.Record(Given.TeacherId, QualificationCategory.First,
            "учитель", new DateOnly(2024, 1, 10), null, null, legacyExpiresOn: new DateOnly(2029, 1, 10)));

        Assert.Contains("бессрочно", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_end_date_before_the_start_is_refused()
    {
        Assert.Throws<DomainException>(() => HeldCategory.Record(Given.TeacherId, QualificationCategory.First,
            "учитель", new DateOnly(2019, 1, 10), null, null, legacyExpiresOn: new DateOnly(2019, 1, 10)));
    }

    [Theory]
    [InlineData(QualificationCategory.Methodist)]
    [InlineData(QualificationCategory.Mentor)]
    public void The_new_categories_cannot_date_from_before_2023(QualificationCategory category)
    {
        var error = Assert.Throws<DomainException>(() => Given.Held(category, "2023-05-15"));

        Assert.Contains("01.09.2023", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_having_a_category_is_not_recorded()
    {
        Assert.Throws<DomainException>(() => Given.Held(QualificationCategory.None, "2024-05-15"));
    }

    [Fact]
    public void A_record_gets_a_version_7_id_and_keeps_its_decision()
    {
        var held = HeldCategory.Record(Given.TeacherId, QualificationCategory.Mentor, " учитель ",
            new DateOnly(2025, 2, 26), " 301-р ", new DateOnly(2025, 3, 3));

        Assert.Equal(7, held.Id.Version);
        Assert.Equal(Given.TeacherId, held.TeacherId);
        Assert.Equal("учитель", held.PositionName);
        Assert.Equal("301-р", held.DecisionNumber);
        Assert.Equal(new DateOnly(2025, 3, 3), held.DecisionDate);

        held.RecordDecision("302-р", new DateOnly(2025, 3, 4));
        Assert.Equal("302-р", held.DecisionNumber);
    }

    [Fact]
    public void A_category_is_recorded_for_a_position()
    {
        Assert.Throws<DomainException>(() => Given.Held(QualificationCategory.First, "2024-05-15", position: " "));
    }
}
